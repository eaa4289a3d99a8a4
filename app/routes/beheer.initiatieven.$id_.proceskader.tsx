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
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import {
  PARTICIPANT_ROWS,
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
  type ProceskaderSection,
  sectionNames,
} from "~/domain/initiatives/proceskader";
import { handleProceskaderPost } from "~/domain/initiatives/proceskader-form.server";
import { BASISSTAPPEN, deciderLabel } from "~/domain/initiatives/quickscan";
import { getInitiative } from "~/domain/initiatives/triage.server";
import type { FieldErrors } from "~/lib/forms";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.initiatieven.$id_.proceskader"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const outcome = await handleProceskaderPost(
    found,
    { id: user.id, email: user.email },
    await request.formData(),
  );
  if (!outcome) throw new Response("Dit verzoek klopt niet", { status: 400 });
  if (!outcome.ok) return data(outcome, { status: outcome.status });
  throw redirect(
    `/beheer/initiatieven/${found.idea.id}/proceskader?opgeslagen=${outcome.intent}#${anchorOf[outcome.intent]}`,
  );
}

/** Where the page opens after saving: the section that was saved. */
const anchorOf: Record<ProceskaderSection, string> = {
  step: "stappen-titel",
  plan: "plan-titel",
  participation: "participatie-titel",
  adopt: "vaststellen-titel",
};

const savedText: Record<ProceskaderSection, string> = {
  step: "De stap is opgeslagen.",
  plan: "De planomschrijving is opgeslagen als nieuwe versie.",
  participation: "Het participatieplan is opgeslagen als nieuwe versie.",
  adopt: "De vaststelling is vastgelegd.",
};

/** "a", "a en b", "a, b en c". */
const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;

export default function Proceskader() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const plan = d.plan?.content;
  const part = d.participation?.content;
  // The page is one form. After a post that stays on the page (an error, Enter, or a save while
  // another section holds input), the sections it names show what was sent; the rest what is stored.
  const sent = actionData?.values ?? {};
  const typed = (key: string, stored: string | null | undefined) => {
    if (!(key in sent)) return stored ?? "";
    const v = sent[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const doelen = "doelen" in sent ? ([] as string[]).concat(sent.doelen ?? []) : (part?.doelen ?? []);
  const errorsFor = (section: ProceskaderSection): FieldErrors =>
    actionData?.intent === section ? actionData.errors : {};
  const unsavedNote = actionData?.unsaved.length
    ? ` Uw tekst in ${joinNames(actionData.unsaved.map((s) => sectionNames[s]))} staat er nog, maar is nog niet opgeslagen.`
    : "";
  const savedIntent = actionData
    ? actionData.saved
      ? actionData.intent
      : ""
    : (params.get("opgeslagen") ?? "");
  const savedIn = (section: ProceskaderSection) =>
    savedIntent === section ? (
      <Alert type="ok">
        {savedText[section]}
        {unsavedNote}
      </Alert>
    ) : null;

  // With JavaScript the page is not reloaded: a field whose stored value changed (a save, or the step
  // a save moved along) is remounted, so it shows the new value instead of the one it was sent with.
  // Nothing typed is lost: a section with unsaved input is never saved by another section's button.
  const planVersion = d.plan?.version ?? 0;
  const partVersion = d.participation?.version ?? 0;
  const adoption = `${d.idea.adoptedBy}-${d.idea.adoptedOn}-${d.idea.adoptionReference}`;

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
      {actionData?.intent === "enter" ? (
        <Alert type="warning">
          Er is nog niets opgeslagen. Kies de knop onder het onderdeel dat u wilt opslaan.{unsavedNote}
        </Alert>
      ) : null}

      {/* One form for every section, with a save button for each (name="intent"): pressing one never
          drops what was typed in another, without JavaScript too. */}
      <Form method="post" noValidate className="wmh-stack">
        {/* The default button: Enter in a text field saves nothing instead of the first section. */}
        <button type="submit" name="intent" value="enter" hidden tabIndex={-1} />
        <section aria-labelledby="stappen-titel" className="wmh-panel wmh-form">
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
          <SelectField
            key={`stap-${d.idea.processStep}`}
            name="processStep"
            label="Laatste afgeronde stap"
            required
            options={[
              { value: "0", label: "Nog geen stap afgerond" },
              ...BASISSTAPPEN.map((s) => ({ value: String(s.step), label: `Stap ${s.step}: ${s.staff}` })),
            ]}
            defaultValue={typed("processStep", String(d.idea.processStep))}
            error={errorsFor("step").processStep}
          />
          <SubmitButton variant="secondary" name="intent" value="step">
            Stap opslaan
          </SubmitButton>
        </section>

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
              key={`${q.key}-${planVersion}`}
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
            key={`ruimte-${partVersion}`}
            name="ruimte"
            label="Wat is de ruimte voor participatie? Valt er iets te kiezen?"
            rows={3}
            defaultValue={typed("ruimte", part?.ruimte)}
            error={errorsFor("participation").ruimte}
          />
          <TextArea
            key={`complexiteit-${partVersion}`}
            name="complexiteit"
            label="Hoe complex is het vraagstuk? Zijn er veel tegengestelde belangen?"
            rows={3}
            defaultValue={typed("complexiteit", part?.complexiteit)}
            error={errorsFor("participation").complexiteit}
          />
          <Heading level={3}>2. Doel bepalen</Heading>
          <ChoiceGroup
            key={`doelen-${partVersion}`}
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
            key={`toelichtingDoel-${partVersion}`}
            name="toelichtingDoel"
            label="Toelichting op het doel"
            rows={3}
            defaultValue={typed("toelichtingDoel", part?.toelichtingDoel)}
            error={errorsFor("participation").toelichtingDoel}
          />
          <Heading level={3}>3. Deelnemers en rollen bepalen</Heading>
          {Array.from({ length: PARTICIPANT_ROWS }, (_, i) => (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows (and the stored version)
              key={`${i}-${partVersion}`}
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
            >
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
          <ChoiceGroup
            key={`adoptedBy-${adoption}`}
            name="adoptedBy"
            required
            label="Vastgesteld door"
            options={[
              { value: "executive", label: "Het college" },
              { value: "council", label: "De gemeenteraad" },
            ]}
            defaultValue={typed(
              "adoptedBy",
              d.idea.adoptedBy ?? (d.idea.decider === "council" ? "council" : "executive"),
            )}
            error={errorsFor("adopt").adoptedBy}
          />
          <TextField
            key={`adoptedOn-${adoption}`}
            name="adoptedOn"
            type="date"
            required
            label="Datum van het besluit"
            defaultValue={typed("adoptedOn", d.idea.adoptedOn)}
            error={errorsFor("adopt").adoptedOn}
          />
          <TextField
            key={`adoptionReference-${adoption}`}
            name="adoptionReference"
            required
            label="Kenmerk van het besluit"
            defaultValue={typed("adoptionReference", d.idea.adoptionReference)}
            error={errorsFor("adopt").adoptionReference}
          />
          <SubmitButton name="intent" value="adopt">
            Vaststelling vastleggen
          </SubmitButton>
        </section>
      </Form>

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
