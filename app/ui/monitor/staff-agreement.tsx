import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { STOPLICHTEN, stoplichtInfo, tertiaalLabel } from "~/domain/monitor/vocabulary";
import type { FieldErrors } from "~/lib/forms";
import type { loader } from "~/routes/beheer.prestatieafspraken.$id";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, SubmitButton, TextArea } from "~/ui/form";
import { Reactions, Timeline, type TimelineItem } from "./agreement";

// The sections of an agreement's staff page (routes/beheer.prestatieafspraken.$id): a partner's update,
// a tenants' organisation's reaction, confirming or sending back updates, the history and the reactions.

type PageData = SerializeFrom<typeof loader>;
type Round = PageData["round"];
type Detail = PageData["detail"];
type Entry = Detail["timeline"][number];

const stoplichtOptions = STOPLICHTEN.map((s) => ({
  value: s,
  label: `${stoplichtInfo[s].label}: ${stoplichtInfo[s].meaning.toLowerCase()}`,
}));

/** The partner's update for the open round: traffic light and explanation. */
export function UpdateSection({
  organisationName,
  round,
  updateErrors,
  valueFor,
}: {
  organisationName: PageData["organisationName"];
  round: Round;
  updateErrors: FieldErrors;
  valueFor: (intent: string, key: string) => string | undefined;
}) {
  return (
    <section aria-labelledby="bijwerken" className="wmh-stack">
      <Heading level={2} id="bijwerken">
        Stand bijwerken namens {organisationName}
      </Heading>
      {round ? (
        <Form method="post" className="wmh-stack wmh-monitor-form" noValidate>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="ronde" value={round.id} />
          <Paragraph>Voor {tertiaalLabel(round.year, round.tertiaal).toLowerCase()}.</Paragraph>
          {updateErrors.ronde ? <Alert type="error">{updateErrors.ronde}</Alert> : null}
          <ChoiceGroup
            name="stoplicht"
            label="Stoplicht"
            required
            options={stoplichtOptions}
            defaultValue={valueFor("update", "stoplicht")}
            error={updateErrors.stoplicht}
          />
          <TextArea
            name="toelichting"
            label="Toelichting"
            description="Wat is er gedaan, wat is nog nodig? Dit staat na bevestiging op de openbare pagina."
            required
            rows={6}
            maxLength={4000}
            defaultValue={valueFor("update", "toelichting")}
            error={updateErrors.toelichting}
          />
          <SubmitButton>Update opslaan</SubmitButton>
        </Form>
      ) : (
        <Paragraph>Er is geen open ronde voor deze afspraak.</Paragraph>
      )}
    </section>
  );
}

/** The tenants' organisation's reaction for the open round. */
export function ReactionSection({
  organisationName,
  round,
  reactionErrors,
  valueFor,
}: {
  organisationName: PageData["organisationName"];
  round: Round;
  reactionErrors: FieldErrors;
  valueFor: (intent: string, key: string) => string | undefined;
}) {
  return (
    <section aria-labelledby="reageren" className="wmh-stack">
      <Heading level={2} id="reageren">
        Reageren namens {organisationName}
      </Heading>
      {round ? (
        <Form method="post" className="wmh-stack" noValidate>
          <input type="hidden" name="intent" value="react" />
          <input type="hidden" name="ronde" value={round.id} />
          <Paragraph>
            Uw reactie voor {tertiaalLabel(round.year, round.tertiaal).toLowerCase()} staat direct op de
            openbare pagina.
          </Paragraph>
          {reactionErrors.ronde ? <Alert type="error">{reactionErrors.ronde}</Alert> : null}
          <TextArea
            name="reactie"
            label="Uw reactie"
            required
            rows={5}
            maxLength={4000}
            defaultValue={valueFor("react", "reactie")}
            error={reactionErrors.reactie}
          />
          <SubmitButton>Reactie opslaan</SubmitButton>
        </Form>
      ) : (
        <Paragraph>Er is geen open ronde voor deze afspraak.</Paragraph>
      )}
    </section>
  );
}

/** Confirming one submitted update, or sending it back with a note. */
function ReviewActions({
  entry: e,
  notitie,
  error,
}: {
  entry: TimelineItem;
  notitie: string | undefined;
  error: string | undefined;
}) {
  return (
    <div className="wmh-stack">
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="update" value={e.id} />
        <SubmitButton>
          Bevestigen<span className="wmh-visually-hidden">: update van {e.organisationName}</span>
        </SubmitButton>
      </Form>
      <Form method="post" className="wmh-stack" noValidate>
        <input type="hidden" name="intent" value="send_back" />
        <input type="hidden" name="update" value={e.id} />
        <TextArea
          name="notitie"
          id={`veld-notitie-${e.id}`}
          label={`Waarom stuurt u de update van ${e.organisationName} terug?`}
          required
          rows={3}
          maxLength={2000}
          defaultValue={notitie}
          error={error}
        />
        <SubmitButton variant="secondary">
          Terugsturen<span className="wmh-visually-hidden">: update van {e.organisationName}</span>
        </SubmitButton>
      </Form>
    </div>
  );
}

/** The submitted updates, each to confirm or send back. */
export function ReviewSection({
  pending,
  reviewFor,
}: {
  pending: Entry[];
  reviewFor: (updateId: number) => { notitie: string | undefined; error: string | undefined };
}) {
  return (
    <section aria-labelledby="bevestigen" className="wmh-stack">
      <Heading level={2} id="bevestigen">
        Updates bevestigen of terugsturen
      </Heading>
      <Timeline
        entries={pending}
        showStatus
        actions={(e) => <ReviewActions entry={e} {...reviewFor(e.id)} />}
      />
    </section>
  );
}

/** Every update so far. */
export function HistorySection({ timeline }: { timeline: Detail["timeline"] }) {
  return (
    <section aria-labelledby="geschiedenis" className="wmh-stack">
      <Heading level={2} id="geschiedenis">
        Geschiedenis
      </Heading>
      {timeline.length === 0 ? (
        <Paragraph>Nog geen updates.</Paragraph>
      ) : (
        <Timeline entries={timeline} showStatus />
      )}
    </section>
  );
}

/** The reactions of the tenants' organisations. */
export function TenantReactionsSection({ reactions }: { reactions: Detail["reactions"] }) {
  return (
    <section aria-labelledby="reacties" className="wmh-stack">
      <Heading level={2} id="reacties">
        Reacties van de huurdersorganisaties
      </Heading>
      {reactions.length === 0 ? (
        <Paragraph>Nog geen reacties.</Paragraph>
      ) : (
        <Reactions reactions={reactions} />
      )}
    </section>
  );
}
