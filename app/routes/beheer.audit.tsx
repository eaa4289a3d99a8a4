import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { describeAction, describeDetails, entityLabels } from "~/domain/audit/actions";
import { listAudit, listAuditActions } from "~/domain/audit/audit.server";
import { auditFilterSchema, dayRange } from "~/domain/audit/filters";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listStaffUsers } from "~/domain/auth/staff-users.server";
import { statusLabel } from "~/domain/initiatives/statuses";
import { countPages, firstErrors, pageParam } from "~/lib/forms";
import { formatDateTime, Heading, Pagination, Paragraph } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Auditlog - Beheer - Wij maken Heemstede" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.audit"]);
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams);
  const parsed = auditFilterSchema.safeParse(raw);
  // A wrong date is shown at its field; the other filters still apply.
  const filter = parsed.success ? parsed.data : {};
  const errors = parsed.success ? {} : firstErrors(parsed.error);
  const page = pageParam(url);
  const [users, actions, result] = await Promise.all([
    listStaffUsers(),
    listAuditActions(),
    listAudit({
      actorId: filter.gebruiker || undefined,
      action: filter.actie || undefined,
      ...dayRange(filter.van, filter.tot),
      page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  return {
    users: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    actions: actions.map((a) => ({ value: a, label: describeAction(a) })),
    values: {
      gebruiker: raw.gebruiker ?? "",
      actie: raw.actie ?? "",
      van: raw.van ?? "",
      tot: raw.tot ?? "",
    },
    errors,
    rows: result.rows,
    total: result.total,
    page,
    pageCount: countPages(result.total, PAGE_SIZE),
  };
}

export default function AuditLog() {
  const { users, actions, values, errors, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Auditlog</Heading>
      <Paragraph>
        Wie heeft wat gewijzigd, en wanneer. Het auditlog kan niet worden aangepast. Tijden zijn Nederlandse
        tijd.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="get" className="wmh-filters" aria-label="Filters">
        <SelectField
          name="gebruiker"
          label="Gebruiker"
          options={users}
          placeholder="Alle gebruikers"
          defaultValue={values.gebruiker}
        />
        <SelectField
          name="actie"
          label="Actie"
          options={actions}
          placeholder="Alle acties"
          defaultValue={values.actie}
        />
        <TextField name="van" type="date" label="Vanaf" defaultValue={values.van} error={errors.van} />
        <TextField name="tot" type="date" label="Tot en met" defaultValue={values.tot} error={errors.tot} />
        <SubmitButton variant="secondary">Filteren</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">{total === 1 ? "1 regel gevonden" : `${total} regels gevonden`}</p>
      {rows.length === 0 ? (
        <Paragraph>Geen regels gevonden.</Paragraph>
      ) : (
        <TableScroll label="Auditlog, nieuwste eerst">
          <table className="utrecht-table">
            <caption className="wmh-visually-hidden">Auditlog, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Tijdstip
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Gebruiker
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Actie
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Onderwerp
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr key={r.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDateTime(r.at)}</td>
                  <td className="utrecht-table__cell">{r.actorName ?? r.actorEmail ?? "Systeem"}</td>
                  <td className="utrecht-table__cell">{describeAction(r.action)}</td>
                  <td className="utrecht-table__cell">
                    {entityLabels[r.entityType] ?? r.entityType}
                    {r.entityId ? ` ${r.entityId}` : ""}
                  </td>
                  <td className="utrecht-table__cell">
                    {describeDetails(
                      r.details,
                      r.action === "initiative.status_changed" ? statusLabel : undefined,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pageCount={pageCount} searchParams={searchParams} />
    </div>
  );
}
