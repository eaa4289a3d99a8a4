import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listProjectsWithSurveys } from "~/domain/insights/report.server";
import { DemoBadge, Heading, Paragraph } from "~/ui/content";

export const meta: MetaFunction = () => [{ title: "Woonvisie-input - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.woonvisie-input"]);
  return { projects: await listProjectsWithSurveys() };
}

export default function WoonvisieInputProjects() {
  const { projects } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Woonvisie-input</Heading>
      <Paragraph>
        Per project één rapport voor de gemeenteraad: de resultaten van de enquêtes, de gecodeerde open
        antwoorden en de inbreng uit de andere sporen (bewonersavond, werkgroep Samen Besluiten,
        woningcorporaties, huurdersorganisaties en andere stakeholders), geordend naar de vijf thema's.
      </Paragraph>
      {projects.length === 0 ? (
        <Paragraph>Er zijn nog geen projecten.</Paragraph>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.id}>
              <Link to={`/beheer/woonvisie-input/${p.id}`} className="utrecht-link">
                {p.title}
              </Link>{" "}
              {p.isDemo ? <DemoBadge /> : null} ({p.surveys} {p.surveys === 1 ? "enquête" : "enquêtes"},{" "}
              {p.inputItems} {p.inputItems === 1 ? "inbreng" : "inbrengen"} uit andere sporen)
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
