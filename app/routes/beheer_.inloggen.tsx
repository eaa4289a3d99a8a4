import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { getStaffUser, login, loginWithCode } from "~/domain/auth/auth.server";
import { LOGIN_FAILED_MESSAGE, loginBlockedMessage, loginSchema } from "~/domain/auth/policy";
import { twoFactorMessages } from "~/domain/auth/two-factor";
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

type ActionData = {
  step: "password" | "code";
  errors: FieldErrors;
  values: Record<string, string>;
  message: string | null;
  challenge?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const terug = safeRedirectWithin(String(form.get("terug") ?? ""), "/beheer", "/beheer");
  if (form.get("intent") === "code") {
    const challenge = String(form.get("challenge") ?? "");
    const code = String(form.get("code") ?? "").slice(0, 40);
    if (!code.trim())
      return data<ActionData>(
        {
          step: "code",
          challenge,
          errors: { code: twoFactorMessages.codeMissing },
          values: {},
          message: null,
        },
        { status: 400 },
      );
    const result = await loginWithCode({ challenge, code });
    if (result.ok) throw redirect(terug, { headers: { "Set-Cookie": result.cookie } });
    if (result.reason === "over")
      return data<ActionData>(
        { step: "password", errors: {}, values: {}, message: twoFactorMessages.challengeOver },
        { status: 401 },
      );
    return data<ActionData>(
      { step: "code", challenge, errors: { code: twoFactorMessages.codeWrong }, values: {}, message: null },
      { status: 401 },
    );
  }
  const parsed = parseForm(loginSchema, form);
  if (!parsed.ok)
    return data<ActionData>(
      {
        step: "password",
        errors: parsed.errors,
        values: parsed.values as Record<string, string>,
        message: null,
      },
      { status: 400 },
    );
  const result = await login({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context?.clientIp ?? "unknown",
  });
  if (result.ok) throw redirect(terug, { headers: { "Set-Cookie": result.cookie } });
  if (result.reason === "code")
    return data<ActionData>({
      step: "code",
      challenge: result.challenge,
      errors: {},
      values: {},
      message: null,
    });
  const blocked = result.reason === "blocked";
  return data<ActionData>(
    {
      step: "password",
      errors: {},
      values: { email: parsed.data.email },
      message: blocked ? loginBlockedMessage(result.retryAfterSeconds) : LOGIN_FAILED_MESSAGE,
    },
    {
      status: blocked ? 429 : 401,
      headers: blocked ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
    },
  );
}

function CodeStep({ challenge, terug, errors }: { challenge: string; terug: string; errors: FieldErrors }) {
  return (
    <div className="wmh-form">
      <Heading level={1}>Code uit uw app</Heading>
      <Paragraph>
        Uw wachtwoord klopt. Open de app op uw telefoon waarmee u tweestapsverificatie heeft ingesteld en vul
        de code van 6 cijfers in.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="terug" value={terug} />
        <TextField
          name="code"
          label="Code"
          description="Heeft u uw telefoon niet bij de hand? Vul dan een van uw herstelcodes in."
          autoComplete="one-time-code"
          maxLength={40}
          size="medium"
          required
          error={errors.code}
        />
        <SubmitButton>Inloggen</SubmitButton>
      </Form>
    </div>
  );
}

export default function Login() {
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  if (actionData?.step === "code" && actionData.challenge)
    return <CodeStep challenge={actionData.challenge} terug={params.get("terug") ?? ""} errors={errors} />;
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
