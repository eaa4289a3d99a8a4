import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import {
  type ParticipationContent,
  type PlanContent,
  type ProceskaderSection,
  sectionNames,
} from "~/domain/initiatives/proceskader";
import { handleProceskaderPost } from "~/domain/initiatives/proceskader-form.server";
import { deciderLabel } from "~/domain/initiatives/quickscan";
import { getInitiative } from "~/domain/initiatives/triage.server";
import type { FieldErrors } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";
import {
  AdoptionSection,
  ParticipationSection,
  PlanSection,
  type SectionFeedback,
  StepsSection,
  VersionsSection,
} from "~/ui/initiatives/proceskader-sections";
import { useUnsavedTextWarning } from "~/ui/unsaved-text-warning";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [{ title: "Proceskader - Beheer - Wij maken Heemstede" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id_.proceskader"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const { idea, documents } = found;
  return {
    idea: {
      id: idea.id,
      title: idea.title,
      decider: idea.decider,
      complex: idea.complex,
      processStep: idea.processStep,
      adoptedBy: idea.adoptedBy,
      adoptedOn: idea.adoptedOn,
      adoptionReference: idea.adoptionReference,
    },
    plan: documents.plan
      ? { version: documents.plan.version, content: documents.plan.content as PlanContent }
      : null,
    participation: documents.participation
      ? {
          version: documents.participation.version,
          content: documents.participation.content as unknown as ParticipationContent,
        }
      : null,
    versions: documents.versions,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.$id_.proceskader"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const outcome = await handleProceskaderPost(
    found,
    { id: user.id, email: user.email },
    await request.formData(),
  );
  if (!outcome) throw new Response("Dit verzoek klopt niet", { status: 400 });
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  throw redirect(
    `/beheer/initiatieven/${found.idea.id}/proceskader?opgeslagen=${outcome.intent}#${anchorOf[outcome.intent]}`,
  );
}

/** Where the page opens after saving: the section that was saved. */
const anchorOf: Record<ProceskaderSection, string> = {
  step: "stappen-titel",
  plan: "plan-titel",
  participation: "participatie-titel",
  adopt: "vaststellen-titel",
};

const savedText: Record<ProceskaderSection, string> = {
  step: "De stap is opgeslagen.",
  plan: "De planomschrijving is opgeslagen als nieuwe versie.",
  participation: "Het participatieplan is opgeslagen als nieuwe versie.",
  adopt: "De vaststelling is vastgelegd.",
};

/** "a", "a en b", "a, b en c". */
const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;

export default function Proceskader() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const part = d.participation?.content;
  // The page is one form. After a post that stays on the page (an error, Enter, or a save while
  // another section holds input), the sections it names show what was sent; the rest what is stored.
  const sent = actionData?.values ?? {};
  const typed = (key: string, stored: string | null | undefined) => {
    if (!(key in sent)) return stored ?? "";
    const v = sent[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const doelen = "doelen" in sent ? ([] as string[]).concat(sent.doelen ?? []) : (part?.doelen ?? []);
  const errorsFor = (section: ProceskaderSection): FieldErrors =>
    actionData?.intent === section ? actionData.errors : {};
  const unsavedNote = actionData?.unsaved.length
    ? ` Uw tekst in ${joinNames(actionData.unsaved.map((s) => sectionNames[s]))} staat er nog, maar is nog niet opgeslagen.`
    : "";
  const savedIntent = actionData
    ? actionData.saved
      ? actionData.intent
      : ""
    : (params.get("opgeslagen") ?? "");
  const savedIn = (section: ProceskaderSection) =>
    savedIntent === section ? (
      <Alert type="ok">
        {savedText[section]}
        {unsavedNote}
      </Alert>
    ) : null;

  // With JavaScript the page is not reloaded: a field whose stored value changed (a save, or the step
  // a save moved along) is remounted (its key holds the stored version), so it shows the new value
  // instead of the one it was sent with. Nothing typed is lost: a section with unsaved input is never
  // saved by another section's button.
  const feedback: SectionFeedback = { typed, errorsFor, savedIn };

  const page = useRef<HTMLDivElement>(null);
  useUnsavedTextWarning(page);

  return (
    <div className="wmh-stack" ref={page}>
      <ProceskaderHeader idea={d.idea} />
      {actionData?.intent === "enter" ? (
        <Alert type="warning">
          Er is nog niets opgeslagen. Kies de knop onder het onderdeel dat u wilt opslaan.{unsavedNote}
        </Alert>
      ) : null}

      {/* One form for every section, with a save button for each (name="intent"): pressing one never
          drops what was typed in another, without JavaScript too. */}
      <Form method="post" noValidate className="wmh-stack">
        {/* The default button: Enter in a text field saves nothing instead of the first section. */}
        <button type="submit" name="intent" value="enter" hidden tabIndex={-1} />
        <StepsSection idea={d.idea} f={feedback} />

        <PlanSection plan={d.plan} f={feedback} />

        <ParticipationSection participation={d.participation} doelen={doelen} f={feedback} />

        <AdoptionSection idea={d.idea} f={feedback} />
      </Form>

      <VersionsSection ideaId={d.idea.id} versions={d.versions} />
    </div>
  );
}

/** Back link, title, the warning for an idea that is not complex, and the decider. */
function ProceskaderHeader({
  idea,
}: {
  idea: { id: string; title: string; complex: boolean; decider: string };
}) {
  return (
    <>
      <p>
        <TextLink to={`/beheer/initiatieven/${idea.id}`}>Terug naar het initiatief</TextLink>
      </p>
      <Heading level={1}>Proceskader: {idea.title}</Heading>
      {idea.complex ? null : (
        <Alert type="warning">
          Dit initiatief is geen complexe opgave. Een planomschrijving en participatieplan zijn dan niet
          nodig. Bevestig eerst op de pagina van het initiatief dat het een complexe opgave is.
        </Alert>
      )}
      <Paragraph>
        Beslisser: {deciderLabel(idea.decider)}.{" "}
        <TextLink to={`/beheer/initiatieven/${idea.id}/afdrukken`}>
          Afdrukbare versie voor college of raad
        </TextLink>
      </Paragraph>
    </>
  );
}
