import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { isExpiredFollowLink } from "~/domain/initiatives/follow-links.server";
import {
  findDocumentForInitiator,
  findForInitiator,
  messageFromInitiator,
  withdrawByInitiator,
} from "~/domain/initiatives/initiator.server";
import {
  initiatorSteps,
  MUNICIPALITY_PHONE,
  staffChanges,
  timelineEntries,
} from "~/domain/initiatives/initiator-page";
import type { ParticipationContent, PlanContent } from "~/domain/initiatives/proceskader";
import { quickscan } from "~/domain/initiatives/quickscan";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import type { Status } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { optionalText, parseForm, requiredText } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, formatDate, Heading, Paragraph } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";
import {
  AdditionSection,
  ContactSection,
  type FollowData,
  type FormFeedback,
  MessagesSection,
  PhotoSection,
  PlansSection,
  QuickscanOutcomeSection,
  StatusSection,
  TimelineSection,
  WithdrawSection,
} from "~/ui/initiatives/follow-page";
import { Participation, Plan } from "~/ui/initiatives/initiator-documents";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
/** The initiator's plans, read-only, at ?stuk=planomschrijving or ?stuk=participatieplan. */
const DOCUMENTS = { plan_description: "Planomschrijving", participation_plan: "Participatieplan" } as const;
type DocumentKind = keyof typeof DOCUMENTS;
/** The URL keeps the Dutch words; the stored kinds are English. */
const DOCUMENT_PARAMS: Record<string, DocumentKind> = {
  planomschrijving: "plan_description",
  participatieplan: "participation_plan",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data?.view === "document"
        ? `${DOCUMENTS[data.kind]} - ${data.title} - Wij maken Heemstede`
        : "Uw idee - Wij maken Heemstede",
  },
  { name: "robots", content: "noindex" },
];

const notFound = () => new Response("Niet gevonden", { status: 404 });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const stuk = new URL(request.url).searchParams.get("stuk");
  if (stuk !== null) {
    const kind = Object.hasOwn(DOCUMENT_PARAMS, stuk) ? DOCUMENT_PARAMS[stuk] : undefined;
    if (!kind) throw notFound();
    const found = await findDocumentForInitiator(params.token ?? "", kind, undefined);
    if (!found?.document) throw notFound();
    return {
      view: "document" as const,
      kind,
      title: found.title,
      version: found.document.version,
      savedAt: found.document.createdAt.toISOString(),
      content: found.document.content,
    };
  }
  const found = await findForInitiator(params.token ?? "");
  if (!found) {
    // An expired link leads to the page that mails a new one.
    if (await isExpiredFollowLink(params.token ?? "")) throw redirect("/idee/volgen?verlopen=1");
    throw notFound();
  }
  const { idea } = found;
  const result = quickscan(ruleAnswers(idea.answers as unknown as QuickscanAnswers));
  return {
    view: "home" as const,
    title: idea.title,
    theme: themeLabel(idea.theme),
    status: idea.status as Status,
    statusReason: idea.statusReason,
    decider: idea.decider,
    complex: idea.complex,
    changes: staffChanges(idea),
    steps: initiatorSteps(idea),
    respondBy: idea.respondBy,
    isPublished: idea.isPublished,
    contact: { name: found.contact, mailbox: found.mailbox, phone: MUNICIPALITY_PHONE },
    documents: found.documents,
    photo: found.photo,
    token: params.token ?? "",
    result,
    timeline: timelineEntries(found.events),
    // Newest first: what the contact person wrote last is what the initiator comes for.
    messages: [...found.messages].reverse(),
  };
}

const schemas = {
  message: z.object({ bericht: requiredText(4000, "Schrijf uw bericht.") }),
  addition: z.object({ aanvulling: requiredText(4000, "Schrijf wat u wilt toevoegen.") }),
  withdraw: z.object({
    reden: optionalText(2000),
    bevestig: z.literal("ja", { errorMap: () => ({ message: "Vink aan dat u uw idee wilt intrekken." }) }),
  }),
};

/** The Dutch word of each intent: the form field it fills, and `?verstuurd=` in the URL afterwards. */
const WORDS: Record<keyof typeof schemas, string> = {
  message: "bericht",
  addition: "aanvulling",
  withdraw: "intrekken",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (!(intent in schemas)) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const limit = await hit(`idee-volgen:${context?.clientIp ?? "unknown"}`, { windowSeconds: 3600, max: 60 });
  if (!limit.allowed) throw new Response("Te veel verzoeken", { status: 429 });
  const parsed = parseForm(schemas[intent as keyof typeof schemas], form);
  if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    let ok: boolean;
    if (intent === "withdraw")
      ok = await withdrawByInitiator(token, (parsed.data as { reden?: string }).reden);
    else if (intent === "message")
      ok = await messageFromInitiator(token, "from_initiator", (parsed.data as { bericht: string }).bericht);
    else
      ok = await messageFromInitiator(token, "addition", (parsed.data as { aanvulling: string }).aanvulling);
    if (!ok) throw notFound();
  } catch (error) {
    if (error instanceof InitiativeError)
      return data(
        {
          intent,
          errors: { [error.field ?? WORDS[intent as keyof typeof schemas]]: error.message },
          values: parsed.values,
        },
        { status: 400 },
      );
    throw error;
  }
  throw redirect(`/idee/volgen/${token}?verstuurd=${WORDS[intent as keyof typeof schemas]}`);
}

const sentMessages: Record<string, string> = {
  bericht: "Uw bericht is verstuurd. Uw contactpersoon krijgt een e-mail.",
  aanvulling: "Uw aanvulling is toegevoegd. Uw contactpersoon krijgt een e-mail.",
  intrekken: "Uw idee is ingetrokken.",
};

export default function FollowIdea() {
  const data = useLoaderData<typeof loader>();
  return data.view === "document" ? <InitiatorDocument d={data} /> : <FollowHome d={data} />;
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function FollowHome({ d }: { d: FollowData }) {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const feedbackFor = (intent: string): FormFeedback => {
    if (actionData?.intent !== intent) return { errors: {}, value: () => "" };
    return {
      errors: actionData.errors ?? {},
      value: (k) => {
        const x = actionData.values?.[k];
        return Array.isArray(x) ? x[0] : x;
      },
    };
  };
  const closed = d.status === "withdrawn" || d.status === "rejected";
  const sent = sentMessages[params.get("verstuurd") ?? ""];

  return (
    <div className="wmh-stack">
      {params.get("nieuw") ? (
        <Alert type="ok">
          Uw idee is verstuurd. Wij sturen u ook een e-mail met deze uitkomst en de link naar deze pagina.
          Bewaar die e-mail goed: met de link komt u altijd terug op deze pagina.
        </Alert>
      ) : null}
      {sent ? <Alert type="ok">{sent}</Alert> : null}
      <Heading level={1}>{d.title}</Heading>
      <Paragraph>
        Dit is de eigen pagina van uw idee. Alleen mensen met de link kunnen deze pagina zien. Onderwerp:{" "}
        {d.theme}.
      </Paragraph>
      <StatusSection d={d} />
      <ContactSection contact={d.contact} />
      <MessagesSection d={d} feedback={feedbackFor("message")} />
      {d.photo ? <PhotoSection photo={d.photo} token={d.token} /> : null}
      {d.documents.plan || d.documents.participation ? <PlansSection documents={d.documents} /> : null}
      <QuickscanOutcomeSection d={d} />
      <TimelineSection timeline={d.timeline} />
      {closed ? null : (
        <>
          <AdditionSection formKey={d.messages.length} feedback={feedbackFor("addition")} />
          <WithdrawSection feedback={feedbackFor("withdraw")} />
        </>
      )}
    </div>
  );
}

/** The planomschrijving or participatieplan, read-only: made together, written down by the contact person. */
function InitiatorDocument({ d }: { d: Extract<LoaderData, { view: "document" }> }) {
  return (
    <div className="wmh-stack">
      <p>
        <Link className="utrecht-link" to=".">
          Terug naar de pagina van uw idee
        </Link>
      </p>
      <Heading level={1}>
        {DOCUMENTS[d.kind]}: {d.title}
      </Heading>
      <Paragraph>
        Dit plan maakt u samen met de gemeente. Uw contactpersoon schrijft het op. Klopt er iets niet? Stuur
        dan een bericht via de pagina van uw idee. Versie {d.version}, bijgewerkt op {formatDate(d.savedAt)}.
      </Paragraph>
      {d.kind === "plan_description" ? (
        <Plan content={d.content as PlanContent} />
      ) : (
        <Participation content={d.content as unknown as ParticipationContent} />
      )}
    </div>
  );
}
