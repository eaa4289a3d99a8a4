import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { eventPages } from "~/domain/events/events.server";
import { ButtonLink, DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Bijeenkomsten - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.bijeenkomsten._index"]);
  return { events: await eventPages.staffList() };
}

export default function StaffEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Bijeenkomsten</Heading>
      <ButtonLink to="/beheer/bijeenkomsten/nieuw">Nieuwe bijeenkomst</ButtonLink>
      {events.length === 0 ? <Paragraph>Er zijn nog geen bijeenkomsten.</Paragraph> : null}
      <TableScroll label="Alle bijeenkomsten, nieuwste eerst">
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">Alle bijeenkomsten, nieuwste eerst</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">Bijeenkomst</th>
              <th className="utrecht-table__header-cell">Begint</th>
              <th className="utrecht-table__header-cell">Aangemeld</th>
              <th className="utrecht-table__header-cell">Wachtlijst</th>
              <th className="utrecht-table__header-cell">Status</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {events.map((e) => (
              <tr key={e.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link className="utrecht-link" to={`/beheer/bijeenkomsten/${e.id}`}>
                    {e.title}
                  </Link>{" "}
                  {e.isDemo ? <DemoBadge /> : null}
                </td>
                <td className="utrecht-table__cell">{formatDateTime(e.startsAt)}</td>
                <td className="utrecht-table__cell">
                  {e.confirmed} van {e.capacity}
                </td>
                <td className="utrecht-table__cell">{e.waiting}</td>
                <td className="utrecht-table__cell">
                  {e.status === "cancelled"
                    ? "Afgelast"
                    : e.registrationOpen
                      ? "Aanmelden open"
                      : "Aanmelden gesloten"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
