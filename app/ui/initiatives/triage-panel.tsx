import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { DECIDERS } from "~/domain/initiatives/quickscan";
import { LOCATION_PRECISIONS } from "~/domain/initiatives/rules";
import { statusLabel } from "~/domain/initiatives/statuses";
import type { FieldErrors } from "~/lib/forms";
import type { TriageIntent } from "~/routes/beheer.initiatieven.$id";
import { Heading, Paragraph, TextLink } from "../content";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "../form";
import { IntentFormPanel } from "../intent-form-panel";
import type { TriageData } from "./triage-content";

// The right column of the staff initiative page (routes/beheer.initiatieven.$id): one form per
// decision, each posting its own intent.

type Idea = TriageData["idea"];

/** Errors and typed values of the form that was sent, and the confirmation of the section saved. */
export interface PanelFeedback {
  errorsFor: (intent: TriageIntent) => FieldErrors;
  valueFor: (intent: TriageIntent, key: string, fallback?: string | null) => string | undefined;
  /** A checkbox as the user sent it, else as stored. */
  checkedFor: (intent: TriageIntent, key: string, stored: boolean) => boolean;
  /** The "saved" message when the section with this heading id was saved, else nothing. */
  savedIn: (section: string) => ReactNode;
}

interface PanelProps {
  idea: Idea;
  feedback: PanelFeedback;
}

export function AssignPanel({
  idea,
  managers,
  feedback: f,
}: PanelProps & { managers: TriageData["managers"] }) {
  return (
    <IntentFormPanel
      id="toewijzen-titel"
      title="Accounthouder"
      intent="assign"
      errors={f.errorsFor("assign")}
    >
      {f.savedIn("toewijzen-titel")}
      <SelectField
        name="accountManagerId"
        label="Accounthouder"
        placeholder="Niemand: het team behandelt het"
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
        defaultValue={f.valueFor("assign", "accountManagerId", idea.accountManagerId)}
        error={f.errorsFor("assign").accountManagerId}
      />
      <SubmitButton>Accounthouder opslaan</SubmitButton>
    </IntentFormPanel>
  );
}

export function DeciderPanel({ idea, feedback: f }: PanelProps) {
  return (
    <IntentFormPanel
      id="beslisser-titel"
      title="Beslisser en complexiteit bevestigen"
      intent="decider"
      errors={f.errorsFor("decider")}
    >
      {f.savedIn("beslisser-titel")}
      <SelectField
        name="decider"
        label="Wie beslist"
        required
        options={DECIDERS.map((x) => ({ value: x.value, label: x.label }))}
        defaultValue={f.valueFor("decider", "decider", idea.decider)}
        error={f.errorsFor("decider").decider}
      />
      <CheckboxField
        name="complex"
        label="Dit is een complexe opgave (college of raad beslist, en grote verandering, veel actoren of veel belangen)"
        defaultChecked={f.checkedFor("decider", "complex", idea.complex)}
        error={f.errorsFor("decider").complex}
      />
      <TextArea
        name="reason"
        label="Reden"
        required
        rows={3}
        defaultValue={f.valueFor("decider", "reason")}
        error={f.errorsFor("decider").reason}
        description="Waarom bevestigt of wijzigt u het voorstel van de quickscan?"
      />
      <SubmitButton>Beslisser opslaan</SubmitButton>
    </IntentFormPanel>
  );
}

export function StatusPanel({
  nextStatuses,
  feedback: f,
}: {
  nextStatuses: TriageData["nextStatuses"];
  feedback: PanelFeedback;
}) {
  return (
    <section aria-labelledby="status-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="status-titel">
        Status wijzigen
      </Heading>
      {f.savedIn("status-titel")}
      {nextStatuses.length === 0 ? (
        <Paragraph>Dit initiatief is afgesloten. De status kan niet meer veranderen.</Paragraph>
      ) : (
        <>
          <ErrorSummary errors={f.errorsFor("status")} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="status" />
            <SelectField
              name="status"
              label="Nieuwe status"
              required
              placeholder="Kies een status"
              options={nextStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
              defaultValue={f.valueFor("status", "status")}
              error={f.errorsFor("status").status}
            />
            <TextArea
              name="reason"
              label="Toelichting voor de initiatiefnemer"
              rows={3}
              defaultValue={f.valueFor("status", "reason")}
              error={f.errorsFor("status").reason}
              description="Verplicht bij afwijzen. De initiatiefnemer krijgt deze tekst per e-mail."
            />
            <SubmitButton>Status wijzigen</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

/** `formKey` changes after each message, so the box is empty again after a successful send. */
export function MessagePanel({ formKey, feedback: f }: { formKey: number; feedback: PanelFeedback }) {
  return (
    <section aria-labelledby="bericht-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="bericht-titel">
        Bericht sturen
      </Heading>
      {f.savedIn("bericht-titel")}
      <ErrorSummary errors={f.errorsFor("message")} />
      <Form method="post" noValidate key={`bericht-${formKey}`}>
        <input type="hidden" name="intent" value="message" />
        <TextArea
          name="body"
          label="Bericht aan de initiatiefnemer"
          required
          defaultValue={f.valueFor("message", "body")}
          error={f.errorsFor("message").body}
          description="De initiatiefnemer krijgt dit bericht per e-mail en ziet het op de eigen pagina."
        />
        <SubmitButton>Verstuur bericht</SubmitButton>
      </Form>
    </section>
  );
}

export function NotePanel({ formKey, feedback: f }: { formKey: number; feedback: PanelFeedback }) {
  return (
    <section aria-labelledby="notitie-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="notitie-titel">
        Notitie voor collega's
      </Heading>
      {f.savedIn("notitie-titel")}
      <ErrorSummary errors={f.errorsFor("note")} />
      <Form method="post" noValidate key={`notitie-${formKey}`}>
        <input type="hidden" name="intent" value="note" />
        <TextArea
          name="note"
          label="Interne notitie"
          required
          rows={3}
          defaultValue={f.valueFor("note", "note")}
          error={f.errorsFor("note").note}
          description="Alleen zichtbaar voor medewerkers. De initiatiefnemer ziet dit nooit."
        />
        <SubmitButton variant="secondary">Notitie opslaan</SubmitButton>
      </Form>
    </section>
  );
}

/** Publishing on the public map: the consent the initiator gave, the public text, and unpublishing. */
export function PublishPanel({
  idea,
  photo,
  closed,
  feedback: f,
}: PanelProps & { photo: TriageData["photo"]; closed: boolean }) {
  return (
    <section aria-labelledby="kaart-titel" className="wmh-panel wmh-form">
      <Heading level={2} id="kaart-titel">
        Op de kaart met initiatieven
      </Heading>
      {f.savedIn("kaart-titel")}
      <Paragraph>
        Schrijf een openbare titel en samenvatting. Geen namen of huisnummers, tenzij de initiatiefnemer daar
        toestemming voor gaf. Naam mag openbaar: {idea.showName ? "ja" : "nee"}. Precieze plek mag op de
        kaart: {idea.allowExactLocation ? "ja" : "nee"}.
        {idea.lat === null ? " Er is geen punt bekend, dus het initiatief komt zonder punt op de lijst." : ""}
      </Paragraph>
      <ErrorSummary errors={f.errorsFor("publish")} />
      {closed ? (
        <Paragraph>Een afgewezen of ingetrokken initiatief kan niet op de kaart.</Paragraph>
      ) : (
        <PublishForm idea={idea} photo={photo} feedback={f} />
      )}
      {idea.isPublished ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unpublish" />
          <SubmitButton variant="secondary">Haal van de kaart</SubmitButton>
        </Form>
      ) : null}
      <Paragraph>
        Punt, thema of wijk op de kaart precies aanpassen?{" "}
        <TextLink to={`/beheer/kaart/${idea.id}`}>Bewerk de vermelding op de kaart</TextLink>
      </Paragraph>
    </section>
  );
}

function PublishForm({ idea, photo, feedback: f }: PanelProps & { photo: TriageData["photo"] }) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="publish" />
      <TextField
        name="publicTitle"
        label="Openbare titel"
        required
        maxLength={120}
        defaultValue={f.valueFor("publish", "publicTitle", idea.publicTitle ?? idea.title)}
        error={f.errorsFor("publish").publicTitle}
      />
      <TextArea
        name="publicSummary"
        label="Openbare samenvatting"
        required
        rows={4}
        maxLength={1000}
        defaultValue={f.valueFor("publish", "publicSummary", idea.publicSummary)}
        error={f.errorsFor("publish").publicSummary}
      />
      <SelectField
        name="precision"
        label="Hoe precies komt de plek op de kaart?"
        required
        options={LOCATION_PRECISIONS.filter((p) => p.value !== "exact" || idea.allowExactLocation).map(
          (p) => ({
            value: p.value,
            label: p.label,
          }),
        )}
        defaultValue={f.valueFor("publish", "precision", idea.isPublished ? idea.locationPrecision : "buurt")}
        error={f.errorsFor("publish").precision}
      />
      <CheckboxField name="featured" label="Uitlichten op de homepagina" defaultChecked={idea.isFeatured} />
      {photo ? (
        <CheckboxField
          name="showPhoto"
          label="Toon de foto of schets van de initiatiefnemer op de openbare pagina"
          description="Alleen als er niemand herkenbaar op staat en er geen huisnummer op te zien is, tenzij de initiatiefnemer daar toestemming voor gaf."
          defaultChecked={photo.published}
        />
      ) : null}
      <SubmitButton>{idea.isPublished ? "Publicatie bijwerken" : "Publiceer op de kaart"}</SubmitButton>
    </Form>
  );
}
