import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { confirmTwoFactor, requireStaffForSetup, twoFactorSetup } from "~/domain/auth/auth.server";
import { twoFactorMessages } from "~/domain/auth/two-factor";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Tweestapsverificatie - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffForSetup(request);
  const setup = await twoFactorSetup(user);
  return setup.enabled
    ? { enabled: true as const, codesLeft: setup.codesLeft }
    : { enabled: false as const, required: setup.required, secret: setup.secret, qr: setup.qrDataUrl };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffForSetup(request);
  const form = await request.formData();
  const code = String(form.get("code") ?? "").slice(0, 20);
  if (!code.trim())
    return data({ errors: { code: twoFactorMessages.codeMissing }, codes: null }, { status: 400 });
  const outcome = await confirmTwoFactor(user, code);
  if (!outcome.ok)
    return data({ errors: { code: twoFactorMessages.codeWrong }, codes: null }, { status: 400 });
  return { errors: {} as Record<string, string>, codes: outcome.recoveryCodes };
}

export default function TwoFactor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.codes)
    return (
      <div className="wmh-form">
        <Heading level={1}>Tweestapsverificatie staat aan</Heading>
        <Alert type="ok">{twoFactorMessages.enrolled}</Alert>
        <Heading level={2}>Uw herstelcodes</Heading>
        <Paragraph>
          Bent u uw telefoon kwijt? Dan logt u in met een van deze codes. Elke code werkt één keer. Schrijf ze
          op of print ze, en bewaar ze op een veilige plek. U ziet ze maar één keer.
        </Paragraph>
        <ul>
          {result.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Paragraph>
          <TextLink to="/beheer">Verder naar het beheer</TextLink>
        </Paragraph>
      </div>
    );
  if (page.enabled)
    return (
      <div className="wmh-form">
        <Heading level={1}>Tweestapsverificatie</Heading>
        <Paragraph>
          Tweestapsverificatie staat aan. Bij het inloggen vult u na uw wachtwoord een code uit uw app in.
        </Paragraph>
        <Paragraph>U heeft nog {page.codesLeft} herstelcodes die u niet gebruikt heeft.</Paragraph>
      </div>
    );
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <div className="wmh-form">
      <Heading level={1}>Tweestapsverificatie instellen</Heading>
      {page.required ? (
        <Alert type="warning">
          Als beheerder heeft u tweestapsverificatie nodig. Stel het eerst in, daarna kunt u verder.
        </Alert>
      ) : (
        <Paragraph>Met tweestapsverificatie is uw account beter beveiligd. Het is niet verplicht.</Paragraph>
      )}
      <ErrorSummary errors={errors} />
      <Heading level={2}>Stap 1. Scan de QR-code</Heading>
      <Paragraph>
        Open een authenticator-app op uw telefoon, bijvoorbeeld de app van Microsoft of Google. Kies "Account
        toevoegen" en scan deze code.
      </Paragraph>
      <img src={page.qr} alt="QR-code om uw account toe te voegen aan de app" width={220} height={220} />
      <Paragraph>
        Kunt u niet scannen? Vul dan deze sleutel in de app in:{" "}
        <code style={{ overflowWrap: "anywhere" }}>{page.secret}</code>
      </Paragraph>
      <Heading level={2}>Stap 2. Vul de code in</Heading>
      <Form method="post" noValidate>
        <TextField
          name="code"
          label="Code van 6 cijfers uit de app"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={20}
          size="short"
          required
          error={errors.code}
        />
        <SubmitButton>Tweestapsverificatie aanzetten</SubmitButton>
      </Form>
    </div>
  );
}
