import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { eventWhen } from "~/domain/events/event-mail.server";
import { eventIdParam, eventPages } from "~/domain/events/events.server";
import { registrationStatusLabels } from "~/domain/events/staff-events.server";
import { downloadResponse } from "~/lib/download";
import { Heading, Paragraph, TextLink } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Deelnemers - Beheer - Wij maken Heemstede" }];

/** The attendee list: a printable page, or with ?formaat=csv a formula-safe CSV download (audited). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.bijeenkomsten_.$id_.deelnemers"]);
  const id = eventIdParam(params.id);
  if (!id) throw new Response("Niet gevonden", { status: 404 });
  if (new URL(request.url).searchParams.get("formaat") === "csv") {
    const csv = await eventPages.attendeesCsv(user, id);
    if (csv === null) throw new Response("Niet gevonden", { status: 404 });
    return downloadResponse(csv, "text/csv; charset=utf-8", `deelnemers-bijeenkomst-${id}.csv`);
  }
  const found = await eventPages.staffEvent(id);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return {
    id,
    title: found.event.title,
    when: eventWhen(found.event),
    confirmedPeople: found.confirmedPeople,
    capacity: found.event.capacity,
    registrations: found.registrations.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      people: r.people,
      accessibility: r.accessibility,
      status: registrationStatusLabels[r.status],
    })),
  };
}

interface AttendeeList {
  id: number;
  title: string;
  when: string;
  confirmedPeople: number;
  capacity: number;
  registrations: {
    id: number;
    name: string;
    email: string;
    people: number;
    accessibility: string | null;
    status: string;
  }[];
}

export default function Attendees() {
  const d = useLoaderData<typeof loader>() as unknown as AttendeeList;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Deelnemers: {d.title}</Heading>
      <Paragraph>
        {d.when}. {d.confirmedPeople} van {d.capacity} plaatsen bezet.{" "}
        <span className="wmh-no-print">
          <TextLink to={`/beheer/bijeenkomsten/${d.id}`}>Terug naar de bijeenkomst</TextLink>
        </span>
      </Paragraph>
      <TableScroll label="Aanmeldingen in volgorde van aanmelden">
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">Aanmeldingen in volgorde van aanmelden</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">Naam</th>
              <th className="utrecht-table__header-cell">E-mailadres</th>
              <th className="utrecht-table__header-cell">Personen</th>
              <th className="utrecht-table__header-cell">Toegankelijkheid</th>
              <th className="utrecht-table__header-cell">Status</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {d.registrations.map((r) => (
              <tr key={r.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{r.name}</td>
                <td className="utrecht-table__cell">{r.email}</td>
                <td className="utrecht-table__cell">{r.people}</td>
                <td className="utrecht-table__cell">{r.accessibility ?? ""}</td>
                <td className="utrecht-table__cell">{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
