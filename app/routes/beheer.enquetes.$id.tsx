import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffProjects, staffSurvey } from "~/domain/surveys/admin.server";
import { surveyIdParam } from "~/domain/surveys/editor-route.server";
import { instantToAmsterdamLocal } from "~/lib/amsterdam-time";
import { formatDateTime } from "~/ui/content";
import { SurveyEditorContext } from "~/ui/surveys/editor-parts";
import surveysCss from "~/ui/surveys.css?url";

// The survey editor: this layout loads the survey once; each editor is a route of its own below it
// (overview, page, question, information block), plus the preview.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.definition.title ?? "Enquête"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id"]);
  const found = await staffSurvey(surveyIdParam(params));
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const projects = await staffProjects();
  const { survey } = found;
  return {
    survey: {
      id: survey.id,
      slug: survey.slug,
      status: survey.status,
      accessMode: survey.accessMode,
      projectId: survey.projectId,
      isDemo: survey.isDemo,
      opensAt: survey.opensAt ? instantToAmsterdamLocal(survey.opensAt) : "",
      closesAt: survey.closesAt ? instantToAmsterdamLocal(survey.closesAt) : "",
      closesAtText: survey.closesAt ? formatDateTime(survey.closesAt) : null,
    },
    definition: found.definition,
    version: found.current.version,
    currentIsPublished: found.currentIsPublished,
    publishedVersions: found.versions.filter((v) => v.publishedAt).map((v) => v.version),
    responseCount: found.responseCount,
    projects: projects.map((p) => ({ value: String(p.id), label: p.title })),
  };
}

export default function SurveyEditorLayout() {
  const d = useLoaderData<typeof loader>();
  const base = `/beheer/enquetes/${d.survey.id}`;
  return (
    <>
      <nav aria-label={`Enquête ${d.definition.title}`} className="wmh-editor-nav">
        <ul>
          <li>
            <NavLink to={base} end className="utrecht-link">
              Bewerken
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/voorbeeld`} className="utrecht-link">
              Voorbeeld
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/resultaten`} className="utrecht-link">
              Resultaten
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/limesurvey`} className="utrecht-link">
              Naar LimeSurvey
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/afdrukken`} className="utrecht-link">
              Afdrukken
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/papier`} className="utrecht-link">
              Papier invoeren
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/bureau`} className="utrecht-link">
              Import invoerbureau
            </NavLink>
          </li>
        </ul>
      </nav>
      <SurveyEditorContext.Provider value={d}>
        <Outlet />
      </SurveyEditorContext.Provider>
    </>
  );
}
