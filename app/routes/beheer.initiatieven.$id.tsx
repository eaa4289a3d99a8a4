import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { z } from "zod";
import { listAudit } from "~/domain/audit/audit.server";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { DECIDERS, type Decider, quickscan } from "~/domain/initiatives/quickscan";
import { answerRows } from "~/domain/initiatives/quickscan-answers";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { LOCATION_PRECISIONS } from "~/domain/initiatives/rules";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import { allowedNextStatuses, type Status, statusValues } from "~/domain/initiatives/statuses";
import {
  addNote,
  assignAccountManager,
  changeStatus,
  getInitiative,
  listAccountManagers,
  messageToInitiator,
  publish,
  setDecider,
  unpublish,
} from "~/domain/initiatives/triage.server";
import { tileConfig } from "~/domain/places/tiles.server";
import { listWijken } from "~/domain/places/wijken.server";
import {
  type FieldErrors,
  type FormValues,
  intentFeedback,
  optionalText,
  parseForm,
  requiredText,
  str,
} from "~/lib/forms";
import { Alert, TextLink } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";
import {
  AuditSection,
  IdeaSection,
  MessagesSection,
  PlaceSection,
  QuickscanSection,
  TriageSummary,
} from "~/ui/initiatives/triage-content";
import {
  AssignPanel,
  DeciderPanel,
  MessagePanel,
  NotePanel,
  type PanelFeedback,
  PublishPanel,
  StatusPanel,
} from "~/ui/initiatives/triage-panel";
import mapCss from "~/ui/map.css?url";
import { useUnsavedTextWarning } from "~/ui/unsaved-text-warning";

// The staff initiative page as a triage panel: what the resident sent (content, photo, place on a
// small map) on the left, every decision in one panel on the right (one column below 1024 px).
// Leaflet loads on this page only, through SmallMap.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ideasCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.idea.title ?? "Initiatief"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const [managers, wijken, trail] = await Promise.all([
    listAccountManagers(),
    listWijken(),
    listAudit({ entityType: "initiative", entityId: found.idea.id, page: 1, pageSize: 100 }),
  ]);
  const answers = found.idea.answers as unknown as QuickscanAnswers;
  return {
    idea: found.idea,
    answers: answerRows(answers, (code) => wijken.find((w) => w.code === code)?.name),
    result: quickscan(ruleAnswers(answers)),
    messages: found.messages,
    events: found.events,
    documents: found.documents.versions,
    managers,
    wijkName: wijken.find((w) => w.code === found.idea.wijkCode)?.name ?? null,
    nextStatuses: allowedNextStatuses(found.idea.status as Status),
    trail: trail.rows,
    photo: found.photo,
    tiles: tileConfig(),
  };
}

const schemas = {
  assign: z.object({ accountManagerId: z.string().max(60).optional() }),
  decider: z.object({
    decider: z.enum(DECIDERS.map((d) => d.value) as [string, ...string[]], {
      errorMap: () => ({ message: "Kies wie beslist." }),
    }),
    complex: z.preprocess((v) => v === "ja", z.boolean()),
    reason: requiredText(2000, "Geef een reden voor deze keuze."),
  }),
  status: z.object({
    status: z.enum(statusValues, { errorMap: () => ({ message: "Kies een nieuwe status." }) }),
    reason: optionalText(2000),
  }),
  message: z.object({ body: requiredText(4000, "Schrijf een bericht.") }),
  note: z.object({ note: requiredText(4000, "Schrijf een notitie.") }),
  publish: z.object({
    publicTitle: requiredText(120, "Vul een openbare titel in."),
    publicSummary: requiredText(1000, "Vul een korte openbare samenvatting in."),
    precision: z.enum(LOCATION_PRECISIONS.map((p) => p.value) as ["none", "wijk", "buurt", "exact"], {
      errorMap: () => ({ message: "Kies hoe precies de plek op de kaart komt." }),
    }),
    featured: z.preprocess((v) => v === "ja", z.boolean()),
    showPhoto: z.preprocess((v) => v === "ja", z.boolean()),
  }),
  unpublish: z.object({}),
};
export type TriageIntent = keyof typeof schemas;
type Intent = TriageIntent;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.$id"]);
  const id = params.id ?? "";
  const found = await getInitiative(id);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const form = await request.formData();
  const intent = String(form.get("intent")) as Intent;
  if (!(intent in schemas)) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const actor = { id: user.id, email: user.email };
  const invalid = (errors: FieldErrors, values: unknown) =>
    data({ intent, errors, values: values as FormValues }, { status: 400 });
  try {
    switch (intent) {
      case "assign": {
        const p = parseForm(schemas.assign, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await assignAccountManager(id, p.data.accountManagerId || null, actor);
        break;
      }
      case "decider": {
        const p = parseForm(schemas.decider, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await setDecider(
          id,
          { decider: p.data.decider as Decider, complex: p.data.complex, reason: p.data.reason },
          actor,
        );
        break;
      }
      case "status": {
        const p = parseForm(schemas.status, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await changeStatus(id, p.data.status, p.data.reason, actor);
        break;
      }
      case "message": {
        const p = parseForm(schemas.message, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await messageToInitiator(id, p.data.body, actor);
        break;
      }
      case "note": {
        const p = parseForm(schemas.note, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await addNote(id, p.data.note, actor);
        break;
      }
      case "publish": {
        const p = parseForm(schemas.publish, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await publish(id, p.data, actor);
        break;
      }
      case "unpublish":
        await unpublish(id, actor);
        break;
    }
  } catch (error) {
    if (error instanceof InitiativeError)
      // "published" (closed initiatives never go on the map) belongs to the publish form's first field.
      return invalid(
        { [error.field === "published" ? "publicTitle" : (error.field ?? "_form")]: error.message },
        Object.fromEntries(form),
      );
    throw error;
  }
  // Back to the section that was saved, not to the top of the page.
  throw redirect(`/beheer/initiatieven/${id}?opgeslagen=${intent}#${sectionOf[intent]}`);
}

/** The id of the section each intent's form sits in (the anchor after saving). */
const sectionOf: Record<Intent, string> = {
  assign: "toewijzen-titel",
  decider: "beslisser-titel",
  status: "status-titel",
  message: "bericht-titel",
  note: "notitie-titel",
  publish: "kaart-titel",
  unpublish: "kaart-titel",
};

const savedLabels: Record<string, string> = {
  assign: "De accounthouder is opgeslagen.",
  decider: "De beslisser en de complexiteit zijn opgeslagen.",
  status: "De status is gewijzigd. De initiatiefnemer heeft een e-mail gekregen.",
  message: "Het bericht is verstuurd naar de initiatiefnemer.",
  note: "De interne notitie is opgeslagen.",
  publish: "Het initiatief staat op de kaart.",
  unpublish: "Het initiatief staat niet meer op de kaart.",
};

export default function InitiativeDetail() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const idea = d.idea;
  const page = useRef<HTMLDivElement>(null);
  useUnsavedTextWarning(page);
  const feedback = panelFeedback(actionData, params.get("opgeslagen") ?? "");
  const closed = idea.status === "rejected" || idea.status === "withdrawn";
  const manager = d.managers.find((m) => m.id === idea.accountManagerId)?.name ?? idea.team ?? "Nog niemand";

  return (
    <div className="wmh-stack" ref={page}>
      <p>
        <TextLink to="/beheer/initiatieven">Terug naar alle initiatieven</TextLink>
      </p>
      <TriageSummary idea={idea} manager={manager} />
      <div className="wmh-triage">
        <div className="wmh-triage__content wmh-stack">
          <IdeaSection idea={idea} photo={d.photo} />
          <PlaceSection idea={idea} wijkName={d.wijkName} tiles={d.tiles} />
          <MessagesSection messages={d.messages} />
          <QuickscanSection idea={idea} answers={d.answers} result={d.result} />
          <AuditSection trail={d.trail} />
          <p>
            <Link to={`/beheer/initiatieven/${idea.id}/afdrukken`} className="utrecht-link">
              Afdrukbare versie
            </Link>
          </p>
        </div>
        <section className="wmh-triage__panel wmh-stack" aria-label="Behandelen">
          <AssignPanel idea={idea} managers={d.managers} feedback={feedback} />
          <DeciderPanel idea={idea} feedback={feedback} />
          <StatusPanel nextStatuses={d.nextStatuses} feedback={feedback} />
          {closed ? null : <MessagePanel formKey={d.messages.length} feedback={feedback} />}
          <NotePanel formKey={d.messages.length} feedback={feedback} />
          <PublishPanel idea={idea} photo={d.photo} closed={closed} feedback={feedback} />
        </section>
      </div>
    </div>
  );
}

/** The forms' feedback: errors and values of the form sent, and "saved" in the section saved. */
function panelFeedback(
  actionData: { intent: TriageIntent; errors: FieldErrors; values: FormValues } | undefined,
  savedIntent: string,
): PanelFeedback {
  const { errorsFor, valueFor } = intentFeedback(actionData);
  const saved = savedLabels[savedIntent];
  return {
    errorsFor,
    valueFor,
    checkedFor: (intent, key, stored) =>
      actionData?.intent === intent ? str(actionData.values, key) === "ja" : stored,
    // The confirmation appears in the section that was saved (the page opens there).
    savedIn: (section) =>
      saved && sectionOf[savedIntent as TriageIntent] === section ? <Alert type="ok">{saved}</Alert> : null,
  };
}
