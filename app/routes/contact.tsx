import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CONTACT_RATE_LIMITED_MESSAGE, contactSchema, isBot } from "~/domain/contact/contact";
import { countContactSubmission, submitContactMessage } from "~/domain/contact/contact.server";
import { type FieldErrors, parseForm, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, Honeypot, SubmitButton, TextArea, TextField } from "~/ui/form";
import { NameAndEmailFields } from "~/ui/name-email-fields";

export const meta: MetaFunction = () => [
  { title: "Contact - Wij maken Heemstede" },
  {
    name: "description",
    content: "Neem contact op met de gemeente Heemstede: bel 14 023 of stuur een bericht.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("verzonden") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const ip = context?.clientIp ?? "unknown";
  if (isBot(form)) {
    // Counted, never stored: the bot sees the same confirmation as a person.
    await countContactSubmission(ip);
    throw redirect("/contact?verzonden=1");
  }
  const parsed = parseForm(contactSchema, form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  const rate = await countContactSubmission(ip);
  if (!rate.allowed)
    return data(
      { errors: {} as FieldErrors, values: parsed.values, message: CONTACT_RATE_LIMITED_MESSAGE },
      { status: 429, headers: { "Retry-After": String(rate.retryAfterSeconds) } },
    );
  await submitContactMessage(parsed.data);
  throw redirect("/contact?verzonden=1");
}

function ContactDetails() {
  return (
    <section aria-labelledby="gegevens" className="wmh-card wmh-card--muted">
      <Heading level={2} id="gegevens">
        Contactgegevens
      </Heading>
      <dl className="wmh-facts">
        <dt>Telefoon</dt>
        <dd>
          <a href="tel:14023">14 023</a> (zonder netnummer)
        </dd>
        <dt>Bezoekadres</dt>
        <dd>
          Raadhuisplein 1<br />
          2101 HA Heemstede
        </dd>
        <dt>Postadres</dt>
        <dd>
          Postbus 352
          <br />
          2100 AJ Heemstede
        </dd>
      </dl>
    </section>
  );
}

export default function Contact() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = actionData?.values;

  if (sent) {
    return (
      <div className="wmh-stack">
        <Heading level={1}>Bedankt voor uw bericht</Heading>
        <Alert type="ok">
          Wij hebben uw bericht ontvangen. U krijgt een bevestiging per e-mail. Een medewerker leest uw
          bericht en neemt contact met u op als dat nodig is.
        </Alert>
        <Paragraph>
          Heeft u haast? Bel dan <a href="tel:14023">14 023</a>.
        </Paragraph>
        <Paragraph>
          <TextLink to="/">Naar de homepagina</TextLink>
        </Paragraph>
        <ContactDetails />
      </div>
    );
  }

  return (
    <div className="wmh-stack">
      <Heading level={1}>Contact met de gemeente</Heading>
      <Paragraph lead>
        Heeft u een vraag, een idee of een opmerking? Bel ons of stuur een bericht met het formulier op deze
        pagina.
      </Paragraph>
      <ContactDetails />
      <section aria-labelledby="formulier" className="wmh-form">
        <Heading level={2} id="formulier">
          Stuur een bericht
        </Heading>
        <Paragraph>
          Wij gebruiken uw gegevens alleen om uw bericht te beantwoorden. Lees meer in de{" "}
          <TextLink to="/privacy">privacyverklaring</TextLink>.
        </Paragraph>
        {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <NameAndEmailFields
            values={values}
            errors={errors}
            emailDescription="Hierop krijgt u een bevestiging en ons antwoord."
          />
          <TextField
            name="phone"
            type="tel"
            label="Telefoonnummer"
            description="Alleen als u wilt dat wij u bellen."
            autoComplete="tel"
            size="medium"
            defaultValue={str(values, "phone")}
            error={errors.phone}
          />
          <TextField
            name="subject"
            label="Onderwerp"
            required
            maxLength={200}
            defaultValue={str(values, "subject")}
            error={errors.subject}
          />
          <TextArea
            name="message"
            label="Uw bericht"
            required
            rows={8}
            maxLength={5000}
            defaultValue={str(values, "message")}
            error={errors.message}
          />
          <Honeypot />
          <SubmitButton>Bericht versturen</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
