import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listInitiativesForStaff } from "~/domain/initiatives/staff-map.server";
import { statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { pageParam } from "~/lib/forms";
import { Alert, ButtonLink, DemoBadge, Heading, Pagination, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Initiatieven op de kaart - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.kaart._index"]);
  const url = new URL(request.url);
  const page = pageParam(url);
  return { ...(await listInitiativesForStaff(page)), page, saved: url.searchParams.get("opgeslagen") };
}

export default function StaffMapIndex() {
  const { rows, total, page, pageCount, saved } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Initiatieven op de kaart</Heading>
      {saved ? (
        <Alert type="ok">
          {saved === "import" ? "De initiatieven zijn geïmporteerd." : "Het initiatief is opgeslagen."}
        </Alert>
      ) : null}
      <Paragraph>
        Hier voegt u een initiatief toe dat niet via de quickscan binnenkwam, of past u aan wat op de website
        staat. Er zijn {total} initiatieven.
      </Paragraph>
      <p>
        <ButtonLink to="/beheer/kaart/nieuw">Initiatief toevoegen</ButtonLink>{" "}
        <ButtonLink to="/beheer/kaart/import" variant="secondary">
          Importeren uit CSV
        </ButtonLink>
      </p>
      <TableScroll label="Initiatieven, nieuwste wijziging eerst">
        <table className="utrecht-table">
          <caption className="wmh-visually-hidden">Initiatieven, nieuwste wijziging eerst</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Titel
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Thema
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Status
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Wijk
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Op de website
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Op de kaart
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr key={r.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link to={`/beheer/kaart/${r.id}`} className="utrecht-link">
                    {r.title}
                  </Link>{" "}
                  {r.isDemo ? <DemoBadge /> : null}
                </td>
                <td className="utrecht-table__cell">{themeLabel(r.theme)}</td>
                <td className="utrecht-table__cell">{statusLabel(r.status)}</td>
                <td className="utrecht-table__cell">{r.wijkCode ?? "—"}</td>
                <td className="utrecht-table__cell">
                  {r.published ? (r.featured ? "Ja, uitgelicht" : "Ja") : "Nee"}
                </td>
                <td className="utrecht-table__cell">{r.hasPoint ? "Ja" : "Nee"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} pageCount={pageCount} searchParams={searchParams} />
    </div>
  );
}
