import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { isExpiredFollowLink } from "~/domain/initiatives/follow-links.server";
import {
  findForInitiator,
  InitiativeError,
  messageFromInitiator,
  withdrawByInitiator,
} from "~/domain/initiatives/initiatives.server";
import { BASISSTAPPEN, deciderLabel, quickscan } from "~/domain/initiatives/quickscan";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { type Status, statusExplanation, statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { type FieldErrors, optionalText, parseForm, requiredText } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { CheckboxField, ErrorSummary, SubmitButton, TextArea } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [
  { title: "Uw idee - Wij maken Heemstede" },
  { name: "robots", content: "noindex" },
];

const notFound = () => new Response("Niet gevonden", { status: 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findForInitiator(params.token ?? "");
  if (!found) {
    // An expired link leads to the page that mails a new one.
    if (await isExpiredFollowLink(params.token ?? "")) throw redirect("/idee/volgen?verlopen=1");
    throw notFound();
  }
  const { idea } = found;
  const result = quickscan(ruleAnswers(idea.answers as unknown as QuickscanAnswers));
  return {
    title: idea.title,
    theme: themeLabel(idea.theme),
    status: idea.status as Status,
    statusReason: idea.statusReason,
    decider: idea.decider,
    complex: idea.complex,
    deciderChanged: idea.decider !== idea.proposedDecider || idea.complex !== idea.proposedComplex,
    processStep: idea.processStep,
    respondBy: idea.respondBy,
    isPublished: idea.isPublished,
    contact: found.contact,
    result,
    events: found.events,
    messages: found.messages,
  };
}

const schemas = {
  bericht: z.object({ bericht: requiredText(4000, "Schrijf uw bericht.") }),
  aanvulling: z.object({ aanvulling: requiredText(4000, "Schrijf wat u wilt toevoegen.") }),
  intrekken: z.object({
    reden: optionalText(2000),
    bevestig: z.literal("ja", { errorMap: () => ({ message: "Vink aan dat u uw idee wilt intrekken." }) }),
  }),
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
    if (intent === "intrekken")
      ok = await withdrawByInitiator(token, (parsed.data as { reden?: string }).reden);
    else if (intent === "bericht")
      ok = await messageFromInitiator(
        token,
        "van_initiatiefnemer",
        (parsed.data as { bericht: string }).bericht,
      );
    else
      ok = await messageFromInitiator(
        token,
        "aanvulling",
        (parsed.data as { aanvulling: string }).aanvulling,
      );
    if (!ok) throw notFound();
  } catch (error) {
    if (error instanceof InitiativeError)
      return data(
        { intent, errors: { [error.field ?? intent]: error.message }, values: parsed.values },
        { status: 400 },
      );
    throw error;
  }
  throw redirect(`/idee/volgen/${token}?verstuurd=${intent}`);
}

const sentMessages: Record<string, string> = {
  bericht: "Uw bericht is verstuurd. Uw contactpersoon krijgt een e-mail.",
  aanvulling: "Uw aanvulling is toegevoegd. Uw contactpersoon krijgt een e-mail.",
  intrekken: "Uw idee is ingetrokken.",
};

export default function FollowIdea() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  const value = (k: string) => {
    const x = actionData?.values?.[k];
    return Array.isArray(x) ? x[0] : x;
  };
  const closed = d.status === "ingetrokken" || d.status === "afgewezen";
  const sent = sentMessages[params.get("verstuurd") ?? ""];

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
          Status: {statusLabel(d.status)}
        </Heading>
        <Paragraph>{statusExplanation[d.status]}</Paragraph>
        {d.statusReason && closed ? <Paragraph>Reden: {d.statusReason}</Paragraph> : null}
        <Paragraph>
          Uw contactpersoon: <strong>{d.contact}</strong>.
          {d.respondBy && d.status === "nieuw" ? (
            <> U hoort uiterlijk {formatDate(d.respondBy)} van ons.</>
          ) : null}
        </Paragraph>
        {d.isPublished ? <Paragraph>Uw idee staat op de kaart met initiatieven.</Paragraph> : null}
      </section>

      <section aria-labelledby="uitkomst-titel">
        <Heading level={2} id="uitkomst-titel">
          Uitkomst van de quickscan
        </Heading>
        <Heading level={3}>Wie beslist over uw idee?</Heading>
        <Paragraph>
          <strong>{deciderLabel(d.decider)}</strong>
        </Paragraph>
        {d.deciderChanged ? (
          <Paragraph>De gemeente heeft uw idee bekeken en dit aangepast na de quickscan.</Paragraph>
        ) : (
          <ul>
            {d.result.deciderReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <Heading level={3}>Is het een ingewikkeld idee?</Heading>
        {d.complex ? (
          <>
            <Paragraph>Ja, dit is een ingewikkeld idee (een "complexe opgave").</Paragraph>
            {d.deciderChanged ? null : (
              <ul>
                {d.result.complexReasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <Paragraph>Nee. {d.deciderChanged ? "" : d.result.complexReasons.join(" ")}</Paragraph>
        )}
        <Heading level={3}>{d.complex ? "De stappen voor uw idee" : "Wat gebeurt er nu?"}</Heading>
        {d.complex ? (
          <ol className="wmh-steps-list">
            {BASISSTAPPEN.map((s) => (
              <li key={s.step} data-done={d.processStep >= s.step}>
                {s.plain}
                {d.processStep >= s.step ? <strong> (klaar)</strong> : null}
                {d.processStep + 1 === s.step ? <strong> (nu bezig)</strong> : null}
              </li>
            ))}
          </ol>
        ) : (
          <ul>
            {d.result.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
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
          {d.events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no public id
            <li key={i} data-current={i === d.events.length - 1}>
              {formatDateTime(e.at)}:{" "}
              {e.kind === "status" && e.status ? `Status: ${statusLabel(e.status)}` : null}
              {e.kind === "stap" ? `Stap ${e.text} is klaar` : null}
              {e.kind !== "stap" && e.text ? `${e.kind === "status" ? ". " : ""}${e.text}` : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="berichten-titel">
        <Heading level={2} id="berichten-titel">
          Berichten
        </Heading>
        {d.messages.length === 0 ? <Paragraph>Er zijn nog geen berichten.</Paragraph> : null}
        <ul className="wmh-messages">
          {d.messages.map((m) => (
            <li
              key={m.id}
              className={`wmh-message${m.kind === "aan_initiatiefnemer" ? " wmh-message--staff" : ""}`}
            >
              <p className="wmh-message__meta">
                {m.kind === "aan_initiatiefnemer"
                  ? `Van ${m.author ?? "de gemeente"}`
                  : m.kind === "aanvulling"
                    ? "Door u toegevoegd"
                    : "Van u"}{" "}
                · {formatDateTime(m.at)}
              </p>
              {m.body}
            </li>
          ))}
        </ul>
      </section>

      {closed ? null : (
        <>
          <section aria-labelledby="bericht-titel" className="wmh-form">
            <Heading level={2} id="bericht-titel">
              Stuur een bericht
            </Heading>
            {actionData?.intent === "bericht" ? <ErrorSummary errors={errors} /> : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="bericht" />
              <TextArea
                name="bericht"
                label="Uw bericht aan uw contactpersoon"
                required
                maxLength={4000}
                defaultValue={actionData?.intent === "bericht" ? value("bericht") : ""}
                error={actionData?.intent === "bericht" ? errors.bericht : undefined}
              />
              <SubmitButton>Verstuur bericht</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="aanvulling-titel" className="wmh-form">
            <Heading level={2} id="aanvulling-titel">
              Informatie toevoegen
            </Heading>
            {actionData?.intent === "aanvulling" ? <ErrorSummary errors={errors} /> : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="aanvulling" />
              <TextArea
                name="aanvulling"
                label="Wat wilt u toevoegen aan uw idee?"
                required
                maxLength={4000}
                defaultValue={actionData?.intent === "aanvulling" ? value("aanvulling") : ""}
                error={actionData?.intent === "aanvulling" ? errors.aanvulling : undefined}
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
            {actionData?.intent === "intrekken" ? <ErrorSummary errors={errors} /> : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="intrekken" />
              <TextArea
                name="reden"
                label="Waarom trekt u uw idee in?"
                rows={3}
                maxLength={2000}
                defaultValue={actionData?.intent === "intrekken" ? value("reden") : ""}
                error={actionData?.intent === "intrekken" ? errors.reden : undefined}
              />
              <CheckboxField
                name="bevestig"
                label="Ja, ik wil mijn idee intrekken."
                error={actionData?.intent === "intrekken" ? errors.bevestig : undefined}
              />
              <SubmitButton variant="secondary">Trek mijn idee in</SubmitButton>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
