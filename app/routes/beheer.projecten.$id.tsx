import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { postProject, staffProject } from "~/domain/projects/admin.server";
import { projectSavedMessage, projectStatusLabels, projectThemeOptions } from "~/domain/projects/labels";
import { amsterdamDay, currentPhase } from "~/domain/projects/phases";
import { projectStatuses } from "~/domain/projects/status";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import informedCss from "~/ui/informed.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: informedCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.project.title ?? "Project"} - Projecten - Beheer` },
];

const idOf = (raw: string | undefined) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Dit project bestaat niet", { status: 404 });
  return id;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.projecten.$id"]);
  const found = await staffProject(idOf(params.id));
  if (!found) throw new Response("Dit project bestaat niet", { status: 404 });
  const current = currentPhase(found.phases, amsterdamDay());
  return {
    saved: projectSavedMessage(new URL(request.url).searchParams.get("opgeslagen")),
    project: found.project,
    phases: found.phases.map((p) => ({
      ...p,
      isCurrent: p.id === current?.id,
      surveyIds: found.links.filter((l) => l.phaseId === p.id).map((l) => String(l.surveyId)),
    })),
    surveys: found.surveys.map((s) => ({
      value: String(s.id),
      label: s.status === "draft" ? `${s.title} (concept)` : s.title,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.projecten.$id"]);
  const id = idOf(params.id);
  const outcome = await postProject(user, id, await request.formData());
  if (outcome.ok) throw redirect(`/beheer/projecten/${id}?opgeslagen=${outcome.saved}`);
  if (outcome.status === 404) throw new Response("Dit project of deze fase bestaat niet", { status: 404 });
  return data({ intent: outcome.intent, errors: outcome.errors, values: outcome.values }, { status: 400 });
}

/** Error-summary targets of the phase forms, whose fields carry a per-phase id. */
function fieldIdsFor(intent: string | undefined): Record<string, string> | undefined {
  if (!intent?.startsWith("phase-")) return undefined;
  const prefix = intent === "phase-add-" ? "nieuw" : `fase-${intent.replace("phase-update-", "")}`;
  return Object.fromEntries(
    ["title", "description", "startsOn", "endsOn", "surveys"].map((k) => [k, `${prefix}-${k}`]),
  );
}

export default function StaffProject() {
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const feedback = (intent: string) => ({
    errors: (posted?.intent === intent ? posted.errors : {}) as FieldErrors,
    v: (key: string, fallback: string | null | undefined) =>
      posted?.intent === intent ? (str(posted.values as FormValues, key) ?? "") : (fallback ?? ""),
  });
  const p = feedback("project");
  const add = feedback("phase-add-");
  const { project } = d;
  return (
    <div className="wmh-stack wmh-form">
      <p>
        <Link to="/beheer/projecten" className="utrecht-link">
          Terug naar projecten
        </Link>
      </p>
      <Heading level={1}>{project.title}</Heading>
      {d.saved ? (
        <Alert type="ok" role="status">
          {d.saved}
        </Alert>
      ) : null}
      {project.status !== "draft" ? (
        <Paragraph>
          <Link to={`/meedenken/${project.slug}`} className="utrecht-link">
            Bekijk de pagina voor inwoners
          </Link>
        </Paragraph>
      ) : null}
      <ErrorSummary
        errors={posted?.errors as FieldErrors | undefined}
        fieldIds={fieldIdsFor(posted?.intent)}
      />
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          Gegevens
        </Heading>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="project" />
          <TextField
            name="title"
            label="Naam"
            required
            defaultValue={p.v("title", project.title)}
            error={p.errors.title}
          />
          <TextArea
            name="summary"
            label="Samenvatting"
            required
            rows={3}
            defaultValue={p.v("summary", project.summary)}
            error={p.errors.summary}
          />
          <TextArea
            name="description"
            label="Beschrijving"
            rows={5}
            defaultValue={p.v("description", project.description)}
            error={p.errors.description}
          />
          <SelectField
            name="status"
            label="Status"
            required
            options={projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] }))}
            defaultValue={p.v("status", project.status)}
            error={p.errors.status}
          />
          <TextField
            name="contactEmail"
            type="email"
            label="E-mailadres van het projectteam"
            description="Een teammailbox, geen persoonlijk adres."
            defaultValue={p.v("contactEmail", project.contactEmail)}
            error={p.errors.contactEmail}
          />
          <ChoiceGroup
            name="themes"
            label="Thema's"
            multiple
            options={projectThemeOptions}
            defaultValue={
              posted?.intent === "project"
                ? ((posted.values as FormValues).themes as string[])
                : project.themes
            }
            error={p.errors.themes}
          />
          <SubmitButton>Project opslaan</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="fasen">
        <Heading level={2} id="fasen">
          Fasen
        </Heading>
        <Paragraph>
          De huidige fase volgt de data: de laatste fase die begonnen is. Zet een fase vast als de planning
          anders loopt.
        </Paragraph>
        <ol className="wmh-plain-list">
          {d.phases.map((phase) => {
            const f = feedback(`phase-update-${phase.id}`);
            const prefix = `fase-${phase.id}`;
            return (
              <li key={phase.id} className="wmh-card">
                <Heading level={3}>
                  {phase.position}. {phase.title}
                  {phase.isCurrent ? " (huidige fase)" : ""}
                  {phase.pinned ? " (vastgezet)" : ""}
                </Heading>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="phase-update" />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <TextField
                    id={`${prefix}-title`}
                    name="title"
                    label="Naam"
                    required
                    defaultValue={f.v("title", phase.title)}
                    error={f.errors.title}
                  />
                  <TextArea
                    id={`${prefix}-description`}
                    name="description"
                    label="Beschrijving"
                    rows={3}
                    defaultValue={f.v("description", phase.description)}
                    error={f.errors.description}
                  />
                  <TextField
                    id={`${prefix}-startsOn`}
                    name="startsOn"
                    type="date"
                    label="Begindatum"
                    defaultValue={f.v("startsOn", phase.startsOn)}
                    error={f.errors.startsOn}
                  />
                  <TextField
                    id={`${prefix}-endsOn`}
                    name="endsOn"
                    type="date"
                    label="Einddatum"
                    defaultValue={f.v("endsOn", phase.endsOn)}
                    error={f.errors.endsOn}
                  />
                  {d.surveys.length ? (
                    <ChoiceGroup
                      id={`${prefix}-surveys`}
                      name="surveys"
                      label="Enquêtes bij deze fase"
                      description="De projectpagina toont deze enquêtes bij deze fase."
                      multiple
                      options={d.surveys}
                      defaultValue={phase.surveyIds}
                      error={f.errors.surveys}
                    />
                  ) : null}
                  <SubmitButton variant="secondary">Fase opslaan</SubmitButton>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value={phase.pinned ? "phase-unpin" : "phase-pin"} />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <SubmitButton variant="subtle">
                    {phase.pinned
                      ? "Losmaken: de data bepalen de huidige fase"
                      : "Vastzetten als huidige fase"}
                  </SubmitButton>
                </Form>
              </li>
            );
          })}
        </ol>
        <Heading level={3}>Fase toevoegen</Heading>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="phase-add" />
          <TextField
            id="nieuw-title"
            name="title"
            label="Naam"
            required
            defaultValue={add.v("title", "")}
            error={add.errors.title}
          />
          <TextArea
            id="nieuw-description"
            name="description"
            label="Beschrijving"
            rows={3}
            defaultValue={add.v("description", "")}
            error={add.errors.description}
          />
          <TextField
            id="nieuw-startsOn"
            name="startsOn"
            type="date"
            label="Begindatum"
            defaultValue={add.v("startsOn", "")}
            error={add.errors.startsOn}
          />
          <TextField
            id="nieuw-endsOn"
            name="endsOn"
            type="date"
            label="Einddatum"
            defaultValue={add.v("endsOn", "")}
            error={add.errors.endsOn}
          />
          <SubmitButton variant="secondary">Fase toevoegen</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
