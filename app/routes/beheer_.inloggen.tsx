import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { getStaffUser, login } from "~/domain/auth/auth.server";
import { LOGIN_BLOCKED_MESSAGE, LOGIN_FAILED_MESSAGE, loginSchema } from "~/domain/auth/policy";
import { type FieldErrors, parseForm, str } from "~/lib/forms";
import { safeRedirectWithin } from "~/lib/safe-redirect";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Inloggen voor medewerkers - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getStaffUser(request);
  if (user)
    throw redirect(safeRedirectWithin(new URL(request.url).searchParams.get("terug"), "/beheer", "/beheer"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await request.formData());
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  const result = await login({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context?.clientIp ?? "unknown",
  });
  if (!result.ok) {
    const message = result.reason === "blocked" ? LOGIN_BLOCKED_MESSAGE : LOGIN_FAILED_MESSAGE;
    return data(
      { errors: {}, values: { email: parsed.data.email }, message },
      { status: result.reason === "blocked" ? 429 : 401 },
    );
  }
  throw redirect(safeRedirectWithin(parsed.data.terug, "/beheer", "/beheer"), {
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <div className="wmh-form">
      <Heading level={1}>Inloggen voor medewerkers</Heading>
      <Paragraph>Deze pagina is voor medewerkers van de gemeente Heemstede.</Paragraph>
      {params.get("wachtwoord") === "ingesteld" && !actionData ? (
        <Alert type="ok">Uw wachtwoord is opgeslagen. U kunt nu inloggen.</Alert>
      ) : null}
      {params.get("uitgelogd") === "1" && !actionData ? <Alert type="ok">U bent uitgelogd.</Alert> : null}
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="terug" value={params.get("terug") ?? ""} />
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="username"
          required
          defaultValue={str(actionData?.values, "email")}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label="Wachtwoord"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <SubmitButton>Inloggen</SubmitButton>
      </Form>
    </div>
  );
}
