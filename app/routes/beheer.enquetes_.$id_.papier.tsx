import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { fieldId } from "~/domain/surveys/answers";
import { listQuestions } from "~/domain/surveys/definition";
import { paperEntryPage, paperEntryPost, paperResolvePost } from "~/domain/surveys/paper-pages.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import paperCss from "~/ui/paper.css?url";
import {
  DisagreementsSection,
  PaperAnswersForm,
  PaperCodeForm,
  PaperNotPublished,
} from "~/ui/surveys/paper-entry";
import { questionNumbers } from "~/ui/surveys/paper-form";
import surveysCss from "~/ui/surveys.css?url";

// Typing paper questionnaires (docs/paper.md): one form per screen, the code first, the questions in
// the order and with the numbers of the paper, checked by the survey's own validation.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: surveysCss },
  { rel: "stylesheet", href: paperCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Papieren vragenlijsten invoeren: ${data?.title ?? "enquête"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes_.$id_.papier"]);
  const page = await paperEntryPage(params.id);
  if (!page) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.papier"]);
  const actor = { id: user.id, email: user.email };
  const form = await request.formData();
  if (form.get("intent") === "resolve") {
    const outcome = await paperResolvePost(actor, params.id, form);
    if (outcome.kind === "notFound")
      return data(
        { kind: "resolveGone" as const, message: "Deze vragenlijst is al opgelost of bestaat niet." },
        { status: 409 },
      );
    return data(outcome, { status: outcome.kind === "missing" ? 400 : 200 });
  }
  const outcome = await paperEntryPost(actor, params.id, form);
  if (outcome.kind === "notFound") throw new Response("Deze enquête bestaat niet", { status: 404 });
  if (outcome.kind === "badRequest") throw new Response("Onbekende actie", { status: 400 });
  const status = outcome.kind === "codeRefused" || outcome.kind === "invalid" ? 400 : 200;
  return data(outcome, { status });
}

function focusFirst(selector: string) {
  const el = document.querySelector<HTMLElement>(selector);
  el?.focus();
}

export default function PaperEntry() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const step =
    result?.kind === "codeAccepted" || result?.kind === "invalid"
      ? { code: result.code, second: result.second, values: result.kind === "invalid" ? result.values : {} }
      : null;
  const firstKey = page.kind === "ready" ? listQuestions(page.definition)[0]?.key : undefined;
  const resultKey = result ? JSON.stringify(result).length + (result.kind ?? "") : "";

  // Keyboard only: after every step the cursor is where the typist continues.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per outcome
  useEffect(() => {
    if (result?.kind === "invalid" || result?.kind === "codeRefused" || result?.kind === "missing") return;
    if (step && firstKey)
      focusFirst(`#${fieldId(firstKey)} input, #${fieldId(firstKey)} textarea, #${fieldId(firstKey)} select`);
    else focusFirst("#veld-code");
  }, [resultKey]);

  if (page.kind === "notPublished") return <PaperNotPublished id={page.id} />;

  const numbers = questionNumbers(page.definition);
  const errors = result?.kind === "invalid" ? result.errors : {};
  const summary = Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [k, `Vraag ${numbers.get(k)?.n ?? ""}: ${m}`]),
  );
  return (
    <div className="wmh-stack wmh-survey">
      <p>
        <TextLink to={`/beheer/enquetes/${page.id}`}>Terug naar de enquête</TextLink>
      </p>
      <Heading level={1}>Papieren vragenlijsten invoeren: {page.title}</Heading>
      <Paragraph>
        {page.counts.counted} papieren{" "}
        {page.counts.counted === 1 ? "vragenlijst telt" : "vragenlijsten tellen"} mee.{" "}
        {page.counts.awaitingSecond} wachten op een tweede invoer, {page.counts.disagreement} hebben
        verschillen om op te lossen.
      </Paragraph>
      {result?.kind === "done" ? <Alert type="ok">{result.message}</Alert> : null}
      {result?.kind === "disagreement" ? <Alert type="warning">{result.message}</Alert> : null}
      {result?.kind === "resolveGone" ? <Alert type="warning">{result.message}</Alert> : null}

      {!step ? (
        <PaperCodeForm
          resultKey={resultKey}
          refused={
            result?.kind === "codeRefused" ? { code: result.code, message: result.message } : undefined
          }
        />
      ) : (
        <PaperAnswersForm page={page} step={step} numbers={numbers} errors={errors} summary={summary} />
      )}

      {page.open.some((e) => e.status === "disagreement") ? (
        <DisagreementsSection
          entries={page.open}
          numbers={numbers}
          missingFor={(entryId: number) =>
            result?.kind === "missing" && result.entryId === entryId ? result.errors : {}
          }
        />
      ) : null}
      {page.open.some((e) => e.status === "awaiting_second") ? (
        <Paragraph>
          Wachten op een tweede invoer: {page.open.filter((e) => e.status === "awaiting_second").length}{" "}
          vragenlijsten. Een andere collega voert ze in met hun code.
        </Paragraph>
      ) : null}
      <Paragraph>
        Meer vragenlijsten tegelijk, bijvoorbeeld van een invoerbureau?{" "}
        <TextLink to={`/beheer/enquetes/${page.id}/bureau`}>Antwoorden uit een bestand importeren</TextLink>
      </Paragraph>
    </div>
  );
}
