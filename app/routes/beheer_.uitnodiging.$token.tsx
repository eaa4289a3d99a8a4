import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { passwordSchema } from "~/domain/auth/policy";
import { acceptInvite, findInvite } from "~/domain/auth/staff-users.server";
import { type FieldErrors, parseForm } from "~/lib/forms";
import { looksLikeToken } from "~/lib/tokens.server";
import { Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";

// Public on purpose: the invited colleague has no session yet. The token in the URL is the key;
// an unknown, used or expired token gives the same neutral 404 as any unknown page.

export const meta: MetaFunction = () => [{ title: "Wachtwoord kiezen - Wij maken Heemstede" }];

const schema = z
  .object({
    password: passwordSchema,
    passwordRepeat: z.string().min(1, "Vul het wachtwoord nog een keer in."),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ["passwordRepeat"],
    message: "De twee wachtwoorden zijn niet hetzelfde.",
  });

async function inviteOr404(token: string | undefined) {
  const invite = looksLikeToken(token) ? await findInvite(token) : null;
  if (!invite) throw new Response("Niet gevonden", { status: 404 });
  return invite;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invite = await inviteOr404(params.token);
  return { name: invite.name, email: invite.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await inviteOr404(params.token);
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  if (!(await acceptInvite(params.token as string, parsed.data.password)))
    throw new Response("Niet gevonden", { status: 404 });
  throw redirect("/beheer/inloggen?wachtwoord=ingesteld");
}

export default function AcceptInvite() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <div className="wmh-form">
      <Heading level={1}>Kies uw wachtwoord</Heading>
      <Paragraph>
        Welkom, {name}. U logt straks in met uw e-mailadres <strong>{email}</strong> en het wachtwoord dat u
        nu kiest.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <TextField
          name="password"
          type="password"
          label="Nieuw wachtwoord"
          description="Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden."
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <TextField
          name="passwordRepeat"
          type="password"
          label="Herhaal het wachtwoord"
          autoComplete="new-password"
          required
          error={errors.passwordRepeat}
        />
        <SubmitButton>Wachtwoord opslaan</SubmitButton>
      </Form>
    </div>
  );
}
