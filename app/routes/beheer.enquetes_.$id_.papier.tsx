import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { fieldId, type RawValues } from "~/domain/surveys/answers";
import { listQuestions } from "~/domain/surveys/definition";
import { paperEntryPage, paperEntryPost, paperResolvePost } from "~/domain/surveys/paper-pages.server";
import { SurveyQuestion } from "~/domain/surveys/question-types";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import paperCss from "~/ui/paper.css?url";
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

  if (page.kind === "notPublished")
    return (
      <div className="wmh-stack">
        <p>
          <TextLink to={`/beheer/enquetes/${page.id}`}>Terug naar de enquête</TextLink>
        </p>
        <Heading level={1}>Papieren vragenlijsten invoeren</Heading>
        <Alert type="warning">
          Deze enquête is nog niet gepubliceerd. Papieren vragenlijsten kunt u invoeren zodra de enquête
          gepubliceerd is.
        </Alert>
      </div>
    );

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
        <Form method="post" className="wmh-stack" noValidate key={`code-${resultKey}`}>
          <input type="hidden" name="intent" value="code" />
          <ErrorSummary
            errors={result?.kind === "codeRefused" ? { code: result.message } : undefined}
            fieldIds={{ code: "veld-code" }}
          />
          <TextField
            name="code"
            label="Code op de vragenlijst"
            description="Typ de code rechtsboven op het papier, bijvoorbeeld ABCD-EFGH-JKMN. Streepjes en spaties mogen."
            required
            autoComplete="off"
            size="medium"
            defaultValue={result?.kind === "codeRefused" ? result.code : undefined}
            error={result?.kind === "codeRefused" ? result.message : undefined}
          />
          <SubmitButton>Code controleren</SubmitButton>
        </Form>
      ) : (
        <Form method="post" className="wmh-stack" noValidate key={`form-${step.code}`}>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="code" value={step.code} />
          <Heading level={2}>
            Vragenlijst {step.code}
            {step.second ? " (tweede invoer)" : ""}
          </Heading>
          {step.second ? (
            <Paragraph>
              Een collega heeft deze vragenlijst al ingevoerd. Typ hem opnieuw over van het papier; daarna
              worden de twee invoeren vergeleken.
            </Paragraph>
          ) : null}
          <ErrorSummary
            errors={summary}
            fieldIds={Object.fromEntries(Object.keys(summary).map((k) => [k, fieldId(k)]))}
          />
          {page.definition.pages
            .filter((p) => p.questions.length > 0)
            .map((p) =>
              p.questions.map((q) => (
                <SurveyQuestion
                  key={q.key}
                  q={{ ...q, text: `${numbers.get(q.key)?.n}. ${q.text}` }}
                  values={step.values as RawValues}
                  error={errors[q.key]}
                />
              )),
            )}
          {step.second ? null : (
            <CheckboxField
              name="dubbel"
              value="ja"
              label="Laat een collega deze vragenlijst nog een keer invoeren (dubbele invoer)"
              defaultChecked={(step.values as RawValues).dubbel === "ja"}
            />
          )}
          <div className="wmh-button-row">
            <SubmitButton>Opslaan en volgende vragenlijst</SubmitButton>
            <TextLink to={`/beheer/enquetes/${page.id}/papier`}>Andere code</TextLink>
          </div>
        </Form>
      )}

      {page.open.some((e) => e.status === "disagreement") ? (
        <section aria-labelledby="verschillen" className="wmh-stack">
          <Heading level={2} id="verschillen">
            Verschillen om op te lossen
          </Heading>
          <Paragraph>
            Pak het papier erbij en kies per vraag welke invoer klopt. Pas daarna telt de vragenlijst mee.
          </Paragraph>
          {page.open
            .filter((e) => e.status === "disagreement")
            .map((entry) => {
              const missing = result?.kind === "missing" && result.entryId === entry.id ? result.errors : {};
              return (
                <Form method="post" key={entry.id} className="wmh-stack" noValidate>
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="invoer" value={entry.id} />
                  <Heading level={3}>Vragenlijst nummer {entry.id}</Heading>
                  <ErrorSummary
                    errors={missing}
                    fieldIds={Object.fromEntries(Object.keys(missing).map((k) => [k, k]))}
                  />
                  {entry.disagreements.map((d) => {
                    const id = `keuze-${entry.id}-${d.questionKey}`;
                    const n = numbers.get(d.questionKey)?.n;
                    return (
                      <fieldset
                        key={d.questionKey}
                        id={id}
                        className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${missing[id] ? " utrecht-form-fieldset--invalid" : ""}`}
                        aria-describedby={missing[id] ? `${id}-fout` : undefined}
                      >
                        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                          Vraag {n}: {d.question}
                        </legend>
                        {missing[id] ? (
                          <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
                            {missing[id]}
                          </p>
                        ) : null}
                        {(
                          [
                            ["eerste", "Eerste invoer", d.first],
                            ["tweede", "Tweede invoer", d.second],
                          ] as const
                        ).map(([value, label, text]) => (
                          <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                            <div className="utrecht-form-field__input">
                              <input
                                type="radio"
                                id={`${id}-${value}`}
                                name={`keuze_${d.questionKey}`}
                                value={value}
                                className="utrecht-radio-button utrecht-radio-button--html-input"
                              />
                              <label
                                htmlFor={`${id}-${value}`}
                                className="utrecht-form-label utrecht-form-label--radio"
                              >
                                {label}: {text}
                              </label>
                            </div>
                          </div>
                        ))}
                      </fieldset>
                    );
                  })}
                  <SubmitButton>Verschillen oplossen</SubmitButton>
                </Form>
              );
            })}
        </section>
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
