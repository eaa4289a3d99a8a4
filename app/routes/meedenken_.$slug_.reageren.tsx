import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { consultationPublic } from "~/domain/consultation/pages.server";
import consultationCss from "~/ui/consultation.css?url";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reageren op ${data?.title ?? "het document"} - Wij maken Heemstede` },
];

function paragraphOf(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("alinea");
  if (!raw) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Deze alinea bestaat niet", { status: 404 });
  return id;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const page = await consultationPublic.form(params.slug ?? "", paragraphOf(request));
  if (!page) throw new Response("Dit document of deze alinea bestaat niet", { status: 404 });
  return {
    ...page,
    endsAt: page.endsAt?.toISOString() ?? null,
    startsAt: page.startsAt?.toISOString() ?? null,
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const outcome = await consultationPublic.react(
    params.slug ?? "",
    await request.formData(),
    context?.clientIp ?? "unknown",
  );
  if (!outcome.ok)
    return data(
      { ok: false as const, errors: outcome.errors, values: outcome.values },
      {
        status: outcome.status,
        headers: outcome.status === 429 ? { "Retry-After": String(outcome.retryAfterSeconds) } : undefined,
      },
    );
  return {
    ok: true as const,
    errors: {} as Record<string, string | undefined>,
    values: {} as Record<string, unknown>,
  };
}

const kindOptions = [
  { value: "inwoner", label: "Als inwoner" },
  {
    value: "organisatie",
    label: "Namens een organisatie (bijvoorbeeld een corporatie of huurdersorganisatie)",
  },
];

export default function React() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v: Record<string, unknown> = result?.values ?? {};
  const back = `/meedenken/${d.project.slug}/document${d.paragraph ? `#alinea-${d.paragraph.label}` : ""}`;
  const about = d.paragraph ? `alinea ${d.paragraph.label}` : "het hele document";
  if (result?.ok)
    return (
      <div className="wmh-stack">
        <Heading level={1}>Bijna klaar: bevestig uw reactie</Heading>
        <Alert type="ok">
          Wij hebben u een e-mail gestuurd. Klik op de link in die e-mail. Pas dan telt uw reactie mee.
        </Alert>
        <Paragraph>Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam).</Paragraph>
        <Paragraph>
          <Link to={back} className="utrecht-link">
            Terug naar het document
          </Link>
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <p>
        <Link to={back} className="utrecht-link">
          Terug naar het document
        </Link>
      </p>
      <Heading level={1}>Reageren op {about}</Heading>
      <Paragraph lead>
        {d.title}, versie {d.version}.
      </Paragraph>
      {d.paragraph ? <blockquote className="wmh-quote">{d.paragraph.text}</blockquote> : null}
      {d.period !== "open" ? (
        <Alert type="info">
          {d.period === "closed"
            ? `De reactieperiode is voorbij${d.endsAt ? ` (tot ${formatDateTime(d.endsAt)})` : ""}. Reageren kan niet meer. Dank u wel voor uw belangstelling.`
            : d.period === "upcoming"
              ? `Reageren kan vanaf ${formatDateTime(d.startsAt!)}.`
              : "Reageren kan nog niet. De reactieperiode is nog niet bekend."}
        </Alert>
      ) : (
        <Form method="post" className="wmh-stack wmh-consultation-form" noValidate>
          <ErrorSummary errors={result?.errors} fieldIds={{ soort: "veld-soort" }} />
          <input type="hidden" name="alinea" value={d.paragraph?.id ?? ""} />
          <TextArea
            name="reactie"
            label="Uw reactie"
            required
            rows={6}
            maxLength={10000}
            description="Schrijf geen adressen of telefoonnummers in uw reactie. Reacties kunnen openbaar worden, zonder uw naam."
            defaultValue={String(v.reactie ?? "")}
            error={result?.errors.reactie}
          />
          <ChoiceGroup
            name="soort"
            label="U reageert"
            required
            options={kindOptions}
            defaultValue={String(v.soort ?? "")}
            error={result?.errors.soort}
          />
          <TextField
            name="naam"
            label="Uw naam"
            required
            autoComplete="name"
            description="Wij maken uw naam nooit openbaar."
            defaultValue={String(v.naam ?? "")}
            error={result?.errors.naam}
          />
          <TextField
            name="email"
            type="email"
            label="Uw e-mailadres"
            required
            autoComplete="email"
            description="U krijgt een e-mail om uw reactie te bevestigen. Later krijgt u de reactienota."
            defaultValue={String(v.email ?? "")}
            error={result?.errors.email}
          />
          <fieldset className="utrecht-form-fieldset wmh-stack">
            <legend className="utrecht-form-fieldset__legend">
              Alleen als u reageert namens een organisatie
            </legend>
            <TextField
              name="organisatie"
              label="Naam van de organisatie"
              description="De naam van de organisatie staat bij uw reactie en in de reactienota."
              defaultValue={String(v.organisatie ?? "")}
              error={result?.errors.organisatie}
            />
            <SelectField
              name="rol"
              label="Rol van de organisatie in dit project"
              placeholder="Kies een rol"
              options={d.roles}
              defaultValue={String(v.rol ?? "")}
              error={result?.errors.rol}
            />
          </fieldset>
          <div>
            <SubmitButton>Reactie versturen</SubmitButton>
          </div>
        </Form>
      )}
    </div>
  );
}
