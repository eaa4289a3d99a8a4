import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, useActionData, useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { z } from "zod";
import { MAP_LEGEND } from "~/domain/initiatives/map-legend";
import { PHOTO_ALT_FALLBACK } from "~/domain/initiatives/photo";
import {
  CONTACT_THROTTLE,
  contactInitiator,
  getPublicInitiative,
} from "~/domain/initiatives/public-map.server";
import { tileConfig } from "~/domain/places/tiles.server";
import { emailField, type FieldErrors, parseForm, requiredText, str } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, DemoBadge, formatDate, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, Honeypot, SubmitButton, TextArea, TextField } from "~/ui/form";
import { SmallMap } from "~/ui/map/client-map";
import mapCss from "~/ui/map.css?url";
import { StoredImageView } from "~/ui/stored-image";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: mapCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.initiative.title ?? "Initiatief"} - Wij maken Heemstede` },
  { name: "description", content: data?.initiative.summary.slice(0, 160) ?? "" },
];

async function load(id: string | undefined) {
  const found = id ? await getPublicInitiative(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return found;
}

export async function loader({ params }: LoaderFunctionArgs) {
  return { ...(await load(params.id)), tiles: tileConfig() };
}

const contactSchema = z.object({
  naam: requiredText(100, "Vul uw naam in."),
  email: emailField(),
  bericht: requiredText(2000, "Schrijf uw bericht."),
  website: z.string().optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { canContact } = await load(params.id);
  if (!canContact) throw new Response("Niet gevonden", { status: 404 });
  const parsed = parseForm(contactSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, 400);
  // A filled honeypot is a bot: act as if it worked, send nothing.
  if (parsed.data.website) return { sent: true, errors: {}, values: {} };
  const limit = await hit(`initiative-contact:${context.clientIp}`, CONTACT_THROTTLE);
  if (!limit.allowed)
    return data(
      {
        sent: false,
        values: parsed.values,
        errors: { _form: "U heeft in korte tijd veel berichten gestuurd. Probeer het over een uur opnieuw." },
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  await contactInitiator(params.id!, {
    name: parsed.data.naam,
    email: parsed.data.email,
    message: parsed.data.bericht,
  });
  return { sent: true, errors: {}, values: {} };
}

export default function InitiativePage() {
  const { initiative: i, timeline, canContact, tiles, photo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const style = MAP_LEGEND.find((s) => s.value === i.theme);
  const errors: FieldErrors | undefined = result && !result.sent ? result.errors : undefined;
  const values = result && !result.sent ? result.values : undefined;
  return (
    <article className="wmh-stack">
      <p>
        <TextLink to="/initiatieven">Terug naar alle initiatieven</TextLink>
      </p>
      <Heading level={1}>
        {i.title} {i.isDemo ? <DemoBadge /> : null}
      </Heading>
      <dl className="wmh-initiative-meta">
        <div>
          <dt className="wmh-visually-hidden">Thema</dt>
          <dd>Thema: {i.themeLabel}</dd>
        </div>
        <div>
          <dt className="wmh-visually-hidden">Status</dt>
          <dd>Status: {i.statusLabel}</dd>
        </div>
        {i.wijkName ? (
          <div>
            <dt className="wmh-visually-hidden">Wijk</dt>
            <dd>Wijk: {i.wijkName}</dd>
          </div>
        ) : null}
      </dl>
      {i.summary.split(/\n{2,}/).map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {photo ? (
        <StoredImageView
          image={photo.image}
          alt={photo.alt ?? PHOTO_ALT_FALLBACK}
          sizes="(max-width: 40rem) 100vw, 40rem"
        />
      ) : null}

      {i.lat !== null && i.lng !== null ? (
        <SmallMap
          tiles={tiles}
          point={[i.lat, i.lng]}
          style={style}
          title={i.title}
          label="Kaart met de plek van dit initiatief"
        />
      ) : null}

      <section aria-labelledby="verloop">
        <Heading level={2} id="verloop">
          Zo staat het ervoor
        </Heading>
        <ol className="wmh-timeline">
          {timeline.map((t) => (
            <li key={`${t.status}-${t.at}`}>
              <strong>{t.label}</strong> <span>sinds {formatDate(t.at)}</span>
            </li>
          ))}
        </ol>
      </section>

      {canContact ? (
        <section aria-labelledby="doe-mee" className="wmh-card wmh-card--muted">
          <Heading level={2} id="doe-mee">
            Doe mee of neem contact op
          </Heading>
          {result?.sent ? (
            <Alert type="ok">
              Uw bericht is verstuurd naar de initiatiefnemer. Hij of zij krijgt uw e-mailadres en kan u
              antwoorden.
            </Alert>
          ) : (
            <Form method="post" className="wmh-form" noValidate>
              <ErrorSummary errors={errors} />
              <Paragraph>
                Wilt u meedoen of heeft u een vraag? Wij sturen uw bericht door naar de initiatiefnemer. Die
                krijgt uw naam en e-mailadres, zodat hij of zij u kan antwoorden. U ziet het e-mailadres van
                de initiatiefnemer niet.
              </Paragraph>
              <TextField
                name="naam"
                label="Uw naam"
                required
                autoComplete="name"
                defaultValue={str(values, "naam")}
                error={errors?.naam}
              />
              <TextField
                name="email"
                type="email"
                label="Uw e-mailadres"
                required
                autoComplete="email"
                defaultValue={str(values, "email")}
                error={errors?.email}
              />
              <TextArea
                name="bericht"
                label="Uw bericht"
                required
                maxLength={2000}
                defaultValue={str(values, "bericht")}
                error={errors?.bericht}
              />
              <Honeypot />
              <SubmitButton>Bericht versturen</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
