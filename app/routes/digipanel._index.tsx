import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { signUp } from "~/domain/panel/members.server";
import { householdOptions, NOT_IN_HEEMSTEDE, signupSchema, tenureOptions } from "~/domain/panel/profile";
import { clearAfterSurveyCookie, reuseOffer } from "~/domain/panel/reuse.server";
import { allowPanelForm } from "~/domain/panel/session.server";
import { type FieldErrors, type FormValues, parseForm, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { CheckboxField, ErrorSummary, Honeypot, SubmitButton, TextField } from "~/ui/form";
import panelCss from "~/ui/panel.css?url";
import { PanelProfileFields } from "~/ui/panel-profile-fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Digipanel - Wij maken Heemstede" }];

/** The one message after every sign-up, whatever the address's state (no account enumeration). */
export const SIGNUP_DONE =
  "Dank u wel! Wij hebben u een e-mail gestuurd. Klik op de link in die e-mail om uw aanmelding te bevestigen. De link werkt 7 dagen. Ziet u geen e-mail? Kijk dan ook in uw map met ongewenste e-mail.";

/**
 * ?hergebruik=ja (chosen on a survey's thank-you page): fill the form with the background answers just
 * given in the survey, shown to the resident before anything is saved. Without it nothing is read.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const chosen = new URL(request.url).searchParams.get("hergebruik") === "ja";
  return { reused: chosen ? await reuseOffer(request) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("website")) return data({ done: true, errors: {} as FieldErrors, values: {} as FormValues });
  const parsed = parseForm(signupSchema(new Date().getUTCFullYear()), form);
  if (!parsed.ok) return data({ done: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!(await allowPanelForm("signup", context?.clientIp ?? "unknown")))
    throw new Response("Te veel verzoeken", { status: 429 });
  const result = await signUp(parsed.data);
  if (!result.ok)
    return data(
      { done: false, errors: { postcode: NOT_IN_HEEMSTEDE }, values: parsed.values },
      { status: 400 },
    );
  // Signed up: the answers of the survey are no longer offered in this browser.
  return data(
    { done: true, errors: {} as FieldErrors, values: {} as FormValues },
    { headers: { "Set-Cookie": clearAfterSurveyCookie() } },
  );
}

export default function Digipanel() {
  const actionData = useActionData<typeof action>();
  const { reused } = useLoaderData<typeof loader>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = actionData?.values ?? reused?.values;
  const v = (k: string) => str(values, k);
  return (
    <div className="wmh-stack">
      <Heading level={1}>Digipanel Heemstede</Heading>
      <Paragraph lead>
        In het digipanel geven inwoners van Heemstede hun mening over plannen van de gemeente. Zo horen wij
        niet alleen de mensen die altijd al meepraten, maar ook u.
      </Paragraph>
      <ul className="wmh-panel-facts">
        <li>
          <Heading level={2}>Wat is het?</Heading>
          <Paragraph>
            Een groep inwoners die wij af en toe een korte vragenlijst sturen, bijvoorbeeld over wonen in
            Heemstede (de Woonvisie). De gemeenteraad gebruikt de uitkomsten als input voor besluiten.
          </Paragraph>
        </li>
        <li>
          <Heading level={2}>Hoe vaak?</Heading>
          <Paragraph>
            Ongeveer 4 keer per jaar krijgt u een uitnodiging per e-mail. Invullen kost meestal 5 tot 10
            minuten. Meedoen is altijd vrijwillig.
          </Paragraph>
        </li>
        <li>
          <Heading level={2}>Wat doen wij met uw gegevens?</Heading>
          <Paragraph>
            Uw e-mailadres gebruiken wij alleen om u uit te nodigen. Uw antwoorden bewaren wij apart, zonder
            uw e-mailadres. In uitkomsten ziet niemand wat u persoonlijk heeft geantwoord. U kunt altijd
            stoppen; dan verwijderen wij uw gegevens.
          </Paragraph>
        </li>
      </ul>

      {actionData?.done ? (
        <Alert type="ok">
          <Heading level={2}>Bijna klaar</Heading>
          <Paragraph>{SIGNUP_DONE}</Paragraph>
        </Alert>
      ) : (
        <div className="wmh-form wmh-panel-form">
          <Heading level={2} id="aanmelden">
            Aanmelden
          </Heading>
          <Paragraph>
            Wij vragen alleen wat nodig is om te zien of het digipanel een goede afspiegeling is van
            Heemstede.
          </Paragraph>
          {reused && !actionData ? (
            <Alert type="info">
              <Paragraph>
                Wij hebben deze antwoorden uit de vragenlijst hieronder ingevuld. Kijk of ze kloppen en
                verander ze als dat nodig is. Wij bewaren pas iets als u op Aanmelden drukt.
              </Paragraph>
              <dl className="wmh-panel-reused">
                {reused.shown.map((r) => (
                  <div key={r.label}>
                    <dt>{r.label}</dt>
                    <dd>{r.value}</dd>
                  </div>
                ))}
              </dl>
            </Alert>
          ) : null}
          <ErrorSummary errors={errors} fieldIds={{ household: "veld-household", tenure: "veld-tenure" }} />
          <Form method="post" noValidate aria-labelledby="aanmelden">
            <Honeypot />
            <TextField
              name="email"
              type="email"
              label="E-mailadres"
              autoComplete="email"
              required
              defaultValue={v("email")}
              error={errors.email}
            />
            <PanelProfileFields
              values={{
                birthYear: v("birthYear"),
                postcode: v("postcode"),
                household: v("household"),
                tenure: v("tenure"),
              }}
              errors={errors}
              households={householdOptions}
              tenures={tenureOptions}
            />
            <CheckboxField
              name="consent"
              label="Ik doe mee aan het digipanel. De gemeente mag mijn gegevens hiervoor gebruiken, zoals hierboven staat."
              required
              defaultChecked={v("consent") === "ja"}
              error={errors.consent}
            />
            <SubmitButton>Aanmelden</SubmitButton>
          </Form>
        </div>
      )}
      <Paragraph>
        Doet u al mee? Op <TextLink to="/digipanel/mijn">Mijn digipanel</TextLink> kunt u uw gegevens
        veranderen of stoppen.
      </Paragraph>
    </div>
  );
}
