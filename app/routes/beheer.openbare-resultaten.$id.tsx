import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { publication, publish, withdraw } from "~/domain/heard/heard.server";
import { type ThemeId, themeIds, themeLabels } from "~/domain/insights/themes";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SubmitButton, TextArea } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Wat we hebben gehoord: ${data?.survey.title ?? "enquête"} - Beheer` },
];

function surveyId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.openbare-resultaten.$id"]);
  const page = await publication(surveyId(params.id));
  if (!page) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return { ...page, publishedAt: page.publishedAt?.toISOString() ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.openbare-resultaten.$id"]);
  const id = surveyId(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "publish" && intent !== "withdraw")
    return data(
      { ok: false as const, errors: {}, formError: "Onbekende actie.", values: null },
      { status: 400 },
    );
  const outcome = intent === "publish" ? await publish(user, id, form) : await withdraw(user, id);
  // The resident's (here: staff member's) input is shown again after an error.
  const values = {
    vraag: form.getAll("vraag").map(String),
    citaat: form.getAll("citaat").map(String),
    weging: String(form.get("weging") ?? ""),
    themes: Object.fromEntries(themeIds.map((t) => [String(t), String(form.get(`thema-${t}`) ?? "")])),
  };
  if (outcome.ok) return data({ ok: true as const, intent, errors: {}, formError: undefined, values: null });
  if (outcome.status === 404) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return data(
    { ok: false as const, errors: outcome.errors, formError: outcome.formError, values },
    { status: outcome.status },
  );
}

export default function PublishResults() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result && !result.ok ? result.values : null;
  const errors: Record<string, string> = { ...(result && !result.ok ? result.errors : {}) };
  if (result && !result.ok && result.formError) errors._form = result.formError;
  const { survey, choice } = page;
  const publicUrl = `/enquete/${survey.slug}/wat-we-hebben-gehoord`;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Wat we hebben gehoord: {survey.title}</Heading>
      <Paragraph>
        <Link to="/beheer/openbare-resultaten" className="utrecht-link">
          Terug naar alle enquêtes
        </Link>
      </Paragraph>
      {result?.ok ? (
        <Alert type="ok">
          {"intent" in result && result.intent === "withdraw"
            ? "De resultaten staan niet meer op de website."
            : "De resultaten staan op de website."}
        </Alert>
      ) : null}
      {page.publishedAt ? (
        <Paragraph>
          Deze resultaten staan sinds {formatDateTime(page.publishedAt)} op de website:{" "}
          <Link to={publicUrl} className="utrecht-link">
            bekijk de openbare pagina
          </Link>
          . Als u opnieuw publiceert, ziet iedereen meteen de nieuwe keuze.
        </Paragraph>
      ) : (
        <Paragraph>Deze resultaten staan nog niet op de website.</Paragraph>
      )}
      <Paragraph>
        Ingestuurde antwoorden: <strong>{page.responses}</strong>.{" "}
        {page.enough
          ? "Op de openbare pagina staan alleen aantallen van 10 of meer, nooit losse antwoorden."
          : "Dat is minder dan 10: de resultaten kunnen nog niet openbaar."}
      </Paragraph>
      <ErrorSummary errors={errors} fieldIds={{ vraag: "veld-vraag", weging: "veld-weging" }} />
      <Form method="post" noValidate className="wmh-form">
        <ChoiceGroup
          name="vraag"
          multiple
          label="Welke gesloten vragen ziet iedereen?"
          description="Per vraag een grafiek en een tabel. Een vraag met minder dan 10 antwoorden blijft weg."
          error={errors.vraag}
          defaultValue={values?.vraag ?? choice.questionKeys}
          options={page.questions.map((q) => ({
            value: q.key,
            label: q.showable ? q.text : `${q.text} (minder dan 10 antwoorden)`,
          }))}
        />
        <ChoiceGroup
          name="weging"
          label="Percentages gewogen of ongewogen?"
          description="Gewogen: groepen die minder vaak reageerden tellen zwaarder mee, zodat de uitkomst beter past bij alle inwoners. De pagina zegt erbij welke u kiest."
          required
          error={errors.weging}
          defaultValue={values?.weging ?? (choice.weighted ? "gewogen" : "ongewogen")}
          options={[
            { value: "gewogen", label: "Gewogen" },
            { value: "ongewogen", label: "Ongewogen" },
          ]}
        />
        {page.quotes.length > 0 ? (
          <ChoiceGroup
            name="citaat"
            multiple
            label="Welke citaten ziet iedereen?"
            description="Alleen citaten die bij het coderen zijn gemarkeerd. Persoonsgegevens zijn eruit gehaald."
            defaultValue={values?.citaat ?? choice.quoteIds.map(String)}
            options={page.quotes.map((q) => ({ value: String(q.answerId), label: `“${q.text}”` }))}
          />
        ) : (
          <Paragraph>
            Er zijn nog geen citaten gemarkeerd. Dat doet u bij het coderen van de open antwoorden.
          </Paragraph>
        )}
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Wat doet de gemeente ermee? (per thema van de Woonvisie)
          </legend>
          {themeIds.map((t) => (
            <TextArea
              key={t}
              name={`thema-${t}`}
              label={`Thema ${t}: ${themeLabels[t as ThemeId]}`}
              rows={3}
              maxLength={3000}
              error={errors[`thema-${t}`]}
              defaultValue={values?.themes[String(t)] ?? choice.themeResponses[String(t)] ?? ""}
            />
          ))}
        </fieldset>
        <div className="wmh-actions">
          <SubmitButton name="intent" value="publish">
            {page.publishedAt ? "Opnieuw publiceren" : "Publiceren"}
          </SubmitButton>
          {page.publishedAt ? (
            <SubmitButton name="intent" value="withdraw" variant="secondary">
              Terugtrekken van de website
            </SubmitButton>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
