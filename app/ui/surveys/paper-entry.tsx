import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { fieldId, type RawValues } from "~/domain/surveys/answers";
import { SurveyQuestion } from "~/domain/surveys/question-types";
import type { loader } from "~/routes/beheer.enquetes_.$id_.papier";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import type { questionNumbers } from "./paper-form";

// The parts of the paper entry page (routes/beheer.enquetes_.$id_.papier): the page before publication,
// the code form, the answers of one paper questionnaire and resolving two entries that differ.

type Ready = Extract<SerializeFrom<typeof loader>, { kind: "ready" }>;
type Numbers = ReturnType<typeof questionNumbers>;
type Entry = Ready["open"][number];

/** Before publication: nothing can be entered yet. */
export function PaperNotPublished({ id }: { id: number }) {
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to={`/beheer/enquetes/${id}`}>Terug naar de enquête</TextLink>
      </p>
      <Heading level={1}>Papieren vragenlijsten invoeren</Heading>
      <Alert type="warning">
        Deze enquête is nog niet gepubliceerd. Papieren vragenlijsten kunt u invoeren zodra de enquête
        gepubliceerd is.
      </Alert>
    </div>
  );
}

/** The code on the paper questionnaire; after a refusal with the code and the message. */
export function PaperCodeForm({
  resultKey,
  refused,
}: {
  resultKey: string;
  refused: { code: string; message: string } | undefined;
}) {
  return (
    <Form method="post" className="wmh-stack" noValidate key={`code-${resultKey}`}>
      <input type="hidden" name="intent" value="code" />
      <ErrorSummary
        errors={refused ? { code: refused.message } : undefined}
        fieldIds={{ code: "veld-code" }}
      />
      <TextField
        name="code"
        label="Code op de vragenlijst"
        description="Typ de code rechtsboven op het papier, bijvoorbeeld ABCD-EFGH-JKMN. Streepjes en spaties mogen."
        required
        autoComplete="off"
        size="medium"
        defaultValue={refused?.code}
        error={refused?.message}
      />
      <SubmitButton>Code controleren</SubmitButton>
    </Form>
  );
}

/** The answers of one paper questionnaire, numbered as on paper. */
export function PaperAnswersForm({
  page,
  step,
  numbers,
  errors,
  summary,
}: {
  page: Ready;
  step: { code: string; second: boolean; values: unknown };
  numbers: Numbers;
  errors: Record<string, string>;
  summary: Record<string, string>;
}) {
  return (
    <Form method="post" className="wmh-stack" noValidate key={`form-${step.code}`}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="code" value={step.code} />
      <Heading level={2}>
        Vragenlijst {step.code}
        {step.second ? " (tweede invoer)" : ""}
      </Heading>
      {step.second ? (
        <Paragraph>
          Een collega heeft deze vragenlijst al ingevoerd. Typ hem opnieuw over van het papier; daarna worden
          de twee invoeren vergeleken.
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
  );
}

/** One question on which the two entries differ: choose the first or the second. */
function DisagreementChoice({
  entryId,
  d,
  n,
  missing,
}: {
  entryId: number;
  d: Entry["disagreements"][number];
  n: number | undefined;
  missing: Record<string, string>;
}) {
  const id = `keuze-${entryId}-${d.questionKey}`;
  return (
    <fieldset
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
            <label htmlFor={`${id}-${value}`} className="utrecht-form-label utrecht-form-label--radio">
              {label}: {text}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** One questionnaire whose two entries differ. */
function DisagreementForm({
  entry,
  numbers,
  missing,
}: {
  entry: Entry;
  numbers: Numbers;
  missing: Record<string, string>;
}) {
  return (
    <Form method="post" className="wmh-stack" noValidate>
      <input type="hidden" name="intent" value="resolve" />
      <input type="hidden" name="invoer" value={entry.id} />
      <Heading level={3}>Vragenlijst nummer {entry.id}</Heading>
      <ErrorSummary errors={missing} fieldIds={Object.fromEntries(Object.keys(missing).map((k) => [k, k]))} />
      {entry.disagreements.map((d) => (
        <DisagreementChoice
          key={d.questionKey}
          entryId={entry.id}
          d={d}
          n={numbers.get(d.questionKey)?.n}
          missing={missing}
        />
      ))}
      <SubmitButton>Verschillen oplossen</SubmitButton>
    </Form>
  );
}

/** The questionnaires whose two entries differ, each with its own form. */
export function DisagreementsSection({
  entries,
  numbers,
  missingFor,
}: {
  entries: Entry[];
  numbers: Numbers;
  missingFor: (entryId: number) => Record<string, string>;
}) {
  return (
    <section aria-labelledby="verschillen" className="wmh-stack">
      <Heading level={2} id="verschillen">
        Verschillen om op te lossen
      </Heading>
      <Paragraph>
        Pak het papier erbij en kies per vraag welke invoer klopt. Pas daarna telt de vragenlijst mee.
      </Paragraph>
      {entries
        .filter((e) => e.status === "disagreement")
        .map((entry) => (
          <DisagreementForm key={entry.id} entry={entry} numbers={numbers} missing={missingFor(entry.id)} />
        ))}
    </section>
  );
}
