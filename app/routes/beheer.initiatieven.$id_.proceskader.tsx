import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { z } from "zod";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import {
  adoptionSchema,
  type DocumentIntent,
  hasUnsavedChanges,
  PARTICIPANT_ROWS,
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
  parseParticipationPlan,
  planSchema,
} from "~/domain/initiatives/proceskader";
import { recordAdoption, saveDocument, setProcessStep } from "~/domain/initiatives/proceskader.server";
import { BASISSTAPPEN, deciderLabel } from "~/domain/initiatives/quickscan";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import { getInitiative } from "~/domain/initiatives/triage.server";
import { type FieldErrors, type FormValues, formToObject, intentFeedback, parseForm } from "~/lib/forms";
import { Alert, formatDate, formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { useUnsavedTextWarning } from "~/ui/unsaved-text-warning";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [{ title: "Proceskader - Beheer - Wij maken Heemstede" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id_.proceskader"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const { idea, documents } = found;
  return {
    idea: {
      id: idea.id,
      title: idea.title,
      decider: idea.decider,
      complex: idea.complex,
      processStep: idea.processStep,
      adoptedBy: idea.adoptedBy,
      adoptedOn: idea.adoptedOn,
      adoptionReference: idea.adoptionReference,
    },
    plan: documents.plan
      ? { version: documents.plan.version, content: documents.plan.content as PlanContent }
      : null,
    participation: documents.participation
      ? {
          version: documents.participation.version,
          content: documents.participation.content as unknown as ParticipationContent,
        }
      : null,
    versions: documents.versions,
  };
}

const stepSchema = z.object({
  processStep: z.coerce.number({ invalid_type_error: "Kies een stap." }).int().min(0).max(5),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.$id_.proceskader"]);
  const id = params.id ?? "";
  const found = await getInitiative(id);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const actor = { id: user.id, email: user.email };
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const invalid = (errors: FieldErrors, values: FormValues) =>
    data({ intent, errors, values, unsaved: null as DocumentIntent | null }, { status: 400 });
  try {
    if (intent === "plan") {
      const p = parseForm(planSchema, form);
      if (!p.ok) return invalid(p.errors, p.values);
      await saveDocument(id, "plan_description", p.data, actor);
    } else if (intent === "participation") {
      const values = formToObject(form, ["doelen"]);
      const p = parseParticipationPlan(values);
      if (!p.ok) return invalid(p.errors, values);
      await saveDocument(id, "participation_plan", p.data as unknown as Record<string, unknown>, actor);
    } else if (intent === "adopt") {
      const p = parseForm(adoptionSchema, form);
      if (!p.ok) return invalid(p.errors, p.values);
      await recordAdoption(id, p.data, actor);
    } else if (intent === "step") {
      const p = parseForm(stepSchema, form);
      if (!p.ok) return invalid(p.errors, p.values);
      await setProcessStep(id, p.data.processStep, actor);
    } else throw new Response("Dit verzoek klopt niet", { status: 400 });
  } catch (error) {
    if (error instanceof InitiativeError)
      return invalid({ [error.field ?? "_form"]: error.message }, formToObject(form, ["doelen"]));
    throw error;
  }
  // The planomschrijving and participatieplan are one form with two save buttons: when the other
  // document holds typed text that was not saved, the page stays as it was sent (nothing lost).
  if (intent === "plan" || intent === "participation") {
    const other: DocumentIntent = intent === "plan" ? "participation" : "plan";
    const values = formToObject(form, ["doelen"]);
    const stored = other === "plan" ? found.documents.plan?.content : found.documents.participation?.content;
    if (hasUnsavedChanges(other, values, (stored ?? null) as never))
      return data({ intent, errors: {} as FieldErrors, values: values as FormValues, unsaved: other });
  }
  throw redirect(`/beheer/initiatieven/${id}/proceskader?opgeslagen=${intent}#${anchorOf[intent] ?? ""}`);
}

/** Where the page opens after saving: the section that was saved. */
const anchorOf: Record<string, string> = {
  step: "stappen-titel",
  plan: "plan-titel",
  participation: "participatie-titel",
  adopt: "vaststellen-titel",
};

const savedText: Record<string, string> = {
  step: "De stap is opgeslagen.",
  plan: "De planomschrijving is opgeslagen als nieuwe versie.",
  participation: "Het participatieplan is opgeslagen als nieuwe versie.",
  adopt: "De vaststelling is vastgelegd.",
};

export default function Proceskader() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { errorsFor, valueFor } = intentFeedback(actionData);
  const plan = d.plan?.content;
  const part = d.participation?.content;
  // After sending the documents form (an error, or one document saved while the other holds unsaved
  // text), every field shows what was sent.
  const sentDocuments =
    actionData?.intent === "plan" || actionData?.intent === "participation" ? actionData.values : null;
  const typed = (key: string, stored: string | undefined) => {
    if (!sentDocuments) return stored ?? "";
    const v = sentDocuments[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const doelen = sentDocuments ? ([] as string[]).concat(sentDocuments.doelen ?? []) : (part?.doelen ?? []);
  const savedIntent = actionData?.unsaved ? actionData.intent : (params.get("opgeslagen") ?? "");
  const savedIn = (intent: string) =>
    savedIntent === intent ? (
      <Alert type="ok">
        {savedText[intent]}
        {actionData?.unsaved
          ? ` Uw tekst in ${actionData.unsaved === "plan" ? "de planomschrijving" : "het participatieplan"} staat er nog, maar is nog niet opgeslagen.`
          : ""}
      </Alert>
    ) : null;

  const page = useRef<HTMLDivElement>(null);
  useUnsavedTextWarning(page);

  return (
    <div className="wmh-stack" ref={page}>
      <p>
        <TextLink to={`/beheer/initiatieven/${d.idea.id}`}>Terug naar het initiatief</TextLink>
      </p>
      <Heading level={1}>Proceskader: {d.idea.title}</Heading>
      {d.idea.complex ? null : (
        <Alert type="warning">
          Dit initiatief is geen complexe opgave. Een planomschrijving en participatieplan zijn dan niet
          nodig. Bevestig eerst op de pagina van het initiatief dat het een complexe opgave is.
        </Alert>
      )}
      <Paragraph>
        Beslisser: {deciderLabel(d.idea.decider)}.{" "}
        <TextLink to={`/beheer/initiatieven/${d.idea.id}/afdrukken`}>
          Afdrukbare versie voor college of raad
        </TextLink>
      </Paragraph>

      <section aria-labelledby="stappen-titel" className="wmh-panel">
        <Heading level={2} id="stappen-titel">
          Basisstappen
        </Heading>
        {savedIn("step")}
        <ol className="wmh-steps-list">
          {BASISSTAPPEN.map((s) => (
            <li key={s.step} data-done={d.idea.processStep >= s.step}>
              {s.staff} {d.idea.processStep >= s.step ? <strong>(klaar)</strong> : null}
            </li>
          ))}
        </ol>
        <ErrorSummary errors={errorsFor("step")} />
        <Form method="post" noValidate className="wmh-form">
          <input type="hidden" name="intent" value="step" />
          <SelectField
            name="processStep"
            label="Laatste afgeronde stap"
            required
            options={[
              { value: "0", label: "Nog geen stap afgerond" },
              ...BASISSTAPPEN.map((s) => ({ value: String(s.step), label: `Stap ${s.step}: ${s.staff}` })),
            ]}
            defaultValue={valueFor("step", "processStep", String(d.idea.processStep))}
            error={errorsFor("step").processStep}
          />
          <SubmitButton variant="secondary">Stap opslaan</SubmitButton>
        </Form>
      </section>

      {/* One form for both documents, with a save button for each: pressing one never drops what
          was typed in the other (without JavaScript too). */}
      <Form method="post" noValidate className="wmh-stack">
        <section aria-labelledby="plan-titel" className="wmh-panel wmh-form">
          <Heading level={2} id="plan-titel">
            Planomschrijving {d.plan ? `(versie ${d.plan.version})` : ""}
          </Heading>
          {savedIn("plan")}
          <Paragraph>
            Elke keer dat u opslaat, ontstaat een nieuwe versie. Oude versies blijven bewaard.
          </Paragraph>
          <ErrorSummary errors={errorsFor("plan")} />
          {PLAN_QUESTIONS.map((q) => (
            <TextArea
              key={q.key}
              name={q.key}
              label={q.label}
              rows={4}
              defaultValue={typed(q.key, plan?.[q.key])}
              error={errorsFor("plan")[q.key]}
            />
          ))}
          <SubmitButton name="intent" value="plan">
            Planomschrijving opslaan
          </SubmitButton>
        </section>

        <section aria-labelledby="participatie-titel" className="wmh-panel wmh-form">
          <Heading level={2} id="participatie-titel">
            Participatieplan {d.participation ? `(versie ${d.participation.version})` : ""}
          </Heading>
          {savedIn("participation")}
          <ErrorSummary errors={errorsFor("participation")} />
          <Heading level={3}>1. Ruimte bepalen</Heading>
          <TextArea
            name="ruimte"
            label="Wat is de ruimte voor participatie? Valt er iets te kiezen?"
            rows={3}
            defaultValue={typed("ruimte", part?.ruimte)}
            error={errorsFor("participation").ruimte}
          />
          <TextArea
            name="complexiteit"
            label="Hoe complex is het vraagstuk? Zijn er veel tegengestelde belangen?"
            rows={3}
            defaultValue={typed("complexiteit", part?.complexiteit)}
            error={errorsFor("participation").complexiteit}
          />
          <Heading level={3}>2. Doel bepalen</Heading>
          <ChoiceGroup
            name="doelen"
            multiple
            required
            label="Doel van participatie"
            options={PARTICIPATION_GOALS.map((g) => ({
              value: g.value,
              label: `${g.label}: ${g.explanation}`,
            }))}
            defaultValue={doelen}
            error={errorsFor("participation").doelen}
          />
          <TextArea
            name="toelichtingDoel"
            label="Toelichting op het doel"
            rows={3}
            defaultValue={typed("toelichtingDoel", part?.toelichtingDoel)}
            error={errorsFor("participation").toelichtingDoel}
          />
          <Heading level={3}>3. Deelnemers en rollen bepalen</Heading>
          {Array.from({ length: PARTICIPANT_ROWS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows
            <fieldset key={i} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend">Deelnemer {i + 1}</legend>
              <TextField
                name={`deelnemer-${i}`}
                label="Wie"
                defaultValue={typed(`deelnemer-${i}`, part?.deelnemers[i]?.who)}
                error={errorsFor("participation")[`deelnemer-${i}`]}
              />
              <SelectField
                name={`rol-${i}`}
                label="Rol"
                placeholder="Kies een rol"
                options={PARTICIPATION_ROLES.map((r) => ({ value: r.value, label: r.label }))}
                defaultValue={typed(`rol-${i}`, part?.deelnemers[i]?.role)}
                error={errorsFor("participation")[`rol-${i}`]}
              />
            </fieldset>
          ))}
          <SubmitButton name="intent" value="participation">
            Participatieplan opslaan
          </SubmitButton>
        </section>
      </Form>

      <section aria-labelledby="vaststellen-titel" className="wmh-panel wmh-form">
        <Heading level={2} id="vaststellen-titel">
          Vaststelling door college of raad (stap 3)
        </Heading>
        {savedIn("adopt")}
        {d.idea.adoptedOn ? (
          <Paragraph>
            Vastgesteld door {d.idea.adoptedBy === "council" ? "de gemeenteraad" : "het college"} op{" "}
            {formatDate(d.idea.adoptedOn)}, kenmerk {d.idea.adoptionReference}.
          </Paragraph>
        ) : null}
        <ErrorSummary errors={errorsFor("adopt")} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="adopt" />
          <ChoiceGroup
            name="adoptedBy"
            required
            label="Vastgesteld door"
            options={[
              { value: "executive", label: "Het college" },
              { value: "council", label: "De gemeenteraad" },
            ]}
            defaultValue={valueFor(
              "adopt",
              "adoptedBy",
              d.idea.adoptedBy ?? (d.idea.decider === "council" ? "council" : "executive"),
            )}
            error={errorsFor("adopt").adoptedBy}
          />
          <TextField
            name="adoptedOn"
            type="date"
            required
            label="Datum van het besluit"
            defaultValue={valueFor("adopt", "adoptedOn", d.idea.adoptedOn)}
            error={errorsFor("adopt").adoptedOn}
          />
          <TextField
            name="adoptionReference"
            required
            label="Kenmerk van het besluit"
            defaultValue={valueFor("adopt", "adoptionReference", d.idea.adoptionReference)}
            error={errorsFor("adopt").adoptionReference}
          />
          <SubmitButton>Vaststelling vastleggen</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="versies-titel">
        <Heading level={2} id="versies-titel">
          Versies
        </Heading>
        {d.versions.length === 0 ? <Paragraph>Nog geen versies.</Paragraph> : null}
        <ul>
          {d.versions.map((v) => (
            <li key={`${v.kind}-${v.version}`}>
              <TextLink
                to={`/beheer/initiatieven/${d.idea.id}/afdrukken?${v.kind === "plan_description" ? "plan" : "participatie"}=${v.version}`}
              >
                {v.kind === "plan_description" ? "Planomschrijving" : "Participatieplan"} versie {v.version}
              </TextLink>{" "}
              ({formatDateTime(v.createdAt)})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
