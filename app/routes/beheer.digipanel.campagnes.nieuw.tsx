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
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import panelCss from "~/ui/panel.css?url";
import { TableScroll } from "~/ui/table-scroll";

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
        <TextField
          name="name"
          label="Naam van deze uitnodiging"
          required
          defaultValue={v("name")}
          error={errors.name}
        />
        <SelectField
          name="surveyId"
          label="Enquête"
          required
          placeholder="Kies een enquête"
          description="Elk lid krijgt een persoonlijke link. Zo weten wij wie al heeft meegedaan, zonder antwoorden aan een e-mailadres te koppelen. Een open enquête blijft open voor iedereen. Leden die voor deze enquête al een uitnodiging kregen, krijgen geen tweede."
          options={surveys.map((s) => ({ value: String(s.id), label: s.title }))}
          defaultValue={v("surveyId")}
          error={errors.surveyId}
        />
        <ChoiceGroup
          name="mode"
          label="Wie nodigt u uit?"
          required
          options={[
            { value: "all", label: "Alle actieve leden" },
            { value: "sample", label: "Een steekproef met quota per leeftijdsgroep en wijk" },
          ]}
          defaultValue={v("mode") ?? "all"}
          error={errors.mode}
        />
        <TextField
          name="targetCompletes"
          label="Gewenst aantal ingevulde enquêtes (alleen bij een steekproef)"
          inputMode="numeric"
          size="short"
          defaultValue={v("targetCompletes")}
          error={errors.targetCompletes}
        />
        <TextField
          name="expectedResponseRate"
          label="Verwachte respons in procent (alleen bij een steekproef)"
          description="Bijvoorbeeld 40. Hiermee rekenen wij uit hoeveel leden u moet uitnodigen."
          inputMode="numeric"
          size="short"
          defaultValue={v("expectedResponseRate")}
          error={errors.expectedResponseRate}
        />
        <TextField
          name="subject"
          label="Onderwerp van de e-mail"
          required
          defaultValue={v("subject")}
          error={errors.subject}
        />
        <TextArea
          name="message"
          label="Tekst van de uitnodiging"
          description="Schrijf in eenvoudige taal (B1). De persoonlijke link en de afmeldlink zetten wij er zelf onder."
          required
          rows={6}
          defaultValue={v("message")}
          error={errors.message}
        />
        <TextField
          name="scheduledAt"
          type="datetime-local"
          label="Versturen op"
          description="Laat leeg om meteen te versturen."
          defaultValue={v("scheduledAt")}
          error={errors.scheduledAt}
        />
        <SelectField
          name="maxReminders"
          label="Aantal herinneringen"
          required
          options={[
            { value: "0", label: "Geen herinnering" },
            { value: "1", label: "1 herinnering" },
            { value: "2", label: "2 herinneringen" },
          ]}
          defaultValue={v("maxReminders") ?? "1"}
          error={errors.maxReminders}
        />
        <TextField
          name="reminderAfterDays"
          label="Herinnering na hoeveel dagen?"
          description="Alleen leden die de enquête nog niet hebben ingevuld krijgen een herinnering."
          inputMode="numeric"
          size="short"
          required
          defaultValue={v("reminderAfterDays") ?? "7"}
          error={errors.reminderAfterDays}
        />
        <SubmitButton name="intent" value="preview" variant={preview ? "secondary" : "primary"}>
          Voorbeeld bekijken
        </SubmitButton>
        {preview ? (
          <section aria-labelledby="voorbeeld" className="wmh-stack">
            <Heading level={2} id="voorbeeld">
              Voorbeeld
            </Heading>
            <Paragraph>
              {preview.mode === "all"
                ? `Alle ${preview.total} actieve leden krijgen een uitnodiging.`
                : `Voor het gewenste aantal zijn ${preview.needed} uitnodigingen nodig. Het panel heeft er ${preview.total} beschikbaar in de juiste groepen (${preview.activeMembers} actieve leden).`}
            </Paragraph>
            {preview.sharesFromPanel.age || preview.sharesFromPanel.wijk ? (
              <Alert type="warning">
                Er zijn nog geen bevolkingscijfers voor {preview.sharesFromPanel.age ? "leeftijd" : ""}
                {preview.sharesFromPanel.age && preview.sharesFromPanel.wijk ? " en " : ""}
                {preview.sharesFromPanel.wijk ? "wijk" : ""}. De quota volgen daarom de verdeling van het
                panel zelf.
              </Alert>
            ) : null}
            <TableScroll label="Uitnodigingen per groep (leeftijd × wijk)">
              <table className="wmh-panel-table">
                <caption>Uitnodigingen per groep (leeftijd × wijk)</caption>
                <thead>
                  <tr>
                    <th scope="col">Groep</th>
                    <th scope="col" className="wmh-num">
                      Quotum
                    </th>
                    <th scope="col" className="wmh-num">
                      Uitnodigen
                    </th>
                    <th scope="col" className="wmh-num">
                      Tekort
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.strata.map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{s.label}</th>
                      <td className="wmh-num">{s.quota}</td>
                      <td className="wmh-num">{s.take}</td>
                      <td className={`wmh-num${s.short ? " wmh-panel-under" : ""}`}>{s.short || ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Heading level={3}>E-mail: {preview.subject}</Heading>
            <pre className="wmh-panel-mail">{preview.text}</pre>
            <Paragraph>
              De e-mail heeft ook de kopregels List-Unsubscribe en List-Unsubscribe-Post, zodat leden zich met
              één klik kunnen afmelden. Er zitten geen afbeeldingen of meetpixels in.
            </Paragraph>
            <SubmitButton name="intent" value="schedule">
              Uitnodiging inplannen
            </SubmitButton>
          </section>
        ) : null}
      </Form>
    </div>
  );
}
