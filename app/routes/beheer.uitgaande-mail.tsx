import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { outboxStatusLabels } from "~/domain/platform/outbox";
import { listOutbox, listOutboxKinds } from "~/domain/platform/outbox.server";
import { countPages, pageParam } from "~/lib/forms";
import { mailKindLabel } from "~/lib/mail-kinds";
import { formatDateTime, Heading, Pagination, Paragraph } from "~/ui/content";
import { SelectField, SubmitButton, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Uitgaande mail - Beheer - Wij maken Heemstede" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.uitgaande-mail"]);
  const url = new URL(request.url);
  const kind = (url.searchParams.get("soort") ?? "").trim().slice(0, 100);
  const to = (url.searchParams.get("aan") ?? "").trim().slice(0, 254);
  const page = pageParam(url);
  const [kinds, { rows, total }] = await Promise.all([
    listOutboxKinds(),
    listOutbox({ kind: kind || undefined, to: to || undefined, page, pageSize: PAGE_SIZE }),
  ]);
  return {
    kinds: kinds.map((k) => ({ value: k, label: mailKindLabel(k) })),
    values: { soort: kind, aan: to },
    rows,
    total,
    page,
    pageCount: countPages(total, PAGE_SIZE),
  };
}

export default function Outbox() {
  const { kinds, values, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Uitgaande mail</Heading>
      <Paragraph>
        Alle e-mails die de website verstuurt. Is er geen mailserver ingesteld, dan blijven ze hier bewaard en
        kunt u ze hier lezen. Persoonlijke links en codes ziet u niet, en ook niet de adressen van leden van
        het digipanel.
      </Paragraph>
      <Form method="get" className="wmh-filters" aria-label="Filters">
        <SelectField
          name="soort"
          label="Soort"
          options={kinds}
          placeholder="Alle soorten"
          defaultValue={values.soort}
        />
        <TextField name="aan" type="search" label="Ontvanger" defaultValue={values.aan} />
        <SubmitButton variant="secondary">Filteren</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">{total === 1 ? "1 e-mail gevonden" : `${total} e-mails gevonden`}</p>
      {rows.length === 0 ? (
        <Paragraph>Geen e-mails gevonden.</Paragraph>
      ) : (
        <TableScroll label="Uitgaande e-mails, nieuwste eerst">
          <table className="utrecht-table">
            <caption className="wmh-visually-hidden">Uitgaande e-mails, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Aangemaakt
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Aan
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Onderwerp
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Soort
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((m) => (
                <tr key={m.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDateTime(m.createdAt)}</td>
                  <td className="utrecht-table__cell">{m.to}</td>
                  <td className="utrecht-table__cell">
                    <Link to={`/beheer/uitgaande-mail/${m.id}`} className="utrecht-link">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell">{mailKindLabel(m.kind)}</td>
                  <td className="utrecht-table__cell">{outboxStatusLabels[m.status] ?? m.status}</td>
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
