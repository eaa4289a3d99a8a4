import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { isExpiredFollowLink } from "~/domain/initiatives/follow-links.server";
import {
  findDocumentForInitiator,
  findForInitiator,
  messageFromInitiator,
  withdrawByInitiator,
} from "~/domain/initiatives/initiator.server";
import {
  changeText,
  initiatorSteps,
  MUNICIPALITY_PHONE,
  staffChanges,
  timelineEntries,
} from "~/domain/initiatives/initiator-page";
import { followPhotoUrl, PHOTO_ALT_FALLBACK } from "~/domain/initiatives/photo";
import {
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
} from "~/domain/initiatives/proceskader";
import { deciderLabel, quickscan } from "~/domain/initiatives/quickscan";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import { type Status, statusExplanation, statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { type FieldErrors, optionalText, parseForm, requiredText } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { CheckboxField, ErrorSummary, SubmitButton, TextArea } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { StoredImageView } from "~/ui/stored-image";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
/** The initiator's plans, read-only, at ?stuk=planomschrijving or ?stuk=participatieplan. */
const DOCUMENTS = { plan_description: "Planomschrijving", participation_plan: "Participatieplan" } as const;
type DocumentKind = keyof typeof DOCUMENTS;
/** The URL keeps the Dutch words; the stored kinds are English. */
const DOCUMENT_PARAMS: Record<string, DocumentKind> = {
  planomschrijving: "plan_description",
  participatieplan: "participation_plan",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data?.view === "document"
        ? `${DOCUMENTS[data.kind]} - ${data.title} - Wij maken Heemstede`
        : "Uw idee - Wij maken Heemstede",
  },
  { name: "robots", content: "noindex" },
];

const notFound = () => new Response("Niet gevonden", { status: 404 });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const stuk = new URL(request.url).searchParams.get("stuk");
  if (stuk !== null) {
    const kind = Object.hasOwn(DOCUMENT_PARAMS, stuk) ? DOCUMENT_PARAMS[stuk] : undefined;
    if (!kind) throw notFound();
    const found = await findDocumentForInitiator(params.token ?? "", kind, undefined);
    if (!found?.document) throw notFound();
    return {
      view: "document" as const,
      kind,
      title: found.title,
      version: found.document.version,
      savedAt: found.document.createdAt.toISOString(),
      content: found.document.content,
    };
  }
  const found = await findForInitiator(params.token ?? "");
  if (!found) {
    // An expired link leads to the page that mails a new one.
    if (await isExpiredFollowLink(params.token ?? "")) throw redirect("/idee/volgen?verlopen=1");
    throw notFound();
  }
  const { idea } = found;
  const result = quickscan(ruleAnswers(idea.answers as unknown as QuickscanAnswers));
  return {
    view: "home" as const,
    title: idea.title,
    theme: themeLabel(idea.theme),
    status: idea.status as Status,
    statusReason: idea.statusReason,
    decider: idea.decider,
    complex: idea.complex,
    changes: staffChanges(idea),
    steps: initiatorSteps(idea),
    respondBy: idea.respondBy,
    isPublished: idea.isPublished,
    contact: { name: found.contact, mailbox: found.mailbox, phone: MUNICIPALITY_PHONE },
    documents: found.documents,
    photo: found.photo,
    token: params.token ?? "",
    result,
    timeline: timelineEntries(found.events),
    // Newest first: what the contact person wrote last is what the initiator comes for.
    messages: [...found.messages].reverse(),
  };
}

const schemas = {
  message: z.object({ bericht: requiredText(4000, "Schrijf uw bericht.") }),
  addition: z.object({ aanvulling: requiredText(4000, "Schrijf wat u wilt toevoegen.") }),
  withdraw: z.object({
    reden: optionalText(2000),
    bevestig: z.literal("ja", { errorMap: () => ({ message: "Vink aan dat u uw idee wilt intrekken." }) }),
  }),
};

/** The Dutch word of each intent: the form field it fills, and `?verstuurd=` in the URL afterwards. */
const WORDS: Record<keyof typeof schemas, string> = {
  message: "bericht",
  addition: "aanvulling",
  withdraw: "intrekken",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (!(intent in schemas)) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const limit = await hit(`idee-volgen:${context?.clientIp ?? "unknown"}`, { windowSeconds: 3600, max: 60 });
  if (!limit.allowed) throw new Response("Te veel verzoeken", { status: 429 });
  const parsed = parseForm(schemas[intent as keyof typeof schemas], form);
  if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    let ok: boolean;
    if (intent === "withdraw")
      ok = await withdrawByInitiator(token, (parsed.data as { reden?: string }).reden);
    else if (intent === "message")
      ok = await messageFromInitiator(token, "from_initiator", (parsed.data as { bericht: string }).bericht);
    else
      ok = await messageFromInitiator(token, "addition", (parsed.data as { aanvulling: string }).aanvulling);
    if (!ok) throw notFound();
  } catch (error) {
    if (error instanceof InitiativeError)
      return data(
        {
          intent,
          errors: { [error.field ?? WORDS[intent as keyof typeof schemas]]: error.message },
          values: parsed.values,
        },
        { status: 400 },
      );
    throw error;
  }
  throw redirect(`/idee/volgen/${token}?verstuurd=${WORDS[intent as keyof typeof schemas]}`);
}

const sentMessages: Record<string, string> = {
  bericht: "Uw bericht is verstuurd. Uw contactpersoon krijgt een e-mail.",
  aanvulling: "Uw aanvulling is toegevoegd. Uw contactpersoon krijgt een e-mail.",
  intrekken: "Uw idee is ingetrokken.",
};

export default function FollowIdea() {
  const data = useLoaderData<typeof loader>();
  return data.view === "document" ? <InitiatorDocument d={data} /> : <FollowHome d={data} />;
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function FollowHome({ d }: { d: Extract<LoaderData, { view: "home" }> }) {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  const value = (k: string) => {
    const x = actionData?.values?.[k];
    return Array.isArray(x) ? x[0] : x;
  };
  const closed = d.status === "withdrawn" || d.status === "rejected";
  const sent = sentMessages[params.get("verstuurd") ?? ""];
  const current = d.steps.findIndex((s) => s.state === "current");
  const next = d.steps.find((s) => s.state === "todo");

  return (
    <div className="wmh-stack">
      {params.get("nieuw") ? (
        <Alert type="ok">
          Uw idee is verstuurd. Wij sturen u ook een e-mail met deze uitkomst en de link naar deze pagina.
          Bewaar die e-mail goed: met de link komt u altijd terug op deze pagina.
        </Alert>
      ) : null}
      {sent ? <Alert type="ok">{sent}</Alert> : null}
      <Heading level={1}>{d.title}</Heading>
      <Paragraph>
        Dit is de eigen pagina van uw idee. Alleen mensen met de link kunnen deze pagina zien. Onderwerp:{" "}
        {d.theme}.
      </Paragraph>

      <section aria-labelledby="status-titel" className="wmh-result">
        <Heading level={2} id="status-titel">
          Waar staat uw idee?
        </Heading>
        <Paragraph>
          <strong>Status: {statusLabel(d.status)}.</strong> {statusExplanation[d.status]}
        </Paragraph>
        {d.statusReason && closed ? <Paragraph>Reden: {d.statusReason}</Paragraph> : null}
        {d.steps.length ? (
          <ol className="wmh-stepper" aria-label="De stappen van uw idee">
            {d.steps.map((s, i) => (
              <li
                key={s.label}
                className={`wmh-stepper__step wmh-stepper__step--${s.state}`}
                aria-current={s.state === "current" ? "step" : undefined}
              >
                <span className="wmh-stepper__label">
                  {s.label}
                  {s.state === "current" ? <span className="wmh-stepper__here"> U bent hier</span> : null}
                  {s.state === "done" ? <span className="wmh-stepper__done"> (klaar)</span> : null}
                  {s.state === "todo" ? (
                    <span className="wmh-visually-hidden"> (nog niet begonnen)</span>
                  ) : null}
                </span>
                {i === current || s === next ? <span className="wmh-stepper__text">{s.text}</span> : null}
              </li>
            ))}
          </ol>
        ) : null}
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

      <section aria-labelledby="contact-titel">
        <Heading level={2} id="contact-titel">
          Uw contactpersoon
        </Heading>
        <dl className="wmh-contact">
          <dt>Naam</dt>
          <dd>{d.contact.name}</dd>
          <dt>E-mail</dt>
          <dd>
            <a className="utrecht-link" href={`mailto:${d.contact.mailbox}`}>
              {d.contact.mailbox}
            </a>{" "}
            (de mailbox van het team; zet de titel van uw idee in het onderwerp)
          </dd>
          <dt>Telefoon</dt>
          <dd>
            <a className="utrecht-link" href={`tel:${d.contact.phone.tel}`}>
              {d.contact.phone.display}
            </a>{" "}
            (vraag naar {d.contact.name})
          </dd>
        </dl>
      </section>

      <section aria-labelledby="berichten-titel">
        <Heading level={2} id="berichten-titel">
          Berichten
        </Heading>
        {closed ? null : (
          <div className="wmh-form">
            {actionData?.intent === "message" ? <ErrorSummary errors={errors} /> : null}
            {/* A new key after each message sent: the box is empty again (no second send by mistake). */}
            <Form method="post" noValidate key={`bericht-${d.messages.length}`}>
              <input type="hidden" name="intent" value="message" />
              <TextArea
                name="bericht"
                label="Stuur een bericht aan uw contactpersoon"
                required
                rows={4}
                maxLength={4000}
                defaultValue={actionData?.intent === "message" ? value("bericht") : ""}
                error={actionData?.intent === "message" ? errors.bericht : undefined}
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
                    {m.kind === "to_initiator"
                      ? `Van ${m.author ?? "de gemeente"}`
                      : m.kind === "addition"
                        ? "Door u toegevoegd"
                        : "Van u"}{" "}
                    · {formatDateTime(m.at)}
                  </p>
                  {m.body}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {d.photo ? (
        <section aria-labelledby="foto-titel">
          <Heading level={2} id="foto-titel">
            Uw foto of schets
          </Heading>
          <figure className="wmh-photo-figure">
            <StoredImageView
              image={d.photo.image}
              alt={d.photo.alt ?? PHOTO_ALT_FALLBACK}
              sizes="(max-width: 30rem) 100vw, 30rem"
              urlFor={followPhotoUrl(d.token)}
            />
            <figcaption>
              {d.photo.published
                ? "Deze foto staat bij uw idee op de website."
                : "Alleen u en de medewerkers van de gemeente zien deze foto."}
            </figcaption>
          </figure>
        </section>
      ) : null}

      {d.documents.plan || d.documents.participation ? (
        <section aria-labelledby="plannen-titel">
          <Heading level={2} id="plannen-titel">
            Uw plannen
          </Heading>
          <Paragraph>Deze plannen maakt u samen met de gemeente. U kunt ze hier lezen.</Paragraph>
          <ul>
            {d.documents.plan ? (
              <li>
                <Link className="utrecht-link" to="?stuk=planomschrijving">
                  Planomschrijving
                </Link>
              </li>
            ) : null}
            {d.documents.participation ? (
              <li>
                <Link className="utrecht-link" to="?stuk=participatieplan">
                  Participatieplan
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

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
          <ul>
            {d.result.deciderReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <Heading level={3}>Is het een ingewikkeld idee?</Heading>
        {d.changes.length ? (
          <Paragraph>
            {d.complex ? "Ja, dit is een ingewikkeld idee (een complexe opgave)." : "Nee."}
          </Paragraph>
        ) : d.complex ? (
          <>
            <Paragraph>Ja, dit is een ingewikkeld idee (een "complexe opgave"), omdat:</Paragraph>
            <ul>
              {d.result.complexReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>Nee. {d.result.complexReasons.join(" ")}</Paragraph>
        )}
        {d.result.chances.length ? (
          <>
            <Heading level={3}>Kansen</Heading>
            <ul>
              {d.result.chances.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : null}
        {d.result.attentionPoints.length ? (
          <>
            <Heading level={3}>Let op</Heading>
            <ul>
              {d.result.attentionPoints.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="tijdlijn-titel">
        <Heading level={2} id="tijdlijn-titel">
          Wat is er gebeurd?
        </Heading>
        <ol className="wmh-timeline">
          {d.timeline.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no public id
            <li key={i} data-current={i === d.timeline.length - 1}>
              {formatDateTime(e.at)}: {e.text}
            </li>
          ))}
        </ol>
      </section>

      {closed ? null : (
        <>
          <section aria-labelledby="aanvulling-titel" className="wmh-form">
            <Heading level={2} id="aanvulling-titel">
              Informatie toevoegen
            </Heading>
            {actionData?.intent === "addition" ? <ErrorSummary errors={errors} /> : null}
            <Form method="post" noValidate key={`aanvulling-${d.messages.length}`}>
              <input type="hidden" name="intent" value="addition" />
              <TextArea
                name="aanvulling"
                label="Wat wilt u toevoegen aan uw idee?"
                required
                maxLength={4000}
                defaultValue={actionData?.intent === "addition" ? value("aanvulling") : ""}
                error={actionData?.intent === "addition" ? errors.aanvulling : undefined}
              />
              <SubmitButton variant="secondary">Voeg informatie toe</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="intrekken-titel" className="wmh-form">
            <Heading level={2} id="intrekken-titel">
              Idee intrekken
            </Heading>
            <Paragraph>
              Wilt u niet meer verder met uw idee? Dan kunt u het intrekken. Dat kan niet ongedaan worden
              gemaakt.
            </Paragraph>
            {actionData?.intent === "withdraw" ? <ErrorSummary errors={errors} /> : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="withdraw" />
              <TextArea
                name="reden"
                label="Waarom trekt u uw idee in?"
                rows={3}
                maxLength={2000}
                defaultValue={actionData?.intent === "withdraw" ? value("reden") : ""}
                error={actionData?.intent === "withdraw" ? errors.reden : undefined}
              />
              <CheckboxField
                name="bevestig"
                label="Ja, ik wil mijn idee intrekken."
                error={actionData?.intent === "withdraw" ? errors.bevestig : undefined}
              />
              <SubmitButton variant="secondary">Trek mijn idee in</SubmitButton>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}

/** The planomschrijving or participatieplan, read-only: made together, written down by the contact person. */
function InitiatorDocument({ d }: { d: Extract<LoaderData, { view: "document" }> }) {
  return (
    <div className="wmh-stack">
      <p>
        <Link className="utrecht-link" to=".">
          Terug naar de pagina van uw idee
        </Link>
      </p>
      <Heading level={1}>
        {DOCUMENTS[d.kind]}: {d.title}
      </Heading>
      <Paragraph>
        Dit plan maakt u samen met de gemeente. Uw contactpersoon schrijft het op. Klopt er iets niet? Stuur
        dan een bericht via de pagina van uw idee. Versie {d.version}, bijgewerkt op {formatDate(d.savedAt)}.
      </Paragraph>
      {d.kind === "plan_description" ? (
        <Plan content={d.content as PlanContent} />
      ) : (
        <Participation content={d.content as unknown as ParticipationContent} />
      )}
    </div>
  );
}

function Plan({ content }: { content: PlanContent }) {
  return (
    <>
      {PLAN_QUESTIONS.map((q) => (
        <section key={q.key} aria-labelledby={`vraag-${q.key}`}>
          <Heading level={2} id={`vraag-${q.key}`}>
            {q.label}
          </Heading>
          <p className="utrecht-paragraph wmh-document-text">{content[q.key] || "Nog niet ingevuld."}</p>
        </section>
      ))}
    </>
  );
}

function Participation({ content: p }: { content: ParticipationContent }) {
  return (
    <>
      <Heading level={2}>1. Ruimte voor meedoen</Heading>
      <p className="utrecht-paragraph wmh-document-text">{p.ruimte || "Nog niet ingevuld."}</p>
      {p.complexiteit ? (
        <p className="utrecht-paragraph wmh-document-text">Wat het ingewikkeld maakt: {p.complexiteit}</p>
      ) : null}
      <Heading level={2}>2. Doel van meedoen</Heading>
      <ul>
        {(p.doelen ?? []).map((g) => {
          const goal = PARTICIPATION_GOALS.find((x) => x.value === g);
          return (
            <li key={g}>
              <strong>{goal?.label ?? g}</strong>
              {goal ? `: ${goal.explanation}` : ""}
            </li>
          );
        })}
      </ul>
      {p.toelichtingDoel ? <p className="utrecht-paragraph wmh-document-text">{p.toelichtingDoel}</p> : null}
      <Heading level={2}>3. Wie doen er mee, en met welke rol?</Heading>
      {p.deelnemers?.length ? (
        <ul className="wmh-participants">
          {p.deelnemers.map((x, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id
            <li key={n}>
              <strong>{x.who}</strong>: {PARTICIPATION_ROLES.find((r) => r.value === x.role)?.label ?? x.role}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>Nog geen deelnemers.</Paragraph>
      )}
    </>
  );
}
