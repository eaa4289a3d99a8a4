import { AGREE_SCALE, DONT_KNOW_LABEL, OTHER_LABEL } from "~/domain/surveys/constants";
import type { Condition, Question, SimpleCondition, SurveyDefinition } from "~/domain/surveys/definition";
import { InfoBlock } from "./blocks";

// A survey as a paper questionnaire: numbered questions, boxes to tick and lines to write on, in the
// order of the online form. The data-entry screen numbers its questions the same way.

function Box() {
  return <span className="wmh-paper__box" aria-hidden="true" />;
}

function Lines({ count }: { count: number }) {
  return (
    <div className="wmh-paper__lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty writing lines
        <span key={i} />
      ))}
    </div>
  );
}

function Choices({ options, multiple }: { options: { value: string; label: string }[]; multiple?: boolean }) {
  return (
    <ul className={`wmh-paper__choices${multiple ? " wmh-paper__choices--multiple" : ""}`}>
      {options.map((o) => (
        <li key={o.value}>
          <Box /> {o.label}
        </li>
      ))}
    </ul>
  );
}

/** A condition as an instruction on paper ("Alleen invullen als …"). */
function conditionText(c: Condition, numbers: Map<string, { n: number; q: Question }>): string {
  const part = conditionPart(c, numbers);
  return part ? `Alleen invullen als ${part}.` : "";
}

function conditionPart(c: Condition, numbers: Map<string, { n: number; q: Question }>): string {
  if ("all" in c)
    return c.all
      .map((x) => conditionPart(x, numbers))
      .filter(Boolean)
      .join(" en als ");
  if ("any" in c)
    return c.any
      .map((x) => conditionPart(x, numbers))
      .filter(Boolean)
      .join(" of als ");
  if ("not" in c) {
    const inner = conditionPart(c.not, numbers);
    return inner ? `het volgende niet zo is: ${inner}` : "";
  }
  return simplePart(c, numbers);
}

function simplePart(c: SimpleCondition, numbers: Map<string, { n: number; q: Question }>): string {
  const target = numbers.get(c.question);
  if (!target) return "";
  const labels: Record<string, string> =
    "options" in target.q
      ? Object.fromEntries(target.q.options.map((o) => [o.value, o.label]))
      : target.q.type === "agree"
        ? Object.fromEntries(AGREE_SCALE.map((s) => [String(s.value), s.label]))
        : target.q.type === "matrix"
          ? Object.fromEntries(target.q.scale.map((o) => [o.value, o.label]))
          : {};
  const value = Array.isArray(c.value)
    ? c.value.map((v) => `‘${labels[v] ?? v}’`).join(" of ")
    : `‘${labels[String(c.value)] ?? c.value}’`;
  const row = c.row && target.q.type === "matrix" ? target.q.rows.find((r) => r.value === c.row) : undefined;
  const where = row ? `vraag ${target.n} (${row.label})` : `vraag ${target.n}`;
  switch (c.operator) {
    case "answered":
      return `u ${where} heeft beantwoord`;
    case "equals":
    case "anyOf":
      return `u bij ${where} ${value} heeft gekozen`;
    case "notEquals":
      return `u bij ${where} niet ${value} heeft gekozen`;
    case "atLeast":
      return `uw antwoord op ${where} ${c.value} of meer is`;
    case "atMost":
      return `uw antwoord op ${where} ${c.value} of minder is`;
    case "greaterThan":
      return `uw antwoord op ${where} meer dan ${c.value} is`;
    case "lessThan":
      return `uw antwoord op ${where} minder dan ${c.value} is`;
    case "countAtLeast":
      return `u bij ${where} ${c.value} of meer antwoorden heeft gekozen`;
    case "countAtMost":
      return `u bij ${where} ${c.value} of minder antwoorden heeft gekozen`;
  }
}

function Answer({ q }: { q: Question }) {
  const dontKnow = q.allowDontKnow ? [{ value: "weetniet", label: DONT_KNOW_LABEL }] : [];
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <>
          <p className="wmh-paper__hint">
            {q.type === "single"
              ? "Kruis één antwoord aan."
              : q.max
                ? `Kruis hoogstens ${q.max} antwoorden aan.`
                : "U kunt meer antwoorden aankruisen."}
          </p>
          <Choices options={[...q.options, ...dontKnow]} multiple={q.type === "multiple"} />
          {q.other ? (
            <div className="wmh-paper__other">
              <Box /> {OTHER_LABEL}: <Lines count={1} />
            </div>
          ) : null}
        </>
      );
    case "agree":
      return (
        <>
          <p className="wmh-paper__hint">Kruis één antwoord aan.</p>
          <Choices
            options={[...AGREE_SCALE.map((s) => ({ value: String(s.value), label: s.label })), ...dontKnow]}
          />
        </>
      );
    case "grade":
      return (
        <>
          <p className="wmh-paper__hint">Omcirkel één cijfer (1 is heel slecht, 10 is uitstekend).</p>
          <p className="wmh-paper__grades">
            {Array.from({ length: 10 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the grades 1 to 10
              <span key={i}>{i + 1}</span>
            ))}
          </p>
          {q.allowDontKnow ? <Choices options={dontKnow} /> : null}
        </>
      );
    case "ranking":
      return (
        <>
          <p className="wmh-paper__hint">
            Zet een cijfer in het hokje: 1 is het belangrijkst
            {q.top ? `. Geef alleen uw top ${q.top}.` : `, ${q.items.length} het minst belangrijk.`}
          </p>
          <Choices options={q.items} />
          {q.allowDontKnow ? <Choices options={dontKnow} /> : null}
        </>
      );
    case "matrix":
      return (
        <table className="wmh-paper__matrix">
          <thead>
            <tr>
              <td />
              {[...q.scale, ...(q.allowDontKnow ? [{ value: "weetniet", label: "Weet ik niet" }] : [])].map(
                (s) => (
                  <th key={s.value} scope="col">
                    {s.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((row) => (
              <tr key={row.value}>
                <th scope="row">{row.label}</th>
                {[...q.scale, ...(q.allowDontKnow ? [{ value: "weetniet" }] : [])].map((s) => (
                  <td key={s.value}>
                    <Box />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "open":
      return (
        <>
          <Lines count={q.multiline ? 5 : 1} />
          {q.allowDontKnow ? <Choices options={dontKnow} /> : null}
        </>
      );
    case "number":
    case "birthYear":
    case "postcode":
      return (
        <>
          <p className="wmh-paper__hint">
            {q.type === "birthYear"
              ? "Bijvoorbeeld 1965."
              : q.type === "postcode"
                ? "Bijvoorbeeld 2101 AB."
                : q.unit
                  ? `In ${q.unit}.`
                  : "Vul een getal in."}
          </p>
          <span className="wmh-paper__field" aria-hidden="true" />
          {q.allowDontKnow ? <Choices options={dontKnow} /> : null}
        </>
      );
    case "mapPoint":
      return (
        <>
          {q.locations.length > 0 ? <Choices options={q.locations} /> : null}
          {q.allowAddress ? (
            <>
              <p className="wmh-paper__hint">Of schrijf het adres of de plek op:</p>
              <Lines count={1} />
            </>
          ) : null}
          <p className="wmh-paper__hint">{q.commentLabel}:</p>
          <Lines count={2} />
        </>
      );
  }
}

/** Numbers of the questions, in the order of the paper (the data-entry screen uses the same). */
export function questionNumbers(def: Pick<SurveyDefinition, "pages">) {
  const numbers = new Map<string, { n: number; q: Question }>();
  let n = 0;
  for (const page of def.pages) for (const q of page.questions) numbers.set(q.key, { n: ++n, q });
  return numbers;
}

export function PaperQuestionnaire({
  definition,
  code,
  returnAddress,
}: {
  definition: SurveyDefinition;
  /** The personal letter code printed on this copy. */
  code?: string;
  returnAddress?: string;
}) {
  const numbers = questionNumbers(definition);
  return (
    <article className="wmh-paper" aria-label={code ? `Vragenlijst met code ${code}` : "Vragenlijst"}>
      <header className="wmh-paper__header">
        <h1 className="utrecht-heading-1">{definition.title}</h1>
        {code ? (
          <p className="wmh-paper__code">
            Uw code: <strong>{code}</strong>
          </p>
        ) : null}
      </header>
      {definition.intro ? <p className="utrecht-paragraph">{definition.intro}</p> : null}
      <p className="utrecht-paragraph">
        Zet een kruisje in het hokje van uw antwoord. Schrijf duidelijk in blokletters.
        {code ? " U kunt de vragenlijst ook online invullen met de code hierboven." : ""}
      </p>
      {definition.whatHappens ? <p className="utrecht-paragraph">{definition.whatHappens}</p> : null}
      {definition.pages.map((page) => (
        <section key={page.key} className="wmh-paper__page">
          <h2 className="utrecht-heading-2">{page.title}</h2>
          {page.intro ? <p className="utrecht-paragraph">{page.intro}</p> : null}
          {page.blocks.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are addressed by position
            <InfoBlock key={i} block={b} headingLevel={3} />
          ))}
          {page.questions.map((q) => (
            <div key={q.key} className="wmh-paper__question">
              <h3 className="utrecht-heading-3">
                {numbers.get(q.key)!.n}. {q.text}
                {q.required ? null : <span className="wmh-optional"> (niet verplicht)</span>}
              </h3>
              {q.showIf ? <p className="wmh-paper__condition">{conditionText(q.showIf, numbers)}</p> : null}
              {q.description ? <p className="utrecht-paragraph">{q.description}</p> : null}
              <Answer q={q} />
            </div>
          ))}
        </section>
      ))}
      <footer className="wmh-paper__end">
        <p className="utrecht-paragraph">{definition.thankYou || "Hartelijk dank voor het invullen."}</p>
        {returnAddress ? <p className="utrecht-paragraph">{returnAddress}</p> : null}
      </footer>
    </article>
  );
}
