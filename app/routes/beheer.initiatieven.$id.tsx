import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { z } from "zod";
import { describeAction, describeDetails } from "~/domain/audit/actions";
import { listAudit } from "~/domain/audit/audit.server";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { PHOTO_ALT_FALLBACK, staffPhotoUrl } from "~/domain/initiatives/photo";
import { DECIDERS, type Decider, deciderLabel, quickscan } from "~/domain/initiatives/quickscan";
import { answerRows } from "~/domain/initiatives/quickscan-answers";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { LOCATION_PRECISIONS } from "~/domain/initiatives/rules";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import { allowedNextStatuses, type Status, statusLabel, statusValues } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import {
  addNote,
  assignAccountManager,
  changeStatus,
  getInitiative,
  listAccountManagers,
  messageToInitiator,
  publish,
  setDecider,
  unpublish,
} from "~/domain/initiatives/triage.server";
import { tileConfig } from "~/domain/places/tiles.server";
import { listWijken } from "~/domain/places/wijken.server";
import {
  type FieldErrors,
  type FormValues,
  intentFeedback,
  optionalText,
  parseForm,
  requiredText,
  str,
} from "~/lib/forms";
import { Alert, DemoBadge, formatDate, formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { IntentFormPanel } from "~/ui/intent-form-panel";
import { SmallMap } from "~/ui/map/client-map";
import mapCss from "~/ui/map.css?url";
import { StoredImageView } from "~/ui/stored-image";
import { useUnsavedTextWarning } from "~/ui/unsaved-text-warning";

// The staff initiative page as a triage panel: what the resident sent (content, photo, place on a
// small map) on the left, every decision in one panel on the right (one column below 1024 px).
// Leaflet loads on this page only, through SmallMap.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ideasCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.idea.title ?? "Initiatief"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const [managers, wijken, trail] = await Promise.all([
    listAccountManagers(),
    listWijken(),
    listAudit({ entityType: "initiative", entityId: found.idea.id, page: 1, pageSize: 100 }),
  ]);
  const answers = found.idea.answers as unknown as QuickscanAnswers;
  return {
    idea: found.idea,
    answers: answerRows(answers, (code) => wijken.find((w) => w.code === code)?.name),
    result: quickscan(ruleAnswers(answers)),
    messages: found.messages,
    events: found.events,
    documents: found.documents.versions,
    managers,
    wijkName: wijken.find((w) => w.code === found.idea.wijkCode)?.name ?? null,
    nextStatuses: allowedNextStatuses(found.idea.status as Status),
    trail: trail.rows,
    photo: found.photo,
    tiles: tileConfig(),
  };
}

const schemas = {
  assign: z.object({ accountManagerId: z.string().max(60).optional() }),
  decider: z.object({
    decider: z.enum(DECIDERS.map((d) => d.value) as [string, ...string[]], {
      errorMap: () => ({ message: "Kies wie beslist." }),
    }),
    complex: z.preprocess((v) => v === "ja", z.boolean()),
    reason: requiredText(2000, "Geef een reden voor deze keuze."),
  }),
  status: z.object({
    status: z.enum(statusValues, { errorMap: () => ({ message: "Kies een nieuwe status." }) }),
    reason: optionalText(2000),
  }),
  message: z.object({ body: requiredText(4000, "Schrijf een bericht.") }),
  note: z.object({ note: requiredText(4000, "Schrijf een notitie.") }),
  publish: z.object({
    publicTitle: requiredText(120, "Vul een openbare titel in."),
    publicSummary: requiredText(1000, "Vul een korte openbare samenvatting in."),
    precision: z.enum(LOCATION_PRECISIONS.map((p) => p.value) as ["none", "wijk", "buurt", "exact"], {
      errorMap: () => ({ message: "Kies hoe precies de plek op de kaart komt." }),
    }),
    featured: z.preprocess((v) => v === "ja", z.boolean()),
    showPhoto: z.preprocess((v) => v === "ja", z.boolean()),
  }),
  unpublish: z.object({}),
};
type Intent = keyof typeof schemas;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.$id"]);
  const id = params.id ?? "";
  const found = await getInitiative(id);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const form = await request.formData();
  const intent = String(form.get("intent")) as Intent;
  if (!(intent in schemas)) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const actor = { id: user.id, email: user.email };
  const invalid = (errors: FieldErrors, values: unknown) =>
    data({ intent, errors, values: values as FormValues }, { status: 400 });
  try {
    switch (intent) {
      case "assign": {
        const p = parseForm(schemas.assign, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await assignAccountManager(id, p.data.accountManagerId || null, actor);
        break;
      }
      case "decider": {
        const p = parseForm(schemas.decider, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await setDecider(
          id,
          { decider: p.data.decider as Decider, complex: p.data.complex, reason: p.data.reason },
          actor,
        );
        break;
      }
      case "status": {
        const p = parseForm(schemas.status, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await changeStatus(id, p.data.status, p.data.reason, actor);
        break;
      }
      case "message": {
        const p = parseForm(schemas.message, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await messageToInitiator(id, p.data.body, actor);
        break;
      }
      case "note": {
        const p = parseForm(schemas.note, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await addNote(id, p.data.note, actor);
        break;
      }
      case "publish": {
        const p = parseForm(schemas.publish, form);
        if (!p.ok) return invalid(p.errors, p.values);
        await publish(id, p.data, actor);
        break;
      }
      case "unpublish":
        await unpublish(id, actor);
        break;
    }
  } catch (error) {
    if (error instanceof InitiativeError)
      // "published" (closed initiatives never go on the map) belongs to the publish form's first field.
      return invalid(
        { [error.field === "published" ? "publicTitle" : (error.field ?? "_form")]: error.message },
        Object.fromEntries(form),
      );
    throw error;
  }
  // Back to the section that was saved, not to the top of the page.
  throw redirect(`/beheer/initiatieven/${id}?opgeslagen=${intent}#${sectionOf[intent]}`);
}

/** The id of the section each intent's form sits in (the anchor after saving). */
const sectionOf: Record<Intent, string> = {
  assign: "toewijzen-titel",
  decider: "beslisser-titel",
  status: "status-titel",
  message: "bericht-titel",
  note: "notitie-titel",
  publish: "kaart-titel",
  unpublish: "kaart-titel",
};

const savedLabels: Record<string, string> = {
  assign: "De accounthouder is opgeslagen.",
  decider: "De beslisser en de complexiteit zijn opgeslagen.",
  status: "De status is gewijzigd. De initiatiefnemer heeft een e-mail gekregen.",
  message: "Het bericht is verstuurd naar de initiatiefnemer.",
  note: "De interne notitie is opgeslagen.",
  publish: "Het initiatief staat op de kaart.",
  unpublish: "Het initiatief staat niet meer op de kaart.",
};

export default function InitiativeDetail() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const idea = d.idea;
  const { errorsFor, valueFor } = intentFeedback(actionData);
  const savedIntent = params.get("opgeslagen") ?? "";
  const saved = savedLabels[savedIntent];
  // The confirmation appears in the section that was saved (the page opens there).
  const savedIn = (section: string) =>
    saved && sectionOf[savedIntent as Intent] === section ? <Alert type="ok">{saved}</Alert> : null;
  const closed = idea.status === "rejected" || idea.status === "withdrawn";
  const page = useRef<HTMLDivElement>(null);
  useUnsavedTextWarning(page);
  const manager = d.managers.find((m) => m.id === idea.accountManagerId)?.name ?? idea.team ?? "Nog niemand";
  const overdue =
    idea.respondBy && idea.status === "new" && idea.respondBy < new Date().toISOString().slice(0, 10);

  return (
    <div className="wmh-stack" ref={page}>
      <p>
        <TextLink to="/beheer/initiatieven">Terug naar alle initiatieven</TextLink>
      </p>
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

      <div className="wmh-triage">
        <div className="wmh-triage__content wmh-stack">
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
            {d.photo ? (
              <figure className="wmh-photo-figure">
                <StoredImageView
                  image={d.photo.image}
                  alt={d.photo.alt ?? PHOTO_ALT_FALLBACK}
                  sizes="(max-width: 64rem) 100vw, 36rem"
                  urlFor={staffPhotoUrl(idea.id)}
                />
                <figcaption>
                  Foto of schets van de initiatiefnemer.{" "}
                  {d.photo.published
                    ? "Staat op de openbare pagina."
                    : "Niet openbaar: alleen medewerkers en de initiatiefnemer zien de foto."}
                </figcaption>
              </figure>
            ) : null}
            {idea.complex ? (
              <p>
                <TextLink to={`/beheer/initiatieven/${idea.id}/proceskader`}>
                  Proceskader: planomschrijving, participatieplan en basisstappen (stap {idea.processStep} van
                  5)
                </TextLink>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="plek-titel">
            <Heading level={2} id="plek-titel">
              Plek
            </Heading>
            <dl className="wmh-dl">
              <dt>Waar</dt>
              <dd>
                {idea.locationKind === "heel"
                  ? "In heel Heemstede"
                  : idea.locationKind === "wijk"
                    ? "In een wijk"
                    : idea.locationKind === "punt"
                      ? "Een plek op de kaart"
                      : "Op een adres of in een straat"}
              </dd>
              {idea.address ? (
                <>
                  <dt>Adres</dt>
                  <dd>{idea.address}</dd>
                </>
              ) : null}
              <dt>Wijk</dt>
              <dd>{d.wijkName ?? "Onbekend"}</dd>
            </dl>
            {idea.lat !== null && idea.lng !== null ? (
              <SmallMap
                tiles={d.tiles}
                point={[idea.lat, idea.lng]}
                title={idea.title}
                label="De plek die de initiatiefnemer gaf, op een kaart (de tekst hierboven zegt hetzelfde)"
              />
            ) : (
              <Paragraph>Er is geen punt op de kaart bekend.</Paragraph>
            )}
          </section>

          <section aria-labelledby="berichten-titel">
            <Heading level={2} id="berichten-titel">
              Berichten en interne notities
            </Heading>
            {d.messages.length === 0 ? <Paragraph>Nog geen berichten.</Paragraph> : null}
            <ul className="wmh-messages">
              {[...d.messages].reverse().map((m) => (
                <li
                  key={m.id}
                  className={`wmh-message${m.kind === "note" ? " wmh-message--note" : m.kind === "to_initiator" ? " wmh-message--staff" : ""}`}
                >
                  <p className="wmh-message__meta">
                    {m.kind === "note"
                      ? `Interne notitie van ${m.author ?? "onbekend"}`
                      : m.kind === "to_initiator"
                        ? `Aan de initiatiefnemer, van ${m.author ?? "onbekend"}`
                        : m.kind === "addition"
                          ? "Aanvulling van de initiatiefnemer"
                          : "Van de initiatiefnemer"}{" "}
                    · {formatDateTime(m.at)}
                  </p>
                  {m.body}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="quickscan-titel">
            <Heading level={2} id="quickscan-titel">
              Antwoorden uit de quickscan
            </Heading>
            <dl className="wmh-dl">
              {d.answers.map((a) => (
                <div key={a.label} style={{ display: "contents" }}>
                  <dt>{a.label}</dt>
                  <dd>{a.value}</dd>
                </div>
              ))}
            </dl>
            <Heading level={3}>Uitkomst van de quickscan</Heading>
            <Paragraph>
              Voorstel: {deciderLabel(idea.proposedDecider)},{" "}
              {idea.proposedComplex ? "complexe opgave" : "geen complexe opgave"}.{" "}
              {d.result.deciderReasons.join(" ")}
            </Paragraph>
            {d.result.attentionPoints.length ? (
              <ul>
                {d.result.attentionPoints.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby="audit-titel">
            <Heading level={2} id="audit-titel">
              Wijzigingen (audit)
            </Heading>
            {d.trail.length === 0 ? (
              <Paragraph>Nog geen wijzigingen door medewerkers.</Paragraph>
            ) : (
              <section
                className="wmh-table-wrap"
                aria-labelledby="audit-tabel"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
                tabIndex={0}
              >
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
                    {d.trail.map((t) => (
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
              </section>
            )}
          </section>
          <p>
            <Link to={`/beheer/initiatieven/${idea.id}/afdrukken`} className="utrecht-link">
              Afdrukbare versie
            </Link>
          </p>
        </div>

        <section className="wmh-triage__panel wmh-stack" aria-label="Behandelen">
          <IntentFormPanel
            id="toewijzen-titel"
            title="Accounthouder"
            intent="assign"
            errors={errorsFor("assign")}
          >
            {savedIn("toewijzen-titel")}
            <SelectField
              name="accountManagerId"
              label="Accounthouder"
              placeholder="Niemand: het team behandelt het"
              options={d.managers.map((m) => ({ value: m.id, label: m.name }))}
              defaultValue={valueFor("assign", "accountManagerId", idea.accountManagerId)}
              error={errorsFor("assign").accountManagerId}
            />
            <SubmitButton>Accounthouder opslaan</SubmitButton>
          </IntentFormPanel>

          <IntentFormPanel
            id="beslisser-titel"
            title="Beslisser en complexiteit bevestigen"
            intent="decider"
            errors={errorsFor("decider")}
          >
            {savedIn("beslisser-titel")}
            <SelectField
              name="decider"
              label="Wie beslist"
              required
              options={DECIDERS.map((x) => ({ value: x.value, label: x.label }))}
              defaultValue={valueFor("decider", "decider", idea.decider)}
              error={errorsFor("decider").decider}
            />
            <CheckboxField
              name="complex"
              label="Dit is een complexe opgave (college of raad beslist, en grote verandering, veel actoren of veel belangen)"
              defaultChecked={
                actionData?.intent === "decider" ? str(actionData.values, "complex") === "ja" : idea.complex
              }
              error={errorsFor("decider").complex}
            />
            <TextArea
              name="reason"
              label="Reden"
              required
              rows={3}
              defaultValue={valueFor("decider", "reason")}
              error={errorsFor("decider").reason}
              description="Waarom bevestigt of wijzigt u het voorstel van de quickscan?"
            />
            <SubmitButton>Beslisser opslaan</SubmitButton>
          </IntentFormPanel>

          <section aria-labelledby="status-titel" className="wmh-panel wmh-form">
            <Heading level={2} id="status-titel">
              Status wijzigen
            </Heading>
            {savedIn("status-titel")}
            {d.nextStatuses.length === 0 ? (
              <Paragraph>Dit initiatief is afgesloten. De status kan niet meer veranderen.</Paragraph>
            ) : (
              <>
                <ErrorSummary errors={errorsFor("status")} />
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="status" />
                  <SelectField
                    name="status"
                    label="Nieuwe status"
                    required
                    placeholder="Kies een status"
                    options={d.nextStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
                    defaultValue={valueFor("status", "status")}
                    error={errorsFor("status").status}
                  />
                  <TextArea
                    name="reason"
                    label="Toelichting voor de initiatiefnemer"
                    rows={3}
                    defaultValue={valueFor("status", "reason")}
                    error={errorsFor("status").reason}
                    description="Verplicht bij afwijzen. De initiatiefnemer krijgt deze tekst per e-mail."
                  />
                  <SubmitButton>Status wijzigen</SubmitButton>
                </Form>
              </>
            )}
          </section>

          {closed ? null : (
            <section aria-labelledby="bericht-titel" className="wmh-panel wmh-form">
              <Heading level={2} id="bericht-titel">
                Bericht sturen
              </Heading>
              {savedIn("bericht-titel")}
              <ErrorSummary errors={errorsFor("message")} />
              {/* A new key after each message: the box is empty again after a successful send. */}
              <Form method="post" noValidate key={`bericht-${d.messages.length}`}>
                <input type="hidden" name="intent" value="message" />
                <TextArea
                  name="body"
                  label="Bericht aan de initiatiefnemer"
                  required
                  defaultValue={valueFor("message", "body")}
                  error={errorsFor("message").body}
                  description="De initiatiefnemer krijgt dit bericht per e-mail en ziet het op de eigen pagina."
                />
                <SubmitButton>Verstuur bericht</SubmitButton>
              </Form>
            </section>
          )}

          <section aria-labelledby="notitie-titel" className="wmh-panel wmh-form">
            <Heading level={2} id="notitie-titel">
              Notitie voor collega's
            </Heading>
            {savedIn("notitie-titel")}
            <ErrorSummary errors={errorsFor("note")} />
            <Form method="post" noValidate key={`notitie-${d.messages.length}`}>
              <input type="hidden" name="intent" value="note" />
              <TextArea
                name="note"
                label="Interne notitie"
                required
                rows={3}
                defaultValue={valueFor("note", "note")}
                error={errorsFor("note").note}
                description="Alleen zichtbaar voor medewerkers. De initiatiefnemer ziet dit nooit."
              />
              <SubmitButton variant="secondary">Notitie opslaan</SubmitButton>
            </Form>
          </section>

          <section aria-labelledby="kaart-titel" className="wmh-panel wmh-form">
            <Heading level={2} id="kaart-titel">
              Op de kaart met initiatieven
            </Heading>
            {savedIn("kaart-titel")}
            <Paragraph>
              Schrijf een openbare titel en samenvatting. Geen namen of huisnummers, tenzij de initiatiefnemer
              daar toestemming voor gaf. Naam mag openbaar: {idea.showName ? "ja" : "nee"}. Precieze plek mag
              op de kaart: {idea.allowExactLocation ? "ja" : "nee"}.
              {idea.lat === null
                ? " Er is geen punt bekend, dus het initiatief komt zonder punt op de lijst."
                : ""}
            </Paragraph>
            <ErrorSummary errors={errorsFor("publish")} />
            {closed ? (
              <Paragraph>Een afgewezen of ingetrokken initiatief kan niet op de kaart.</Paragraph>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="publish" />
                <TextField
                  name="publicTitle"
                  label="Openbare titel"
                  required
                  maxLength={120}
                  defaultValue={valueFor("publish", "publicTitle", idea.publicTitle ?? idea.title)}
                  error={errorsFor("publish").publicTitle}
                />
                <TextArea
                  name="publicSummary"
                  label="Openbare samenvatting"
                  required
                  rows={4}
                  maxLength={1000}
                  defaultValue={valueFor("publish", "publicSummary", idea.publicSummary)}
                  error={errorsFor("publish").publicSummary}
                />
                <SelectField
                  name="precision"
                  label="Hoe precies komt de plek op de kaart?"
                  required
                  options={LOCATION_PRECISIONS.filter(
                    (p) => p.value !== "exact" || idea.allowExactLocation,
                  ).map((p) => ({ value: p.value, label: p.label }))}
                  defaultValue={valueFor(
                    "publish",
                    "precision",
                    idea.isPublished ? idea.locationPrecision : "buurt",
                  )}
                  error={errorsFor("publish").precision}
                />
                <CheckboxField
                  name="featured"
                  label="Uitlichten op de homepagina"
                  defaultChecked={idea.isFeatured}
                />
                {d.photo ? (
                  <CheckboxField
                    name="showPhoto"
                    label="Toon de foto of schets van de initiatiefnemer op de openbare pagina"
                    description="Alleen als er niemand herkenbaar op staat en er geen huisnummer op te zien is, tenzij de initiatiefnemer daar toestemming voor gaf."
                    defaultChecked={d.photo.published}
                  />
                ) : null}
                <SubmitButton>
                  {idea.isPublished ? "Publicatie bijwerken" : "Publiceer op de kaart"}
                </SubmitButton>
              </Form>
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
        </section>
      </div>
    </div>
  );
}
