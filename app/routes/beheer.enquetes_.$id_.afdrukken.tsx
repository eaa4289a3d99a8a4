import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { MAX_PRINT } from "~/domain/surveys/paper";
import { printPage, printPost } from "~/domain/surveys/paper-pages.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import paperCss from "~/ui/paper.css?url";
import { PaperQuestionnaire } from "~/ui/surveys/paper-form";
import surveysCss from "~/ui/surveys.css?url";

// The printable questionnaire. Without codes it prints once as it is; "voor een codelijst" creates one
// new letter code per copy (only hashes are stored, so codes can only be printed when they are made).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: surveysCss },
  { rel: "stylesheet", href: paperCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Afdrukken: ${data?.title ?? "enquête"} - Beheer - Wij maken Heemstede` },
];

const RETURN_TEXT =
  "Stuur de ingevulde vragenlijst terug naar de gemeente Heemstede, of geef hem af bij de balie van het raadhuis.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes_.$id_.afdrukken"]);
  const page = await printPage(params.id);
  if (!page) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.afdrukken"]);
  const outcome = await printPost({ id: user.id, email: user.email }, params.id, await request.formData());
  if (outcome.kind === "notFound") throw new Response("Deze enquête bestaat niet", { status: 404 });
  if (outcome.kind === "invalid") return data(outcome, { status: 400 });
  return outcome;
}

export default function PrintSurvey() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const codes = result?.kind === "printed" ? result.codes : null;
  return (
    <div className="wmh-stack">
      <div className="wmh-no-print wmh-stack">
        <p>
          <TextLink to={`/beheer/enquetes/${page.id}`}>Terug naar de enquête</TextLink>
        </p>
        <Heading level={1}>Papieren vragenlijst afdrukken</Heading>
        {!page.published ? (
          <Alert type="warning">
            Deze enquête is nog niet gepubliceerd. U ziet de conceptversie. Vragenlijsten met een code kunt u
            pas na publicatie afdrukken.
          </Alert>
        ) : null}
        {codes ? (
          <Alert type="ok">
            Er {codes.length === 1 ? "is 1 vragenlijst" : `zijn ${codes.length} vragenlijsten`} met een nieuwe
            code klaargezet. Druk ze nu af met Ctrl+P (of Cmd+P): de codes worden niet bewaard en kunnen later
            niet opnieuw worden getoond.
          </Alert>
        ) : (
          <Paragraph>
            Druk de vragenlijst hieronder af met Ctrl+P (of Cmd+P). Elke vraag blijft op één pagina. Wilt u
            papieren vragenlijsten terug kunnen koppelen aan een codelijst, maak dan vragenlijsten met een
            persoonlijke code. Iedere code telt maar één keer, op papier of online.
          </Paragraph>
        )}
        {page.published && !codes ? (
          <Form method="post" className="wmh-stack" noValidate>
            <ErrorSummary errors={result?.kind === "invalid" ? result.errors : undefined} />
            <TextField
              name="aantal"
              label="Aantal vragenlijsten met een persoonlijke code"
              description={`Van 1 tot en met ${MAX_PRINT}. Elke vragenlijst krijgt een eigen, nieuwe code.`}
              inputMode="numeric"
              size="short"
              required
              defaultValue={result?.kind === "invalid" ? result.values.aantal : undefined}
              error={result?.kind === "invalid" ? result.errors.aantal : undefined}
            />
            <SubmitButton>Vragenlijsten met code maken</SubmitButton>
          </Form>
        ) : null}
      </div>
      <div className="wmh-paper-copies">
        {codes ? (
          codes.map((code) => (
            <PaperQuestionnaire
              key={code}
              definition={page.definition}
              code={code}
              returnAddress={RETURN_TEXT}
            />
          ))
        ) : (
          <PaperQuestionnaire definition={page.definition} returnAddress={RETURN_TEXT} />
        )}
      </div>
    </div>
  );
}
