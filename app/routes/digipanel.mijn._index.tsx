import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { leavePanel, requestLogin, updateProfile } from "~/domain/panel/members.server";
import { answeredSurveys } from "~/domain/panel/overview.server";
import { householdOptions, NOT_IN_HEEMSTEDE, profileSchema, tenureOptions } from "~/domain/panel/profile";
import { allowPanelForm, clearSessionCookie, currentMember, logout } from "~/domain/panel/session.server";
import { emailField, type FieldErrors, type FormValues, parseForm, str } from "~/lib/forms";
import { Alert, formatDate, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import panelCss from "~/ui/panel.css?url";
import { PanelProfileFields } from "~/ui/panel-profile-fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Mijn digipanel - Wij maken Heemstede" }];

export const LINK_SENT =
  "Als dit e-mailadres bij het digipanel hoort, krijgt u binnen een paar minuten een e-mail met een link. Die link werkt 1 uur.";

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await currentMember(request);
  if (!member) return { member: null, answered: [] };
  const answered = await answeredSurveys(member.id);
  return {
    member: {
      email: member.email,
      birthYear: String(member.birthYear),
      postcode: member.postcode,
      household: member.household,
      tenure: member.tenure,
    },
    answered: answered.map((a) => ({ title: a.title, completedAt: a.completedAt?.toISOString() ?? null })),
  };
}

type ActionResult = { message: string | null; errors: FieldErrors; values: FormValues };
const result = (r: Partial<ActionResult>, status = 200) =>
  data<ActionResult>({ message: null, errors: {}, values: {}, ...r }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "link") {
    const parsed = parseForm(z.object({ email: emailField() }), form);
    if (!parsed.ok) return result({ errors: parsed.errors, values: parsed.values }, 400);
    if (!(await allowPanelForm("login", context?.clientIp ?? "unknown")))
      throw new Response("Te veel verzoeken", { status: 429 });
    await requestLogin(parsed.data.email);
    return result({ message: LINK_SENT });
  }
  const member = await currentMember(request);
  if (!member) throw redirect("/digipanel/mijn");
  if (intent === "profile") {
    const parsed = parseForm(profileSchema(new Date().getUTCFullYear()), form);
    if (!parsed.ok) return result({ errors: parsed.errors, values: parsed.values }, 400);
    const updated = await updateProfile(member.id, parsed.data);
    if (!updated.ok) return result({ errors: { postcode: NOT_IN_HEEMSTEDE }, values: parsed.values }, 400);
    return result({ message: "Uw gegevens zijn opgeslagen." });
  }
  if (intent === "leave") {
    await leavePanel(member.id);
    throw redirect("/digipanel/mijn/gestopt", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  if (intent === "logout") {
    await logout(member);
    throw redirect("/digipanel/mijn", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function MyPanel() {
  const { member, answered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const v = (k: string) => str(actionData?.values, k);

  if (!member)
    return (
      <div className="wmh-stack wmh-form wmh-panel-form">
        <Heading level={1}>Mijn digipanel</Heading>
        <Paragraph>
          Vul het e-mailadres in waarmee u meedoet aan het digipanel. Wij sturen u een link naar uw eigen
          pagina. U heeft geen wachtwoord nodig.
        </Paragraph>
        {actionData?.message ? <Alert type="ok">{actionData.message}</Alert> : null}
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="link" />
          <TextField
            name="email"
            type="email"
            label="E-mailadres"
            autoComplete="email"
            required
            defaultValue={v("email")}
            error={errors.email}
          />
          <SubmitButton>Stuur mij een link</SubmitButton>
        </Form>
        <Paragraph>
          Doet u nog niet mee? <TextLink to="/digipanel">Meld u aan voor het digipanel</TextLink>.
        </Paragraph>
      </div>
    );

  const values = actionData?.values && Object.keys(actionData.values).length ? actionData.values : member;
  const val = (k: string) => str(values as FormValues, k);
  return (
    <div className="wmh-stack">
      <Heading level={1}>Mijn digipanel</Heading>
      <Paragraph>U doet mee met het e-mailadres {member.email}.</Paragraph>
      {actionData?.message ? <Alert type="ok">{actionData.message}</Alert> : null}

      <section className="wmh-form wmh-panel-form" aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          Mijn gegevens
        </Heading>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate aria-labelledby="gegevens">
          <input type="hidden" name="intent" value="profile" />
          <PanelProfileFields
            values={{
              birthYear: val("birthYear"),
              postcode: val("postcode"),
              household: val("household"),
              tenure: val("tenure"),
            }}
            errors={errors}
            households={householdOptions}
            tenures={tenureOptions}
          />
          <SubmitButton>Gegevens opslaan</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="meegedaan">
        <Heading level={2} id="meegedaan">
          Enquêtes waaraan ik meedeed
        </Heading>
        {answered.length === 0 ? (
          <Paragraph>U heeft nog geen enquête van het digipanel ingevuld.</Paragraph>
        ) : (
          <ul>
            {answered.map((a) => (
              <li key={`${a.title}-${a.completedAt}`}>
                {a.title}
                {a.completedAt ? ` (ingevuld op ${formatDate(a.completedAt)})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="stoppen">
        <Heading level={2} id="stoppen">
          Stoppen met het digipanel
        </Heading>
        <Paragraph>
          Als u stopt, verwijderen wij meteen uw e-mailadres en uw andere gegevens. Antwoorden die u al gaf,
          blijven bewaard, maar zonder verband met u.
        </Paragraph>
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <SubmitButton variant="secondary">Stoppen met het digipanel</SubmitButton>
        </Form>
      </section>

      <Form method="post">
        <input type="hidden" name="intent" value="logout" />
        <SubmitButton variant="subtle">Uitloggen</SubmitButton>
      </Form>
    </div>
  );
}
