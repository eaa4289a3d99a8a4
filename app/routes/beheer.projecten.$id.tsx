import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { postProject, staffProject } from "~/domain/projects/admin.server";
import { projectSavedMessage } from "~/domain/projects/labels";
import { currentPhase } from "~/domain/projects/phases";
import { amsterdamDay } from "~/lib/amsterdam-time";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary } from "~/ui/form";
import informedCss from "~/ui/informed.css?url";
import { type Feedback, PhasesSection, ProjectDetailsForm } from "~/ui/projects/staff-project";

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
  const feedback = (intent: string): Feedback => ({
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
        <ProjectDetailsForm
          project={project}
          p={p}
          themes={
            posted?.intent === "project" ? ((posted.values as FormValues).themes as string[]) : project.themes
          }
        />
      </section>
      <PhasesSection phases={d.phases} surveys={d.surveys} feedback={feedback} add={add} />
    </div>
  );
}
