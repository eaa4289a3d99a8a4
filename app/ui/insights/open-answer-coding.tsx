import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { personalDataLabels } from "~/domain/insights/personal-data";
import { themeIds, themeLabels } from "~/domain/insights/themes";
import type { loader } from "~/routes/beheer.enquetes_.$id_.coderen.$vraag";
import { Heading, Pagination, Paragraph } from "../content";
import { SelectField, SubmitButton, TextArea, TextField } from "../form";

// The two halves of the coding page for one open question (routes/beheer.enquetes_.$id_.coderen.$vraag):
// the codes (suggest, accept, rename, merge, add) and the answers (split, recode, quote).

export type CodingData = SerializeFrom<typeof loader>;
type Code = CodingData["codes"][number];
type Answer = CodingData["answers"][number];

const themeOptions = [
  { value: "", label: "Geen thema" },
  ...themeIds.map((t) => ({ value: String(t), label: `${t}. ${themeLabels[t]}` })),
];

export function CodesSection({ codes, base }: { codes: Code[]; base: string }) {
  return (
    <section aria-labelledby="codes-titel">
      <Heading level={2} id="codes-titel">
        Codes
      </Heading>
      <Paragraph>
        De computer stelt codes voor: de vijf thema's van de Woonvisie (met trefwoorden) en groepen van de
        overige antwoorden met hun meest gebruikte woorden. U beslist: accepteer, hernoem, voeg samen of
        splits. Geaccepteerde codes en uw eigen codering blijven staan als u opnieuw voorstellen maakt.
      </Paragraph>
      <Form method="post">
        <input type="hidden" name="intent" value="suggest" />
        <SubmitButton variant="secondary">Codes voorstellen</SubmitButton>
      </Form>
      {codes.length === 0 ? (
        <Paragraph>Er zijn nog geen codes.</Paragraph>
      ) : (
        <ul className="wmh-code-list">
          {codes.map((c) => (
            <CodeItem key={c.id} c={c} codes={codes} base={base} />
          ))}
        </ul>
      )}
      <details>
        <summary>Eigen code toevoegen</summary>
        <Form method="post" aria-label="Eigen code toevoegen">
          <input type="hidden" name="intent" value="create" />
          <TextField name="label" id="nieuwe-code" label="Naam van de code" required />
          <SelectField name="theme" id="nieuwe-code-thema" label="Thema" options={themeOptions} />
          <SubmitButton variant="secondary">Code toevoegen</SubmitButton>
        </Form>
      </details>
    </section>
  );
}

/** One code: its counts and words, accept, and rename or merge. */
function CodeItem({ c, codes, base }: { c: Code; codes: Code[]; base: string }) {
  return (
    <li>
      <p className="utrecht-paragraph">
        <strong>{c.label}</strong> · {c.count} {c.count === 1 ? "antwoord" : "antwoorden"} ·{" "}
        {c.status === "accepted" ? "geaccepteerd" : "voorstel"}
        {c.theme ? ` · thema ${c.theme}` : ""}{" "}
        <Link to={`${base}?code=${c.id}`} className="utrecht-link">
          Antwoorden bekijken<span className="wmh-visually-hidden"> met code {c.label}</span>
        </Link>
      </p>
      {c.topTerms.length > 0 ? (
        <p className="utrecht-paragraph">Meest gebruikte woorden: {c.topTerms.join(", ")}</p>
      ) : null}
      {c.status === "suggested" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="codeId" value={c.id} />
          <SubmitButton variant="secondary">
            Accepteren<span className="wmh-visually-hidden">: {c.label}</span>
          </SubmitButton>
        </Form>
      ) : null}
      <details>
        <summary>
          Hernoemen of samenvoegen<span className="wmh-visually-hidden">: {c.label}</span>
        </summary>
        <Form method="post" aria-label={`Code ${c.label} hernoemen`}>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="codeId" value={c.id} />
          <TextField name="label" id={`naam-${c.id}`} label="Naam" defaultValue={c.label} required />
          <SelectField
            name="theme"
            id={`thema-${c.id}`}
            label="Thema"
            options={themeOptions}
            defaultValue={c.theme ? String(c.theme) : ""}
          />
          <SubmitButton variant="secondary">Opslaan</SubmitButton>
        </Form>
        {codes.length > 1 ? (
          <Form method="post" aria-label={`Code ${c.label} samenvoegen`}>
            <input type="hidden" name="intent" value="merge" />
            <input type="hidden" name="codeId" value={c.id} />
            <SelectField
              name="into"
              id={`samen-${c.id}`}
              label="Samenvoegen met"
              placeholder="Kies een code"
              options={codes
                .filter((o) => o.id !== c.id)
                .map((o) => ({ value: String(o.id), label: o.label }))}
              required
            />
            <SubmitButton variant="secondary">Samenvoegen</SubmitButton>
          </Form>
        ) : null}
      </details>
    </li>
  );
}

export function AnswersSection({
  d,
  current,
  base,
  searchParams,
}: {
  d: CodingData;
  /** The code whose answers are shown (they can be split off into a new code). */
  current: Code | undefined;
  base: string;
  searchParams: URLSearchParams;
}) {
  const { codes, answers, total, page, pageCount, uncoded } = d;
  return (
    <section aria-labelledby="antwoorden-titel">
      <Heading level={2} id="antwoorden-titel">
        {current
          ? `Antwoorden met code: ${current.label}`
          : uncoded
            ? "Antwoorden zonder code"
            : "Alle antwoorden"}
      </Heading>
      <p className="utrecht-paragraph">
        {total} {total === 1 ? "antwoord" : "antwoorden"}.{" "}
        {current || uncoded ? (
          <Link to={base} className="utrecht-link">
            Alle antwoorden tonen
          </Link>
        ) : (
          <Link to={`${base}?ongecodeerd=1`} className="utrecht-link">
            Alleen antwoorden zonder code
          </Link>
        )}
      </p>
      {current ? (
        <Form
          method="post"
          id="splitsen"
          aria-label={`Code ${current.label} splitsen`}
          className="wmh-no-print"
        >
          <input type="hidden" name="intent" value="split" />
          <input type="hidden" name="codeId" value={current.id} />
          <Paragraph>
            Splitsen: vink hieronder de antwoorden aan die een eigen code krijgen, en geef die code een naam.
          </Paragraph>
          <TextField name="label" id="splits-naam" label="Naam van de nieuwe code" required />
          <SelectField
            name="theme"
            id="splits-thema"
            label="Thema van de nieuwe code"
            options={themeOptions}
          />
          <SubmitButton variant="secondary">Gekozen antwoorden splitsen</SubmitButton>
        </Form>
      ) : null}
      {answers.map((a, i) => (
        <AnswerCard key={a.id} a={a} n={(page - 1) * 25 + i + 1} codes={codes} splitting={!!current} />
      ))}
      <Pagination page={page} pageCount={pageCount} searchParams={searchParams} />
    </section>
  );
}

/** One answer, numbered `n` across pages: its text, personal-data flag, codes and quote. */
function AnswerCard({ a, n, codes, splitting }: { a: Answer; n: number; codes: Code[]; splitting: boolean }) {
  return (
    <article className="wmh-answer" aria-labelledby={`antwoord-${a.id}`}>
      <h3 id={`antwoord-${a.id}`} className="wmh-visually-hidden">
        Antwoord {n}
      </h3>
      <blockquote>{a.text}</blockquote>
      {a.personalData.length > 0 ? (
        <p className="utrecht-paragraph wmh-flag">
          Mogelijk persoonsgegevens:{" "}
          {[...new Set(a.personalData.map((p) => personalDataLabels[p.kind]))].join(", ")}. Haal deze weg
          voordat u het antwoord als citaat gebruikt.
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        Codes:{" "}
        {a.codeIds.length === 0
          ? "geen"
          : a.codeIds.map((cid) => (
              <span key={cid} className="wmh-tag">
                {codes.find((c) => c.id === cid)?.label ?? cid}
              </span>
            ))}
      </p>
      {splitting ? (
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id={`splits-${a.id}`}
            name="answerId"
            value={a.id}
            form="splitsen"
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />
          <label htmlFor={`splits-${a.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
            Naar de nieuwe code
            <span className="wmh-visually-hidden"> (antwoord {n})</span>
          </label>
        </div>
      ) : null}
      <RecodeDetails a={a} n={n} codes={codes} />
      <QuoteForm a={a} n={n} />
    </article>
  );
}

/** Which codes this answer has: one checkbox per code. */
function RecodeDetails({ a, n, codes }: { a: Answer; n: number; codes: Code[] }) {
  return (
    <details>
      <summary>
        Codes wijzigen
        <span className="wmh-visually-hidden"> (antwoord {n})</span>
      </summary>
      <Form method="post">
        <input type="hidden" name="intent" value="recode" />
        <input type="hidden" name="answerId" value={a.id} />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Codes van dit antwoord</legend>
          {codes.map((c) => (
            <div key={c.id} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id={`code-${a.id}-${c.id}`}
                name="codeId"
                value={c.id}
                defaultChecked={a.codeIds.includes(c.id)}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label
                htmlFor={`code-${a.id}-${c.id}`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {c.label}
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton variant="secondary">Codes opslaan</SubmitButton>
      </Form>
    </details>
  );
}

/** The answer as a quote in the report: remove it, or write one (personal data already replaced). */
function QuoteForm({ a, n }: { a: Answer; n: number }) {
  if (a.quote)
    return (
      <>
        <p className="utrecht-paragraph">Citaat voor het rapport:</p>
        <blockquote className="wmh-quote">{a.quote}</blockquote>
        <Form method="post">
          <input type="hidden" name="intent" value="unquote" />
          <input type="hidden" name="answerId" value={a.id} />
          <SubmitButton variant="subtle">Citaat weghalen</SubmitButton>
        </Form>
      </>
    );
  return (
    <details>
      <summary>
        Als citaat gebruiken
        <span className="wmh-visually-hidden"> (antwoord {n})</span>
      </summary>
      <Form method="post">
        <input type="hidden" name="intent" value="quote" />
        <input type="hidden" name="answerId" value={a.id} />
        <TextArea
          name="text"
          id={`citaat-${a.id}`}
          label="Tekst van het citaat"
          description="Persoonsgegevens zijn al vervangen. Controleer de tekst voordat u hem opslaat."
          defaultValue={a.redacted}
          rows={3}
          required
        />
        <SubmitButton variant="secondary">Citaat opslaan</SubmitButton>
      </Form>
    </details>
  );
}
