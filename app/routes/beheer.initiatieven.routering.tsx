import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { FALLBACK_TEAM } from "~/domain/initiatives/rules";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import {
  deleteRoutingRule,
  getResponseDays,
  listRoutingRules,
  saveRoutingRule,
  setResponseDays,
} from "~/domain/initiatives/submission.server";
import { INITIATIVE_THEMES, themeLabel, themeValues } from "~/domain/initiatives/themes";
import { listAccountManagers } from "~/domain/initiatives/triage.server";
import { listWijken } from "~/domain/places/wijken.server";
import { type FieldErrors, intentFeedback, optionalText, parseForm } from "~/lib/forms";
import { Alert, DemoBadge, Heading, Paragraph, TextLink } from "~/ui/content";
import { SelectField, SubmitButton, TextField } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { IntentFormPanel } from "~/ui/intent-form-panel";
import { TableScroll } from "~/ui/table-scroll";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [
  { title: "Routering van initiatieven - Beheer - Wij maken Heemstede" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.routering"]);
  const [rules, managers, wijken, responseDays] = await Promise.all([
    listRoutingRules(),
    listAccountManagers(),
    listWijken(),
    getResponseDays(),
  ]);
  return { rules, managers, wijken, responseDays };
}

const ruleSchema = z
  .object({
    theme: z
      .enum(themeValues)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    wijkCode: optionalText(40),
    accountManagerId: optionalText(60),
    team: optionalText(120),
  })
  .refine((v) => v.accountManagerId || v.team, {
    message: "Kies een accounthouder of vul een team in.",
    path: ["accountManagerId"],
  });
const daysSchema = z.object({
  days: z.coerce
    .number({ invalid_type_error: "Vul een aantal werkdagen in." })
    .int("Vul een heel aantal werkdagen in.")
    .min(1, "Vul minstens 1 werkdag in.")
    .max(60, "Vul hoogstens 60 werkdagen in."),
});

/** The Dutch word in the URL after saving (?opgeslagen=regel), per intent. */
const savedWords = { rule: "regel", delete_rule: "verwijderen", response_days: "termijn" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.routering"]);
  const actor = { id: user.id, email: user.email };
  const form = await request.formData();
  const intent = String(form.get("intent"));
  try {
    if (intent === "rule") {
      const p = parseForm(ruleSchema, form);
      if (!p.ok) return data({ intent, errors: p.errors, values: p.values }, { status: 400 });
      const [managers, wijken] = await Promise.all([listAccountManagers(), listWijken()]);
      if (p.data.accountManagerId && !managers.some((m) => m.id === p.data.accountManagerId))
        return data(
          { intent, errors: { accountManagerId: "Kies een actieve ambtenaar." }, values: p.values },
          { status: 400 },
        );
      if (p.data.wijkCode && !wijken.some((w) => w.code === p.data.wijkCode))
        return data(
          { intent, errors: { wijkCode: "Kies een wijk uit de lijst." }, values: p.values },
          { status: 400 },
        );
      await saveRoutingRule(
        {
          theme: p.data.theme ?? null,
          wijkCode: p.data.wijkCode ?? null,
          accountManagerId: p.data.accountManagerId ?? null,
          team: p.data.team ?? null,
        },
        actor,
      );
    } else if (intent === "delete_rule") {
      const id = Number(form.get("id"));
      if (!Number.isInteger(id)) throw new Response("Dit verzoek klopt niet", { status: 400 });
      await deleteRoutingRule(id, actor);
    } else if (intent === "response_days") {
      const p = parseForm(daysSchema, form);
      if (!p.ok) return data({ intent, errors: p.errors, values: p.values }, { status: 400 });
      await setResponseDays(p.data.days, actor);
    } else throw new Response("Dit verzoek klopt niet", { status: 400 });
  } catch (error) {
    if (error instanceof InitiativeError)
      return data({ intent, errors: { _form: error.message } as FieldErrors, values: {} }, { status: 400 });
    throw error;
  }
  throw redirect(
    `/beheer/initiatieven/routering?opgeslagen=${savedWords[intent as keyof typeof savedWords]}`,
  );
}

export default function Routing() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { errorsFor, valueFor } = intentFeedback(actionData);
  const wijkName = (code: string | null) => d.wijken.find((w) => w.code === code)?.name ?? code;
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/initiatieven">Terug naar alle initiatieven</TextLink>
      </p>
      <Heading level={1}>Routering van initiatieven</Heading>
      {params.get("opgeslagen") ? <Alert type="ok">De wijziging is opgeslagen.</Alert> : null}
      <Paragraph>
        Een nieuw idee gaat naar de accounthouder van de regel die het best past: eerst thema én wijk, dan
        alleen thema, dan alleen wijk, dan de regel zonder thema en wijk. Past geen regel, dan gaat het idee
        naar {FALLBACK_TEAM}.
      </Paragraph>
      <TableScroll label="Routeringsregels">
        <table className="wmh-table">
          <caption className="wmh-visually-hidden">Routeringsregels</caption>
          <thead>
            <tr>
              <th scope="col">Thema</th>
              <th scope="col">Wijk</th>
              <th scope="col">Accounthouder of team</th>
              <th scope="col">
                <span className="wmh-visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rules.map((r) => (
              <tr key={r.id}>
                <td>{r.theme ? themeLabel(r.theme) : "Elk thema"}</td>
                <td>{r.wijkCode ? wijkName(r.wijkCode) : "Elke wijk"}</td>
                <td>
                  {r.accountManagerName ?? r.team} {r.isDemo ? <DemoBadge /> : null}
                </td>
                <td>
                  <Form method="post" className="wmh-inline-form">
                    <input type="hidden" name="intent" value="delete_rule" />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="utrecht-link-button utrecht-link-button--html-button">
                      Verwijder
                      <span className="wmh-visually-hidden">
                        {" "}
                        regel {r.theme ? themeLabel(r.theme) : "elk thema"},{" "}
                        {r.wijkCode ? wijkName(r.wijkCode) : "elke wijk"}
                      </span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <IntentFormPanel
        id="regel-titel"
        title="Regel toevoegen of wijzigen"
        intent="rule"
        errors={errorsFor("rule")}
        intro={
          <Paragraph>Bestaat er al een regel voor dit thema en deze wijk, dan wordt die vervangen.</Paragraph>
        }
      >
        <SelectField
          name="theme"
          label="Thema"
          placeholder="Elk thema"
          options={[...INITIATIVE_THEMES]}
          defaultValue={valueFor("rule", "theme")}
          error={errorsFor("rule").theme}
        />
        <SelectField
          name="wijkCode"
          label="Wijk"
          placeholder="Elke wijk"
          options={d.wijken.map((w) => ({ value: w.code, label: w.name }))}
          defaultValue={valueFor("rule", "wijkCode")}
          error={errorsFor("rule").wijkCode}
        />
        <SelectField
          name="accountManagerId"
          label="Accounthouder"
          placeholder="Geen: een team"
          options={d.managers.map((m) => ({ value: m.id, label: m.name }))}
          defaultValue={valueFor("rule", "accountManagerId")}
          error={errorsFor("rule").accountManagerId}
        />
        <TextField
          name="team"
          label="Team (als er geen accounthouder is)"
          defaultValue={valueFor("rule", "team")}
          error={errorsFor("rule").team}
        />
        <SubmitButton>Regel opslaan</SubmitButton>
      </IntentFormPanel>

      <IntentFormPanel
        id="termijn-titel"
        title="Reactietermijn"
        intent="response_days"
        errors={errorsFor("response_days")}
      >
        <TextField
          name="days"
          label="Binnen hoeveel werkdagen hoort een initiatiefnemer van de gemeente?"
          inputMode="numeric"
          size="short"
          required
          defaultValue={valueFor("response_days", "days") ?? String(d.responseDays)}
          error={errorsFor("response_days").days}
        />
        <SubmitButton>Termijn opslaan</SubmitButton>
      </IntentFormPanel>
    </div>
  );
}
