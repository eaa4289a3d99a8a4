import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { decisionLabels, themeLabel } from "~/domain/consultation/points";
import { themeIds, themeLabels } from "~/domain/insights/themes";
import type { action, loader } from "~/routes/beheer.inspraak_.$id_.reacties";
import { Heading, Paragraph } from "../content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "../form";

// The sections of the staff reactions page (routes/beheer.inspraak_.$id_.reacties): reactions not yet
// in a point, reactions to check for personal data, and the points with their answers.

export type ReactionsData = SerializeFrom<typeof loader>;
/** The action's answer when a form was refused: its intent, errors and the values sent. */
export type Refused = Extract<SerializeFrom<typeof action>, { ok: false }>;
type Reaction = ReactionsData["reactions"][number];
type Point = ReactionsData["points"][number];

const decisionOptions = Object.entries(decisionLabels).map(([value, label]) => ({ value, label }));
const themeOptions = themeIds.map((t) => ({ value: String(t), label: themeLabels[t] }));

function about(paragraphLabel: string | null) {
  return paragraphLabel ? `alinea ${paragraphLabel}` : "het hele document";
}

/**
 * Reactions not yet in a point: check the ones that belong together, then merge them into a point
 * or give them a theme (one form, two buttons). Nothing to change once the nota is published.
 */
export function LooseReactionsSection({
  d,
  loose,
  failed,
  sortLink,
}: {
  d: ReactionsData & { version: NonNullable<ReactionsData["version"]> };
  loose: Reaction[];
  failed: Refused | null;
  sortLink: ReactNode;
}) {
  const open = !d.version.notaPublished;
  return (
    <section aria-labelledby="los" className="wmh-stack">
      <Heading level={2} id="los">
        Reacties die nog niet in een punt staan ({loose.length})
      </Heading>
      <Paragraph>
        Gesorteerd op {d.sort === "theme" ? "thema" : "alinea"}. {sortLink}
      </Paragraph>
      {open ? (
        <Form method="post">
          <input type="hidden" name="versie" value={d.version.number} />
          <input type="hidden" name="intent" value="suggest" />
          <SubmitButton variant="secondary">Thema's voorstellen voor reacties zonder thema</SubmitButton>
        </Form>
      ) : null}
      {loose.length === 0 ? (
        <Paragraph>Alle reacties staan in een punt.</Paragraph>
      ) : (
        <Form method="post" className="wmh-stack" noValidate>
          <input type="hidden" name="versie" value={d.version.number} />
          <ErrorSummary
            errors={failed && ["merge", "theme"].includes(failed.intent) ? failed.errors : undefined}
          />
          <fieldset className="utrecht-form-fieldset" id="veld-reacties">
            <legend className="utrecht-form-fieldset__legend">Kies de reacties die bij elkaar horen</legend>
            {failed?.errors.reacties ? (
              <p className="utrecht-form-field-error-message">{failed.errors.reacties}</p>
            ) : null}
            <ul className="wmh-plain-list wmh-stack">
              {loose.map((r) => (
                <ReactionChoice key={r.id} r={r} />
              ))}
            </ul>
          </fieldset>
          {open ? <MergeAndThemeFields points={d.points} failed={failed} /> : null}
        </Form>
      )}
    </section>
  );
}

function ReactionChoice({ r }: { r: Reaction }) {
  return (
    <li className="wmh-card">
      <div className="utrecht-form-field utrecht-form-field--checkbox">
        <div className="utrecht-form-field__input">
          <input
            id={`reactie-${r.id}`}
            type="checkbox"
            name="reacties"
            value={r.id}
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />
          <label htmlFor={`reactie-${r.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
            Reactie {r.id} op {about(r.paragraphLabel)} ({r.who})
          </label>
        </div>
      </div>
      <p className="wmh-reaction-text">{r.text}</p>
      <p className="wmh-meta">
        Thema: {themeLabel(r.theme)}
        {r.theme === null && r.suggestedTheme !== null ? ` (voorstel: ${themeLabel(r.suggestedTheme)})` : ""}
        {r.personalData.length ? (
          <>
            {" "}
            · <strong>Let op: mogelijk persoonsgegevens ({r.personalData.join(", ")})</strong>
          </>
        ) : null}
      </p>
    </li>
  );
}

function MergeAndThemeFields({ points, failed }: { points: Point[]; failed: Refused | null }) {
  return (
    <>
      <Heading level={3}>Samenvoegen tot één punt</Heading>
      <TextArea
        name="samenvatting"
        label="Samenvatting van het punt"
        description="Zo staat het punt in de reactienota. Geen namen of adressen."
        required
        rows={3}
        defaultValue={String(failed?.values.samenvatting ?? "")}
        error={failed?.errors.samenvatting}
      />
      {points.length ? (
        <SelectField
          name="punt"
          label="Of voeg toe aan een bestaand punt"
          placeholder="Nieuw punt"
          options={points.map((p) => ({
            value: String(p.id),
            label: `Punt ${p.id}: ${p.summary.slice(0, 60)}`,
          }))}
          defaultValue={String(failed?.values.punt ?? "")}
          error={failed?.errors.punt}
        />
      ) : null}
      <div>
        <SubmitButton name="intent" value="merge">
          Samenvoegen tot één punt
        </SubmitButton>
      </div>
      <Heading level={3}>Thema kiezen</Heading>
      <SelectField
        name="thema"
        label="Thema voor de gekozen reacties"
        placeholder="Kies een thema"
        options={themeOptions}
        defaultValue={String(failed?.values.thema ?? "")}
        error={failed?.errors.thema}
      />
      <div>
        <SubmitButton name="intent" value="theme" variant="secondary">
          Thema opslaan
        </SubmitButton>
      </div>
    </>
  );
}

/** Reactions with possible personal data: staff release a public text for each. */
export function PersonalDataSection({
  flagged,
  version,
  failed,
}: {
  flagged: Reaction[];
  version: number;
  failed: Refused | null;
}) {
  return (
    <section aria-labelledby="persoonsgegevens" className="wmh-stack">
      <Heading level={2} id="persoonsgegevens">
        Nakijken op persoonsgegevens ({flagged.length})
      </Heading>
      <Paragraph>
        In deze reacties staan mogelijk persoonsgegevens. Inwoners zien de tekst pas als u hem hebt
        vrijgegeven.
      </Paragraph>
      {flagged.map((r) => {
        const sent =
          failed?.intent === "clear" && String(failed.values.reactie) === String(r.id) ? failed : null;
        return (
          <Form key={r.id} method="post" className="wmh-card wmh-stack" noValidate>
            <input type="hidden" name="versie" value={version} />
            <input type="hidden" name="intent" value="clear" />
            <input type="hidden" name="reactie" value={r.id} />
            <TextArea
              id={`openbaar-${r.id}`}
              name="openbaar"
              label={`Openbare tekst van reactie ${r.id} (gevonden: ${r.personalData.join(", ")})`}
              required
              rows={4}
              defaultValue={sent ? String(sent.values.openbaar ?? "") : (r.redacted ?? r.text)}
              error={sent ? sent.errors.openbaar : undefined}
            />
            <div>
              <SubmitButton variant="secondary">Tekst vrijgeven</SubmitButton>
            </div>
          </Form>
        );
      })}
    </section>
  );
}

/** The points, each with its reactions and the answer form. */
export function PointsSection({
  d,
  version,
  failed,
}: {
  d: ReactionsData;
  version: NonNullable<ReactionsData["version"]>;
  failed: Refused | null;
}) {
  const errorsOf = (id: number) =>
    failed && failed.intent === "answer" && String(failed.values.punt) === String(id) ? failed : null;
  return (
    <section aria-labelledby="punten" className="wmh-stack">
      <Heading level={2} id="punten">
        Punten ({d.points.length})
      </Heading>
      {d.points.length === 0 ? <Paragraph>Nog geen punten. Voeg hierboven reacties samen.</Paragraph> : null}
      {d.points.map((p) => (
        <PointCard
          key={p.id}
          p={p}
          reactions={d.reactions.filter((r) => r.pointId === p.id)}
          later={d.later}
          version={version}
          err={errorsOf(p.id)}
        />
      ))}
    </section>
  );
}

function PointCard({
  p,
  reactions,
  later,
  version,
  err,
}: {
  p: Point;
  reactions: Reaction[];
  later: ReactionsData["later"];
  version: NonNullable<ReactionsData["version"]>;
  err: Refused | null;
}) {
  return (
    <article className="wmh-card wmh-stack" aria-labelledby={`punt-${p.id}`}>
      <Heading level={3} id={`punt-${p.id}`}>
        Punt {p.id} over {about(p.paragraphLabel)}
      </Heading>
      <Paragraph>{p.summary}</Paragraph>
      <details>
        <summary>De reacties in dit punt ({p.reactionIds.length})</summary>
        <ul>
          {reactions.map((r) => (
            <li key={r.id}>
              {r.who}: {r.text}
            </li>
          ))}
        </ul>
      </details>
      <Form method="post" className="wmh-stack wmh-consultation-form" noValidate>
        <input type="hidden" name="versie" value={version.number} />
        <input type="hidden" name="punt" value={p.id} />
        <ErrorSummary
          errors={err?.errors}
          fieldIds={{
            antwoord: `punt-${p.id}-antwoord`,
            besluit: `punt-${p.id}-besluit`,
            reden: `punt-${p.id}-reden`,
            wijziging: `punt-${p.id}-wijziging`,
          }}
        />
        <PointAnswerFields p={p} later={later} err={err} />
        {version.notaPublished ? null : (
          <div className="wmh-actions">
            <SubmitButton name="intent" value="answer">
              Antwoord opslaan
            </SubmitButton>
            <SubmitButton name="intent" value="dissolve" variant="subtle" formNoValidate>
              Punt opheffen
            </SubmitButton>
          </div>
        )}
      </Form>
    </article>
  );
}

/** Answer, decision, reason and the change in the new version: as sent after an error, else as stored. */
function PointAnswerFields({
  p,
  later,
  err,
}: {
  p: Point;
  later: ReactionsData["later"];
  err: Refused | null;
}) {
  const v = err?.values;
  return (
    <>
      <TextArea
        id={`punt-${p.id}-antwoord`}
        name="antwoord"
        label="Antwoord"
        required
        rows={3}
        defaultValue={String(v?.antwoord ?? p.answer)}
        error={err?.errors.antwoord}
      />
      <ChoiceGroup
        id={`punt-${p.id}-besluit`}
        name="besluit"
        label="Besluit"
        required
        options={decisionOptions}
        defaultValue={String(v?.besluit ?? p.decision ?? "")}
        error={err?.errors.besluit}
      />
      <TextArea
        id={`punt-${p.id}-reden`}
        name="reden"
        label="Reden van het besluit"
        required
        rows={2}
        defaultValue={String(v?.reden ?? p.reason)}
        error={err?.errors.reden}
      />
      {later.length ? (
        <SelectField
          id={`punt-${p.id}-wijziging`}
          name="wijziging"
          label="Wijziging in de nieuwe versie"
          placeholder="Geen alinea"
          options={later.map((l) => ({ value: String(l.id), label: l.label }))}
          defaultValue={String(v?.wijziging ?? p.changedParagraphId ?? "")}
          error={err?.errors.wijziging}
        />
      ) : null}
      <TextField
        id={`punt-${p.id}-toelichting`}
        name="toelichting"
        label="Wat is er veranderd?"
        description={
          later.length ? undefined : "Maak een nieuwe versie om de alinea met de wijziging te kiezen."
        }
        defaultValue={String(v?.toelichting ?? p.changeNote)}
        error={later.length ? undefined : err?.errors.wijziging}
      />
    </>
  );
}
