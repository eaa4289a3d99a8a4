import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { projectStatusLabels, projectThemeOptions } from "~/domain/projects/labels";
import { projectStatuses } from "~/domain/projects/status";
import type { FieldErrors } from "~/lib/forms";
import type { loader } from "~/routes/beheer.projecten.$id";
import { Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";

// The forms of a project's staff page (routes/beheer.projecten.$id): the project's details, one card per
// phase and the form to add a phase.

type PageData = SerializeFrom<typeof loader>;

/** A form's errors and its values: what the user typed after a failed post, else the stored value. */
export type Feedback = {
  errors: FieldErrors;
  v: (key: string, fallback: string | null | undefined) => string;
};

/** The project's name, texts, status, contact address and themes. */
export function ProjectDetailsForm({
  project,
  p,
  themes,
}: {
  project: PageData["project"];
  p: Feedback;
  themes: string[];
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="project" />
      <TextField
        name="title"
        label="Naam"
        required
        defaultValue={p.v("title", project.title)}
        error={p.errors.title}
      />
      <TextArea
        name="summary"
        label="Samenvatting"
        required
        rows={3}
        defaultValue={p.v("summary", project.summary)}
        error={p.errors.summary}
      />
      <TextArea
        name="description"
        label="Beschrijving"
        rows={5}
        defaultValue={p.v("description", project.description)}
        error={p.errors.description}
      />
      <SelectField
        name="status"
        label="Status"
        required
        options={projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] }))}
        defaultValue={p.v("status", project.status)}
        error={p.errors.status}
      />
      <TextField
        name="contactEmail"
        type="email"
        label="E-mailadres van het projectteam"
        description="Een teammailbox, geen persoonlijk adres."
        defaultValue={p.v("contactEmail", project.contactEmail)}
        error={p.errors.contactEmail}
      />
      <ChoiceGroup
        name="themes"
        label="Thema's"
        multiple
        options={projectThemeOptions}
        defaultValue={themes}
        error={p.errors.themes}
      />
      <SubmitButton>Project opslaan</SubmitButton>
    </Form>
  );
}

/** One phase: its details and surveys, and pinning it as the current phase. */
function PhaseCard({
  phase,
  surveys,
  f,
}: {
  phase: PageData["phases"][number];
  surveys: PageData["surveys"];
  f: Feedback;
}) {
  const prefix = `fase-${phase.id}`;
  return (
    <li className="wmh-card">
      <Heading level={3}>
        {phase.position}. {phase.title}
        {phase.isCurrent ? " (huidige fase)" : ""}
        {phase.pinned ? " (vastgezet)" : ""}
      </Heading>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="phase-update" />
        <input type="hidden" name="phaseId" value={phase.id} />
        <TextField
          id={`${prefix}-title`}
          name="title"
          label="Naam"
          required
          defaultValue={f.v("title", phase.title)}
          error={f.errors.title}
        />
        <TextArea
          id={`${prefix}-description`}
          name="description"
          label="Beschrijving"
          rows={3}
          defaultValue={f.v("description", phase.description)}
          error={f.errors.description}
        />
        <TextField
          id={`${prefix}-startsOn`}
          name="startsOn"
          type="date"
          label="Begindatum"
          defaultValue={f.v("startsOn", phase.startsOn)}
          error={f.errors.startsOn}
        />
        <TextField
          id={`${prefix}-endsOn`}
          name="endsOn"
          type="date"
          label="Einddatum"
          defaultValue={f.v("endsOn", phase.endsOn)}
          error={f.errors.endsOn}
        />
        {surveys.length ? (
          <ChoiceGroup
            id={`${prefix}-surveys`}
            name="surveys"
            label="Enquêtes bij deze fase"
            description="De projectpagina toont deze enquêtes bij deze fase."
            multiple
            options={surveys}
            defaultValue={phase.surveyIds}
            error={f.errors.surveys}
          />
        ) : null}
        <SubmitButton variant="secondary">Fase opslaan</SubmitButton>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={phase.pinned ? "phase-unpin" : "phase-pin"} />
        <input type="hidden" name="phaseId" value={phase.id} />
        <SubmitButton variant="subtle">
          {phase.pinned ? "Losmaken: de data bepalen de huidige fase" : "Vastzetten als huidige fase"}
        </SubmitButton>
      </Form>
    </li>
  );
}

/** The form to add a phase. */
function AddPhaseForm({ add }: { add: Feedback }) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="phase-add" />
      <TextField
        id="nieuw-title"
        name="title"
        label="Naam"
        required
        defaultValue={add.v("title", "")}
        error={add.errors.title}
      />
      <TextArea
        id="nieuw-description"
        name="description"
        label="Beschrijving"
        rows={3}
        defaultValue={add.v("description", "")}
        error={add.errors.description}
      />
      <TextField
        id="nieuw-startsOn"
        name="startsOn"
        type="date"
        label="Begindatum"
        defaultValue={add.v("startsOn", "")}
        error={add.errors.startsOn}
      />
      <TextField
        id="nieuw-endsOn"
        name="endsOn"
        type="date"
        label="Einddatum"
        defaultValue={add.v("endsOn", "")}
        error={add.errors.endsOn}
      />
      <SubmitButton variant="secondary">Fase toevoegen</SubmitButton>
    </Form>
  );
}

/** The phases of the project, each with its own forms, and adding one. */
export function PhasesSection({
  phases,
  surveys,
  feedback,
  add,
}: {
  phases: PageData["phases"];
  surveys: PageData["surveys"];
  feedback: (intent: string) => Feedback;
  add: Feedback;
}) {
  return (
    <section aria-labelledby="fasen">
      <Heading level={2} id="fasen">
        Fasen
      </Heading>
      <Paragraph>
        De huidige fase volgt de data: de laatste fase die begonnen is. Zet een fase vast als de planning
        anders loopt.
      </Paragraph>
      <ol className="wmh-plain-list">
        {phases.map((phase) => (
          <PhaseCard
            key={phase.id}
            phase={phase}
            surveys={surveys}
            f={feedback(`phase-update-${phase.id}`)}
          />
        ))}
      </ol>
      <Heading level={3}>Fase toevoegen</Heading>
      <AddPhaseForm add={add} />
    </section>
  );
}
