import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { publications } from "~/domain/heard/heard.server";
import { formatDateTime, Heading, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Wat we hebben gehoord - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.openbare-resultaten._index"]);
  const rows = await publications();
  return {
    surveys: rows.map((r) => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null })),
  };
}

export default function PublicResultsIndex() {
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Wat we hebben gehoord</Heading>
      <Paragraph>
        Kies welke resultaten van een enquête iedereen mag zien op de website, en schrijf wat de gemeente
        ermee doet. Aantallen onder de 10 en losse antwoorden komen nooit op de openbare pagina.
      </Paragraph>
      {surveys.length === 0 ? (
        <Paragraph>Er zijn nog geen enquêtes die open zijn geweest.</Paragraph>
      ) : (
        <TableScroll label="Enquêtes en hun openbare resultaten">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">Enquêtes en hun openbare resultaten</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Enquête
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Project
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Ingestuurd
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Openbaar
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {surveys.map((s) => (
                <tr key={s.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <Link to={`/beheer/openbare-resultaten/${s.id}`} className="utrecht-link">
                      {s.title}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell">{s.projectTitle ?? "–"}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.submitted}</td>
                  <td className="utrecht-table__cell">
                    {s.publishedAt ? `Ja, sinds ${formatDateTime(s.publishedAt)}` : "Nee"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
