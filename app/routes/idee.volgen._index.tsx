import { type ActionFunctionArgs, data, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FOLLOW_LINK_IDLE_DAYS } from "~/domain/initiatives/follow-links";
import { resendLinks } from "~/domain/initiatives/initiator.server";
import { emailField, type FieldErrors, parseForm, str } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, Honeypot, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [
  { title: "Link naar uw idee opnieuw ontvangen - Wij maken Heemstede" },
];

const schema = z.object({ email: emailField() });
const NEUTRAL =
  "Als dit e-mailadres bij een idee hoort, sturen wij u binnen een paar minuten een e-mail met de link. Kijk ook in uw map met ongewenste e-mail.";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, done: false }, { status: 400 });
  // Same answer for known and unknown addresses; throttled per IP and per address.
  const ip = await hit(`idee-link:ip:${context?.clientIp ?? "unknown"}`, { windowSeconds: 3600, max: 10 });
  const mail = await hit(`idee-link:mail:${parsed.data.email}`, { windowSeconds: 3600, max: 3 });
  if (!form.get("website") && ip.allowed && mail.allowed) await resendLinks(parsed.data.email);
  return { errors: {} as FieldErrors, values: parsed.values, done: true };
}

export default function ResendLink() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const expired = searchParams.get("verlopen") === "1" && !actionData;
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <div className="wmh-form">
      <Heading level={1}>Link naar uw idee opnieuw ontvangen</Heading>
      <Paragraph>
        Bent u de link naar de pagina van uw idee kwijt? Vul het e-mailadres in dat u bij uw idee heeft
        gebruikt. Wij sturen u dan een nieuwe link.
      </Paragraph>
      {expired ? (
        <Alert type="warning">
          Uw link werkt niet meer, omdat hij {FOLLOW_LINK_IDLE_DAYS} dagen niet is gebruikt. Zo blijft uw idee
          beschermd. Vraag hieronder een nieuwe link aan.
        </Alert>
      ) : null}
      {actionData?.done ? <Alert type="ok">{NEUTRAL}</Alert> : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <Honeypot />
        <TextField
          name="email"
          type="email"
          label="Uw e-mailadres"
          required
          autoComplete="email"
          defaultValue={actionData?.done ? "" : str(actionData?.values, "email")}
          error={errors.email}
        />
        <SubmitButton>Stuur mij de link</SubmitButton>
      </Form>
    </div>
  );
}
