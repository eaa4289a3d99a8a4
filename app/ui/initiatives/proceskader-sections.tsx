import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import {
  PARTICIPANT_ROWS,
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  PLAN_QUESTIONS,
  type ProceskaderSection,
} from "~/domain/initiatives/proceskader";
import { BASISSTAPPEN } from "~/domain/initiatives/quickscan";
import type { FieldErrors } from "~/lib/forms";
import type { loader } from "~/routes/beheer.initiatieven.$id_.proceskader";
import { formatDate, formatDateTime, Heading, Paragraph, TextLink } from "../content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "../form";

// The sections of the proceskader page (routes/beheer.initiatieven.$id_.proceskader): all inside one
// form, each with its own save button (name="intent"). Fields carry the stored version in their key,
// so a save remounts them with the new value.

export type ProceskaderData = SerializeFrom<typeof loader>;
type Idea = ProceskaderData["idea"];

/** What the sections show after a post: the value sent or stored, errors and the saved message. */
export interface SectionFeedback {
  typed: (key: string, stored: string | null | undefined) => string;
  errorsFor: (section: ProceskaderSection) => FieldErrors;
  savedIn: (section: ProceskaderSection) => ReactNode;
}

export function StepsSection({ idea, f }: { idea: Idea; f: SectionFeedback }) {
  return (
    <section aria-labelledby="stappen-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="stappen-titel">
        Basisstappen
      </Heading>
      {f.savedIn("step")}
      <ol className="wmh-steps-list">
        {BASISSTAPPEN.map((s) => (
          <li key={s.step} data-done={idea.processStep >= s.step}>
            {s.staff} {idea.processStep >= s.step ? <strong>(klaar)</strong> : null}
          </li>
        ))}
      </ol>
      <ErrorSummary errors={f.errorsFor("step")} />
      <SelectField
        key={`stap-${idea.processStep}`}
        name="processStep"
        label="Laatste afgeronde stap"
        required
        options={[
          { value: "0", label: "Nog geen stap afgerond" },
          ...BASISSTAPPEN.map((s) => ({ value: String(s.step), label: `Stap ${s.step}: ${s.staff}` })),
        ]}
        defaultValue={f.typed("processStep", String(idea.processStep))}
        error={f.errorsFor("step").processStep}
      />
      <SubmitButton variant="secondary" name="intent" value="step">
        Stap opslaan
      </SubmitButton>
    </section>
  );
}

export function PlanSection({ plan, f }: { plan: ProceskaderData["plan"]; f: SectionFeedback }) {
  return (
    <section aria-labelledby="plan-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="plan-titel">
        Planomschrijving {plan ? `(versie ${plan.version})` : ""}
      </Heading>
      {f.savedIn("plan")}
      <Paragraph>
        Elke keer dat u opslaat, ontstaat een nieuwe versie. Oude versies blijven bewaard.
      </Paragraph>
      <ErrorSummary errors={f.errorsFor("plan")} />
      {PLAN_QUESTIONS.map((q) => (
        <TextArea
          key={`${q.key}-${plan?.version ?? 0}`}
          name={q.key}
          label={q.label}
          rows={4}
          defaultValue={f.typed(q.key, plan?.content[q.key])}
          error={f.errorsFor("plan")[q.key]}
        />
      ))}
      <SubmitButton name="intent" value="plan">
        Planomschrijving opslaan
      </SubmitButton>
    </section>
  );
}

export function ParticipationSection({
  participation,
  doelen,
  f,
}: {
  participation: ProceskaderData["participation"];
  /** The goals ticked: as sent after a post that named them, else as stored. */
  doelen: string[];
  f: SectionFeedback;
}) {
  const version = participation?.version ?? 0;
  return (
    <section aria-labelledby="participatie-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="participatie-titel">
        Participatieplan {participation ? `(versie ${participation.version})` : ""}
      </Heading>
      {f.savedIn("participation")}
      <ErrorSummary errors={f.errorsFor("participation")} />
      <Heading level={3}>1. Ruimte bepalen</Heading>
      <TextArea
        key={`ruimte-${version}`}
        name="ruimte"
        label="Wat is de ruimte voor participatie? Valt er iets te kiezen?"
        rows={3}
        defaultValue={f.typed("ruimte", participation?.content.ruimte)}
        error={f.errorsFor("participation").ruimte}
      />
      <TextArea
        key={`complexiteit-${version}`}
        name="complexiteit"
        label="Hoe complex is het vraagstuk? Zijn er veel tegengestelde belangen?"
        rows={3}
        defaultValue={f.typed("complexiteit", participation?.content.complexiteit)}
        error={f.errorsFor("participation").complexiteit}
      />
      <Heading level={3}>2. Doel bepalen</Heading>
      <ChoiceGroup
        key={`doelen-${version}`}
        name="doelen"
        multiple
        required
        label="Doel van participatie"
        options={PARTICIPATION_GOALS.map((g) => ({
          value: g.value,
          label: `${g.label}: ${g.explanation}`,
        }))}
        defaultValue={doelen}
        error={f.errorsFor("participation").doelen}
      />
      <TextArea
        key={`toelichtingDoel-${version}`}
        name="toelichtingDoel"
        label="Toelichting op het doel"
        rows={3}
        defaultValue={f.typed("toelichtingDoel", participation?.content.toelichtingDoel)}
        error={f.errorsFor("participation").toelichtingDoel}
      />
      <Heading level={3}>3. Deelnemers en rollen bepalen</Heading>
      <ParticipantRows participation={participation} f={f} />
      <SubmitButton name="intent" value="participation">
        Participatieplan opslaan
      </SubmitButton>
    </section>
  );
}

/** A fixed number of rows: who takes part, and in which role. */
function ParticipantRows({
  participation,
  f,
}: {
  participation: ProceskaderData["participation"];
  f: SectionFeedback;
}) {
  const version = participation?.version ?? 0;
  return (
    <>
      {Array.from({ length: PARTICIPANT_ROWS }, (_, i) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows (and the stored version)
          key={`${i}-${version}`}
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
        >
          <legend className="utrecht-form-fieldset__legend">Deelnemer {i + 1}</legend>
          <TextField
            name={`deelnemer-${i}`}
            label="Wie"
            defaultValue={f.typed(`deelnemer-${i}`, participation?.content.deelnemers[i]?.who)}
            error={f.errorsFor("participation")[`deelnemer-${i}`]}
          />
          <SelectField
            name={`rol-${i}`}
            label="Rol"
            placeholder="Kies een rol"
            options={PARTICIPATION_ROLES.map((r) => ({ value: r.value, label: r.label }))}
            defaultValue={f.typed(`rol-${i}`, participation?.content.deelnemers[i]?.role)}
            error={f.errorsFor("participation")[`rol-${i}`]}
          />
        </fieldset>
      ))}
    </>
  );
}

export function AdoptionSection({ idea, f }: { idea: Idea; f: SectionFeedback }) {
  const adoption = `${idea.adoptedBy}-${idea.adoptedOn}-${idea.adoptionReference}`;
  return (
    <section aria-labelledby="vaststellen-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="vaststellen-titel">
        Vaststelling door college of raad (stap 3)
      </Heading>
      {f.savedIn("adopt")}
      {idea.adoptedOn ? (
        <Paragraph>
          Vastgesteld door {idea.adoptedBy === "council" ? "de gemeenteraad" : "het college"} op{" "}
          {formatDate(idea.adoptedOn)}, kenmerk {idea.adoptionReference}.
        </Paragraph>
      ) : null}
      <ErrorSummary errors={f.errorsFor("adopt")} />
      <ChoiceGroup
        key={`adoptedBy-${adoption}`}
        name="adoptedBy"
        required
        label="Vastgesteld door"
        options={[
          { value: "executive", label: "Het college" },
          { value: "council", label: "De gemeenteraad" },
        ]}
        defaultValue={f.typed(
          "adoptedBy",
          idea.adoptedBy ?? (idea.decider === "council" ? "council" : "executive"),
        )}
        error={f.errorsFor("adopt").adoptedBy}
      />
      <TextField
        key={`adoptedOn-${adoption}`}
        name="adoptedOn"
        type="date"
        required
        label="Datum van het besluit"
        defaultValue={f.typed("adoptedOn", idea.adoptedOn)}
        error={f.errorsFor("adopt").adoptedOn}
      />
      <TextField
        key={`adoptionReference-${adoption}`}
        name="adoptionReference"
        required
        label="Kenmerk van het besluit"
        defaultValue={f.typed("adoptionReference", idea.adoptionReference)}
        error={f.errorsFor("adopt").adoptionReference}
      />
      <SubmitButton name="intent" value="adopt">
        Vaststelling vastleggen
      </SubmitButton>
    </section>
  );
}

export function VersionsSection({
  ideaId,
  versions,
}: {
  ideaId: string;
  versions: ProceskaderData["versions"];
}) {
  return (
    <section aria-labelledby="versies-titel">
      <Heading level={2} id="versies-titel">
        Versies
      </Heading>
      {versions.length === 0 ? <Paragraph>Nog geen versies.</Paragraph> : null}
      <ul>
        {versions.map((v) => (
          <li key={`${v.kind}-${v.version}`}>
            <TextLink
              to={`/beheer/initiatieven/${ideaId}/afdrukken?${v.kind === "plan_description" ? "plan" : "participatie"}=${v.version}`}
            >
              {v.kind === "plan_description" ? "Planomschrijving" : "Participatieplan"} versie {v.version}
            </TextLink>{" "}
            ({formatDateTime(v.createdAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}
