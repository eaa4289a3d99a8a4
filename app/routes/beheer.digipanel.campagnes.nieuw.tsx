import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import {
  campaignSchema,
  planCampaign,
  previewMail,
  publishedSurveys,
} from "~/domain/panel/campaign-planning.server";
import { createCampaign } from "~/domain/panel/campaign-queue.server";
import { kickPanelTick } from "~/domain/panel/jobs.server";
import { wijkNames } from "~/domain/panel/members.server";
import { ageGroupLabel } from "~/domain/panel/profile";
import { parseStratum } from "~/domain/panel/sampling";
import { type FieldErrors, type FormValues, parseForm, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton } from "~/ui/form";
import { CampaignMailFields, CampaignPreview, CampaignWhoFields } from "~/ui/panel/new-campaign";
import panelCss from "~/ui/panel.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Nieuwe uitnodiging - Digipanel - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.digipanel.campagnes.nieuw"]);
  return { surveys: await publishedSurveys() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.digipanel.campagnes.nieuw"]);
  const form = await request.formData();
  const parsed = parseForm(campaignSchema, form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, preview: null }, { status: 400 });
  const surveys = await publishedSurveys();
  const survey = surveys.find((s) => s.id === parsed.data.surveyId);
  if (!survey)
    return data(
      {
        errors: { surveyId: "Kies een gepubliceerde enquête die niet anoniem is." } as FieldErrors,
        values: parsed.values,
        preview: null,
      },
      { status: 400 },
    );
  if (form.get("intent") === "schedule") {
    const id = await createCampaign(user, parsed.data);
    if (!parsed.data.scheduledAt || parsed.data.scheduledAt <= new Date()) await kickPanelTick();
    throw redirect(`/beheer/digipanel/campagnes/${id}`);
  }
  const plan = await planCampaign(parsed.data);
  const wijken = await wijkNames();
  const mail = previewMail(parsed.data, survey.slug);
  return data({
    errors: {} as FieldErrors,
    values: parsed.values,
    preview: {
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers ?? {},
      mode: plan.mode,
      needed: plan.needed,
      activeMembers: plan.activeMembers,
      total: plan.plan.total,
      sharesFromPanel: plan.sharesFromPanel,
      strata: Object.entries(plan.quotas).map(([key, quota]) => {
        const { ageGroup, wijkCode } = parseStratum(key);
        return {
          key,
          label: `${ageGroupLabel(ageGroup)}, ${wijken.find((w) => w.code === wijkCode)?.name ?? wijkCode}`,
          quota,
          take: plan.plan.take[key] ?? 0,
          short: plan.plan.shortfall[key] ?? 0,
        };
      }),
    },
  });
}

export default function NewCampaign() {
  const { surveys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: FormValues = actionData?.values ?? {};
  const v = (k: string) => str(values, k);
  const preview = actionData?.preview;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Nieuwe uitnodiging voor het digipanel</Heading>
      <Paragraph>
        Kies een gepubliceerde enquête en wie u uitnodigt. Bekijk daarna de e-mail en plan de uitnodiging in.{" "}
        <TextLink to="/beheer/digipanel">Terug naar Digipanel</TextLink>
      </Paragraph>
      {surveys.length === 0 ? (
        <Alert type="warning">
          Er is nog geen gepubliceerde enquête die u aan het digipanel kunt sturen. Publiceer eerst een
          enquête die open is voor iedereen of een persoonlijke code vraagt. Een anonieme enquête kan niet.
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="wmh-form wmh-panel-form">
        <CampaignWhoFields surveys={surveys} errors={errors} v={v} />
        <CampaignMailFields errors={errors} v={v} />
        <SubmitButton name="intent" value="preview" variant={preview ? "secondary" : "primary"}>
          Voorbeeld bekijken
        </SubmitButton>
        {preview ? <CampaignPreview preview={preview} /> : null}
      </Form>
    </div>
  );
}
