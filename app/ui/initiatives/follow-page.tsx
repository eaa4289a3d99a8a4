import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { changeText } from "~/domain/initiatives/initiator-page";
import { followPhotoUrl, PHOTO_ALT_FALLBACK } from "~/domain/initiatives/photo";
import { deciderLabel } from "~/domain/initiatives/quickscan";
import { statusExplanation, statusLabel } from "~/domain/initiatives/statuses";
import type { FieldErrors } from "~/lib/forms";
import type { loader } from "~/routes/idee.volgen.$token";
import { formatDate, formatDateTime, Heading, Paragraph } from "../content";
import { CheckboxField, ErrorSummary, SubmitButton, TextArea } from "../form";
import { StoredImageView } from "../stored-image";

// The sections of the initiator's follow page (routes/idee.volgen.$token), top to bottom.

export type FollowData = Extract<SerializeFrom<typeof loader>, { view: "home" }>;

/** The errors and typed values of one form: empty unless that form was the one sent. */
export interface FormFeedback {
  errors: FieldErrors;
  value: (key: string) => string | undefined;
}

function closedIdea(d: FollowData) {
  return d.status === "withdrawn" || d.status === "rejected";
}

export function StatusSection({ d }: { d: FollowData }) {
  const next = d.steps.find((s) => s.state === "todo");
  return (
    <section aria-labelledby="status-titel" className="wmh-result">
      <Heading level={2} id="status-titel">
        Waar staat uw idee?
      </Heading>
      <Paragraph>
        <strong>Status: {statusLabel(d.status)}.</strong> {statusExplanation[d.status]}
      </Paragraph>
      {d.statusReason && closedIdea(d) ? <Paragraph>Reden: {d.statusReason}</Paragraph> : null}
      {d.steps.length ? <Stepper steps={d.steps} /> : null}
      {next ? (
        <Paragraph>
          <strong>Volgende stap:</strong> {next.label}. {next.text}
        </Paragraph>
      ) : null}
      {d.respondBy && d.status === "new" ? (
        <Paragraph>U hoort uiterlijk {formatDate(d.respondBy)} van uw contactpersoon.</Paragraph>
      ) : null}
      {d.isPublished ? <Paragraph>Uw idee staat op de kaart met initiatieven.</Paragraph> : null}
    </section>
  );
}

/** The steps of the idea; the current and the next one with their explanation. */
function Stepper({ steps }: { steps: FollowData["steps"] }) {
  const current = steps.findIndex((s) => s.state === "current");
  const next = steps.find((s) => s.state === "todo");
  return (
    <ol className="wmh-stepper" aria-label="De stappen van uw idee">
      {steps.map((s, i) => (
        <li
          key={s.label}
          className={`wmh-stepper__step wmh-stepper__step--${s.state}`}
          aria-current={s.state === "current" ? "step" : undefined}
        >
          <span className="wmh-stepper__label">
            {s.label}
            {s.state === "current" ? <span className="wmh-stepper__here"> U bent hier</span> : null}
            {s.state === "done" ? <span className="wmh-stepper__done"> (klaar)</span> : null}
            {s.state === "todo" ? <span className="wmh-visually-hidden"> (nog niet begonnen)</span> : null}
          </span>
          {i === current || s === next ? <span className="wmh-stepper__text">{s.text}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function ContactSection({ contact }: { contact: FollowData["contact"] }) {
  return (
    <section aria-labelledby="contact-titel">
      <Heading level={2} id="contact-titel">
        Uw contactpersoon
      </Heading>
      <dl className="wmh-contact">
        <dt>Naam</dt>
        <dd>{contact.name}</dd>
        <dt>E-mail</dt>
        <dd>
          <a className="utrecht-link" href={`mailto:${contact.mailbox}`}>
            {contact.mailbox}
          </a>{" "}
          (de mailbox van het team; zet de titel van uw idee in het onderwerp)
        </dd>
        <dt>Telefoon</dt>
        <dd>
          <a className="utrecht-link" href={`tel:${contact.phone.tel}`}>
            {contact.phone.display}
          </a>{" "}
          (vraag naar {contact.name})
        </dd>
      </dl>
    </section>
  );
}

function messageFrom(m: FollowData["messages"][number]): string {
  if (m.kind === "to_initiator") return `Van ${m.author ?? "de gemeente"}`;
  if (m.kind === "addition") return "Door u toegevoegd";
  return "Van u";
}

/** The form to the contact person (while the idea is open) and the messages, newest first. */
export function MessagesSection({ d, feedback: f }: { d: FollowData; feedback: FormFeedback }) {
  return (
    <section aria-labelledby="berichten-titel">
      <Heading level={2} id="berichten-titel">
        Berichten
      </Heading>
      {closedIdea(d) ? null : (
        <div className="wmh-form">
          <ErrorSummary errors={f.errors} />
          {/* A new key after each message sent: the box is empty again (no second send by mistake). */}
          <Form method="post" noValidate key={`bericht-${d.messages.length}`}>
            <input type="hidden" name="intent" value="message" />
            <TextArea
              name="bericht"
              label="Stuur een bericht aan uw contactpersoon"
              required
              rows={4}
              maxLength={4000}
              defaultValue={f.value("bericht")}
              error={f.errors.bericht}
              description="Uw contactpersoon krijgt een e-mail en antwoordt hier."
            />
            <SubmitButton>Verstuur bericht</SubmitButton>
          </Form>
        </div>
      )}
      {d.messages.length === 0 ? <Paragraph>Er zijn nog geen berichten.</Paragraph> : null}
      {d.messages.length ? (
        <>
          <Heading level={3}>Eerdere berichten, nieuwste eerst</Heading>
          <ul className="wmh-messages">
            {d.messages.map((m) => (
              <li
                key={m.id}
                className={`wmh-message${m.kind === "to_initiator" ? " wmh-message--staff" : ""}`}
              >
                <p className="wmh-message__meta">
                  {messageFrom(m)} · {formatDateTime(m.at)}
                </p>
                {m.body}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function PhotoSection({ photo, token }: { photo: NonNullable<FollowData["photo"]>; token: string }) {
  return (
    <section aria-labelledby="foto-titel">
      <Heading level={2} id="foto-titel">
        Uw foto of schets
      </Heading>
      <figure className="wmh-photo-figure">
        <StoredImageView
          image={photo.image}
          alt={photo.alt ?? PHOTO_ALT_FALLBACK}
          sizes="(max-width: 30rem) 100vw, 30rem"
          urlFor={followPhotoUrl(token)}
        />
        <figcaption>
          {photo.published
            ? "Deze foto staat bij uw idee op de website."
            : "Alleen u en de medewerkers van de gemeente zien deze foto."}
        </figcaption>
      </figure>
    </section>
  );
}

export function PlansSection({ documents }: { documents: FollowData["documents"] }) {
  return (
    <section aria-labelledby="plannen-titel">
      <Heading level={2} id="plannen-titel">
        Uw plannen
      </Heading>
      <Paragraph>Deze plannen maakt u samen met de gemeente. U kunt ze hier lezen.</Paragraph>
      <ul>
        {documents.plan ? (
          <li>
            <Link className="utrecht-link" to="?stuk=planomschrijving">
              Planomschrijving
            </Link>
          </li>
        ) : null}
        {documents.participation ? (
          <li>
            <Link className="utrecht-link" to="?stuk=participatieplan">
              Participatieplan
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function BulletList({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

/** The quickscan's outcome, with what the municipality changed afterwards. */
export function QuickscanOutcomeSection({ d }: { d: FollowData }) {
  return (
    <section aria-labelledby="uitkomst-titel">
      <Heading level={2} id="uitkomst-titel">
        Uitkomst van de quickscan
      </Heading>
      {d.changes.length ? (
        <>
          <Paragraph>Na de quickscan heeft de gemeente uw idee bekeken en dit aangepast:</Paragraph>
          <ul>
            {d.changes.map((c) => (
              <li key={c.field}>{changeText(c)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Heading level={3}>Wie beslist over uw idee?</Heading>
      <Paragraph>
        <strong>{deciderLabel(d.decider)}</strong>
      </Paragraph>
      {d.changes.some((c) => c.field === "Wie beslist") ? null : (
        <BulletList items={d.result.deciderReasons} />
      )}
      <Heading level={3}>Is het een ingewikkeld idee?</Heading>
      <Complexity d={d} />
      {d.result.chances.length ? (
        <>
          <Heading level={3}>Kansen</Heading>
          <BulletList items={d.result.chances} />
        </>
      ) : null}
      {d.result.attentionPoints.length ? (
        <>
          <Heading level={3}>Let op</Heading>
          <BulletList items={d.result.attentionPoints} />
        </>
      ) : null}
    </section>
  );
}

function Complexity({ d }: { d: FollowData }) {
  if (d.changes.length)
    return (
      <Paragraph>{d.complex ? "Ja, dit is een ingewikkeld idee (een complexe opgave)." : "Nee."}</Paragraph>
    );
  if (!d.complex) return <Paragraph>Nee. {d.result.complexReasons.join(" ")}</Paragraph>;
  return (
    <>
      <Paragraph>Ja, dit is een ingewikkeld idee (een "complexe opgave"), omdat:</Paragraph>
      <BulletList items={d.result.complexReasons} />
    </>
  );
}

export function TimelineSection({ timeline }: { timeline: FollowData["timeline"] }) {
  return (
    <section aria-labelledby="tijdlijn-titel">
      <Heading level={2} id="tijdlijn-titel">
        Wat is er gebeurd?
      </Heading>
      <ol className="wmh-timeline">
        {timeline.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no public id
          <li key={i} data-current={i === timeline.length - 1}>
            {formatDateTime(e.at)}: {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function AdditionSection({ formKey, feedback: f }: { formKey: number; feedback: FormFeedback }) {
  return (
    <section aria-labelledby="aanvulling-titel" className="wmh-form">
      <Heading level={2} id="aanvulling-titel">
        Informatie toevoegen
      </Heading>
      <ErrorSummary errors={f.errors} />
      <Form method="post" noValidate key={`aanvulling-${formKey}`}>
        <input type="hidden" name="intent" value="addition" />
        <TextArea
          name="aanvulling"
          label="Wat wilt u toevoegen aan uw idee?"
          required
          maxLength={4000}
          defaultValue={f.value("aanvulling")}
          error={f.errors.aanvulling}
        />
        <SubmitButton variant="secondary">Voeg informatie toe</SubmitButton>
      </Form>
    </section>
  );
}

export function WithdrawSection({ feedback: f }: { feedback: FormFeedback }) {
  return (
    <section aria-labelledby="intrekken-titel" className="wmh-form">
      <Heading level={2} id="intrekken-titel">
        Idee intrekken
      </Heading>
      <Paragraph>
        Wilt u niet meer verder met uw idee? Dan kunt u het intrekken. Dat kan niet ongedaan worden gemaakt.
      </Paragraph>
      <ErrorSummary errors={f.errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="withdraw" />
        <TextArea
          name="reden"
          label="Waarom trekt u uw idee in?"
          rows={3}
          maxLength={2000}
          defaultValue={f.value("reden")}
          error={f.errors.reden}
        />
        <CheckboxField name="bevestig" label="Ja, ik wil mijn idee intrekken." error={f.errors.bevestig} />
        <SubmitButton variant="secondary">Trek mijn idee in</SubmitButton>
      </Form>
    </section>
  );
}
