import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { newsState } from "~/domain/news/news";
import { staffNewsList } from "~/domain/news/news.server";
import { countPages, pageParam } from "~/lib/forms";
import { ButtonLink, DemoBadge, formatDateTime, Heading, Pagination, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Nieuws - Beheer" }];

const stateLabels = {
  draft: "Concept",
  scheduled: "Ingepland",
  published: "Gepubliceerd",
  withdrawn: "Teruggetrokken",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.nieuws._index"]);
  const page = pageParam(new URL(request.url));
  const { rows, total } = await staffNewsList(page);
  const now = new Date();
  return {
    page,
    pageCount: countPages(total, 25),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: stateLabels[newsState(r, now)],
      publishAt: r.publishAt?.toISOString() ?? null,
      projectTitle: r.projectTitle,
      isDemo: r.isDemo,
    })),
  };
}

export default function StaffNews() {
  const d = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Nieuws</Heading>
      <Paragraph>Berichten voor de pagina Actueel en de startpagina.</Paragraph>
      <ButtonLink to="/beheer/nieuws/nieuw">Nieuw bericht</ButtonLink>
      <TableScroll label="Alle nieuwsberichten">
        <table className="utrecht-table">
          <caption className="wmh-visually-hidden">Alle nieuwsberichten</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Titel
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Status
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Publicatie
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Project
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {d.rows.map((r) => (
              <tr key={r.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link to={`/beheer/nieuws/${r.id}`} className="utrecht-link">
                    {r.title}
                  </Link>{" "}
                  {r.isDemo ? <DemoBadge /> : null}
                </td>
                <td className="utrecht-table__cell">{r.state}</td>
                <td className="utrecht-table__cell">{r.publishAt ? formatDateTime(r.publishAt) : "-"}</td>
                <td className="utrecht-table__cell">{r.projectTitle ?? "-"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={d.page} pageCount={d.pageCount} searchParams={searchParams} />
    </div>
  );
}
