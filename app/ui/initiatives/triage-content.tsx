import type { SerializeFrom } from "@remix-run/node";
import { describeAction, describeDetails } from "~/domain/audit/actions";
import { PHOTO_ALT_FALLBACK, staffPhotoUrl } from "~/domain/initiatives/photo";
import { deciderLabel } from "~/domain/initiatives/quickscan";
import { statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import type { loader } from "~/routes/beheer.initiatieven.$id";
import { TableScroll } from "~/ui/table-scroll";
import { DemoBadge, formatDate, formatDateTime, Heading, Paragraph, TextLink } from "../content";
import { SmallMap } from "../map/client-map";
import { StoredImageView } from "../stored-image";

// The left column of the staff initiative page (routes/beheer.initiatieven.$id): what the resident
// sent, one section per component, and the summary above both columns.

export type TriageData = SerializeFrom<typeof loader>;
type Idea = TriageData["idea"];

/** The heading and the four facts above the two columns. */
export function TriageSummary({ idea, manager }: { idea: Idea; manager: string }) {
  const overdue =
    idea.respondBy && idea.status === "new" && idea.respondBy < new Date().toISOString().slice(0, 10);
  return (
    <>
      <Heading level={1}>
        {idea.title} {idea.isDemo ? <DemoBadge /> : null}
      </Heading>
      <dl className="wmh-dl wmh-triage__summary">
        <dt>Status</dt>
        <dd>{statusLabel(idea.status)}</dd>
        <dt>Reageren vóór</dt>
        <dd>
          {idea.respondBy ? formatDate(idea.respondBy) : "-"}
          {overdue ? <strong className="wmh-flag"> Te laat: de reactietermijn is voorbij</strong> : null}
        </dd>
        <dt>Accounthouder</dt>
        <dd>{manager}</dd>
        <dt>Beslisser</dt>
        <dd>
          {deciderLabel(idea.decider)}
          {idea.complex ? " · complexe opgave" : ""}
          {idea.deciderConfirmed ? " (bevestigd)" : " (voorstel quickscan)"}
        </dd>
      </dl>
    </>
  );
}

export function IdeaSection({ idea, photo }: { idea: Idea; photo: TriageData["photo"] }) {
  return (
    <section aria-labelledby="idee-titel">
      <Heading level={2} id="idee-titel">
        Het idee
      </Heading>
      <dl className="wmh-dl">
        <dt>Thema</dt>
        <dd>{themeLabel(idea.theme)}</dd>
        <dt>Ingediend</dt>
        <dd>{formatDateTime(idea.createdAt)}</dd>
        <dt>Op de kaart</dt>
        <dd>{idea.isPublished ? `Ja${idea.isFeatured ? ", uitgelicht" : ""}` : "Nee"}</dd>
      </dl>
      {idea.description.split(/\n{2,}/).map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {photo ? (
        <figure className="wmh-photo-figure">
          <StoredImageView
            image={photo.image}
            alt={photo.alt ?? PHOTO_ALT_FALLBACK}
            sizes="(max-width: 64rem) 100vw, 36rem"
            urlFor={staffPhotoUrl(idea.id)}
          />
          <figcaption>
            Foto of schets van de initiatiefnemer.{" "}
            {photo.published
              ? "Staat op de openbare pagina."
              : "Niet openbaar: alleen medewerkers en de initiatiefnemer zien de foto."}
          </figcaption>
        </figure>
      ) : null}
      {idea.complex ? (
        <p>
          <TextLink to={`/beheer/initiatieven/${idea.id}/proceskader`}>
            Proceskader: planomschrijving, participatieplan en basisstappen (stap {idea.processStep} van 5)
          </TextLink>
        </p>
      ) : null}
    </section>
  );
}

function placeLabel(kind: string): string {
  if (kind === "whole_town") return "In heel Heemstede";
  if (kind === "wijk") return "In een wijk";
  if (kind === "point") return "Een plek op de kaart";
  return "Op een adres of in een straat";
}

export function PlaceSection({
  idea,
  wijkName,
  tiles,
}: {
  idea: Idea;
  wijkName: string | null;
  tiles: TriageData["tiles"];
}) {
  return (
    <section aria-labelledby="plek-titel">
      <Heading level={2} id="plek-titel">
        Plek
      </Heading>
      <dl className="wmh-dl">
        <dt>Waar</dt>
        <dd>{placeLabel(idea.locationKind)}</dd>
        {idea.address ? (
          <>
            <dt>Adres</dt>
            <dd>{idea.address}</dd>
          </>
        ) : null}
        <dt>Wijk</dt>
        <dd>{wijkName ?? "Onbekend"}</dd>
      </dl>
      {idea.lat !== null && idea.lng !== null ? (
        <SmallMap
          tiles={tiles}
          point={[idea.lat, idea.lng]}
          title={idea.title}
          label="De plek die de initiatiefnemer gaf, op een kaart (de tekst hierboven zegt hetzelfde)"
        />
      ) : (
        <Paragraph>Er is geen punt op de kaart bekend.</Paragraph>
      )}
    </section>
  );
}

type Message = TriageData["messages"][number];

function messageClass(kind: string): string {
  if (kind === "note") return "wmh-message wmh-message--note";
  if (kind === "to_initiator") return "wmh-message wmh-message--staff";
  return "wmh-message";
}

function messageFrom(m: Message): string {
  if (m.kind === "note") return `Interne notitie van ${m.author ?? "onbekend"}`;
  if (m.kind === "to_initiator") return `Aan de initiatiefnemer, van ${m.author ?? "onbekend"}`;
  if (m.kind === "addition") return "Aanvulling van de initiatiefnemer";
  return "Van de initiatiefnemer";
}

/** Messages with the initiator and internal notes, newest first. */
export function MessagesSection({ messages }: { messages: Message[] }) {
  return (
    <section aria-labelledby="berichten-titel">
      <Heading level={2} id="berichten-titel">
        Berichten en interne notities
      </Heading>
      {messages.length === 0 ? <Paragraph>Nog geen berichten.</Paragraph> : null}
      <ul className="wmh-messages">
        {[...messages].reverse().map((m) => (
          <li key={m.id} className={messageClass(m.kind)}>
            <p className="wmh-message__meta">
              {messageFrom(m)} · {formatDateTime(m.at)}
            </p>
            {m.body}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function QuickscanSection({
  idea,
  answers,
  result,
}: {
  idea: Idea;
  answers: TriageData["answers"];
  result: TriageData["result"];
}) {
  return (
    <section aria-labelledby="quickscan-titel">
      <Heading level={2} id="quickscan-titel">
        Antwoorden uit de quickscan
      </Heading>
      <dl className="wmh-dl">
        {answers.map((a) => (
          <div key={a.label} style={{ display: "contents" }}>
            <dt>{a.label}</dt>
            <dd>{a.value}</dd>
          </div>
        ))}
      </dl>
      <Heading level={3}>Uitkomst van de quickscan</Heading>
      <Paragraph>
        Voorstel: {deciderLabel(idea.proposedDecider)},{" "}
        {idea.proposedComplex ? "complexe opgave" : "geen complexe opgave"}. {result.deciderReasons.join(" ")}
      </Paragraph>
      {result.attentionPoints.length ? (
        <ul>
          {result.attentionPoints.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** What staff changed on this initiative, from the audit log. */
export function AuditSection({ trail }: { trail: TriageData["trail"] }) {
  return (
    <section aria-labelledby="audit-titel">
      <Heading level={2} id="audit-titel">
        Wijzigingen (audit)
      </Heading>
      {trail.length === 0 ? (
        <Paragraph>Nog geen wijzigingen door medewerkers.</Paragraph>
      ) : (
        <TableScroll labelledBy="audit-tabel">
          <table className="wmh-table">
            <caption className="wmh-visually-hidden" id="audit-tabel">
              Wijzigingen aan dit initiatief
            </caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {trail.map((t) => (
                <tr key={t.id}>
                  <td>{formatDateTime(t.at)}</td>
                  <td>{t.actorName ?? t.actorEmail ?? "-"}</td>
                  <td>{describeAction(t.action)}</td>
                  <td>
                    {describeDetails(
                      t.details,
                      t.action === "initiative.status_changed" ? statusLabel : undefined,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
