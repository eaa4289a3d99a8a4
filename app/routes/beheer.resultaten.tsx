import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listSurveysWithResponses } from "~/domain/insights/report.server";
import { DemoBadge, Heading, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Resultaten - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.resultaten"]);
  return { surveys: await listSurveysWithResponses() };
}

const statusLabels: Record<string, string> = { draft: "Concept", published: "Open", closed: "Gesloten" };

export default function Results() {
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Resultaten</Heading>
      <Paragraph>Kies een enquête om de resultaten te bekijken en de open antwoorden te coderen.</Paragraph>
      {surveys.length === 0 ? (
        <Paragraph>Er zijn nog geen enquêtes.</Paragraph>
      ) : (
        <TableScroll label="Enquêtes met het aantal ingestuurde antwoorden">
          <table className="utrecht-table">
            <caption className="wmh-visually-hidden">Enquêtes met het aantal ingestuurde antwoorden</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Enquête
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Project
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Ingestuurd
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {surveys.map((s) => (
                <tr key={s.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <Link to={`/beheer/enquetes/${s.id}/resultaten`} className="utrecht-link">
                      {s.title}
                    </Link>{" "}
                    {s.isDemo ? <DemoBadge /> : null}
                  </td>
                  <td className="utrecht-table__cell">{s.projectTitle ?? "–"}</td>
                  <td className="utrecht-table__cell">{statusLabels[s.status] ?? s.status}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
