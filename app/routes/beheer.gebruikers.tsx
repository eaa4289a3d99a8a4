import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listStaffUsers } from "~/domain/auth/staff-users.server";
import { handleStaffUsersPost } from "~/domain/auth/staff-users-form.server";
import { linkPartnerAction, partnerLinksPage } from "~/domain/monitor/pages.server";
import type { FieldErrors } from "~/lib/forms";
import { InviteSection, UserRow } from "~/ui/auth/staff-users";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Gebruikers - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.gebruikers"]);
  const [users, partners] = await Promise.all([listStaffUsers(), partnerLinksPage()]);
  return { me: user.id, users, partners };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, staffAccess["beheer.gebruikers"]);
  const form = await request.formData();
  const { status, ...result } =
    form.get("intent") === "link_organisation"
      ? await linkPartnerAction(actor, form)
      : await handleStaffUsersPost(actor, form);
  return data(result, { status });
}

export default function StaffUsers() {
  const { me, users, partners } = useLoaderData<typeof loader>();
  const organisationName = Object.fromEntries(partners.organisations.map((o) => [o.value, o.label]));
  const actionData = useActionData<typeof action>();
  const inviteErrors: FieldErrors = actionData?.intent === "invite" ? actionData.errors : {};
  const inviteValues = actionData?.intent === "invite" && !actionData.ok ? actionData.values : undefined;
  const rowMessage = actionData && actionData.intent !== "invite" ? actionData : null;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Gebruikers</Heading>
      <Paragraph>
        Medewerkers met een account voor het beheer. Iedere wijziging komt in het auditlog. Wie uit staat of
        andere rollen krijgt, wordt meteen uitgelogd.
      </Paragraph>
      {actionData?.ok && actionData.message ? <Alert type="ok">{actionData.message}</Alert> : null}
      {rowMessage && !rowMessage.ok && !users.some((u) => u.id === rowMessage.userId) ? (
        <Alert type="error">{rowMessage.message}</Alert>
      ) : null}

      <TableScroll label="Alle gebruikers">
        <table className="utrecht-table">
          <caption className="wmh-visually-hidden">Alle gebruikers</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {["Naam", "E-mailadres", "Rollen", "Status", "Laatst ingelogd", "Wijzigen"].map((h) => (
                <th key={h} scope="col" className="utrecht-table__header-cell">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {users.map((u) => {
              const rowError = rowMessage?.userId === u.id && !rowMessage.ok ? rowMessage.message : null;
              return (
                <UserRow
                  key={u.id}
                  user={u}
                  me={me}
                  partners={partners}
                  organisationName={organisationName}
                  rowError={rowError}
                  organisationError={
                    rowMessage?.intent === "link_organisation" && rowError
                      ? (rowMessage.message ?? undefined)
                      : undefined
                  }
                />
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <InviteSection errors={inviteErrors} values={inviteValues} />
    </div>
  );
}
