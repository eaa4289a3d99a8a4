import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { roleLabels, roles, staffAccess } from "~/domain/auth/roles";
import { listStaffUsers } from "~/domain/auth/staff-users.server";
import { handleStaffUsersPost } from "~/domain/auth/staff-users-form.server";
import { linkPartnerAction, partnerLinksPage } from "~/domain/monitor/pages.server";
import { type FieldErrors, str } from "~/lib/forms";
import { Alert, DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Gebruikers - Beheer - Wij maken Heemstede" }];

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

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
              const status = !u.active
                ? "Staat uit"
                : u.invited
                  ? "Uitgenodigd, nog geen wachtwoord gekozen"
                  : "Actief";
              const rowError = rowMessage?.userId === u.id && !rowMessage.ok ? rowMessage.message : null;
              return (
                <tr key={u.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {u.name} {u.isDemo ? <DemoBadge /> : null}
                  </th>
                  <td className="utrecht-table__cell">{u.email}</td>
                  <td className="utrecht-table__cell">
                    {u.roles.map((r) => roleLabels[r]).join(", ") || "Geen"}
                    {u.roles.includes("partner") ? (
                      <p className="utrecht-paragraph wmh-meta">
                        {partners.links[u.id]
                          ? `Namens ${organisationName[partners.links[u.id]!] ?? partners.links[u.id]}`
                          : "Nog niet aan een organisatie gekoppeld: kan nog niets bijwerken"}
                      </p>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell">{status}</td>
                  <td className="utrecht-table__cell">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Nog nooit"}
                  </td>
                  <td className="utrecht-table__cell">
                    <details className="wmh-row-actions" open={!!rowError}>
                      <summary>
                        Wijzigen<span className="wmh-visually-hidden">: {u.name}</span>
                      </summary>
                      {rowError ? <Alert type="error">{rowError}</Alert> : null}
                      <Form method="post">
                        <input type="hidden" name="intent" value="change_roles" />
                        <input type="hidden" name="userId" value={u.id} />
                        <ChoiceGroup
                          id={`rollen-${u.id}`}
                          name="roles"
                          multiple
                          required
                          label={
                            <>
                              Rollen<span className="wmh-visually-hidden"> van {u.name}</span>
                            </>
                          }
                          options={roleOptions}
                          defaultValue={u.roles}
                        />
                        <SubmitButton variant="secondary">
                          Rollen opslaan<span className="wmh-visually-hidden"> van {u.name}</span>
                        </SubmitButton>
                      </Form>
                      {u.roles.includes("partner") ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="link_organisation" />
                          <input type="hidden" name="userId" value={u.id} />
                          <SelectField
                            id={`organisatie-${u.id}`}
                            name="organisatie"
                            label={
                              <>
                                Organisatie<span className="wmh-visually-hidden"> van {u.name}</span>
                              </>
                            }
                            description="De partner werkt namens deze organisatie in de monitor prestatieafspraken."
                            required
                            placeholder="Geen organisatie"
                            options={partners.organisations}
                            defaultValue={partners.links[u.id] ?? ""}
                            error={
                              rowMessage?.intent === "link_organisation" && rowError
                                ? (rowMessage.message ?? undefined)
                                : undefined
                            }
                          />
                          <SubmitButton variant="secondary">
                            Organisatie opslaan<span className="wmh-visually-hidden"> van {u.name}</span>
                          </SubmitButton>
                        </Form>
                      ) : null}
                      {u.id === me ? (
                        <p className="utrecht-paragraph">U kunt uw eigen account niet uitzetten.</p>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="set_active" />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="active" value={u.active ? "nee" : "ja"} />
                          <SubmitButton variant="secondary">
                            {u.active ? "Account uitzetten" : "Account weer aanzetten"}
                            <span className="wmh-visually-hidden"> van {u.name}</span>
                          </SubmitButton>
                        </Form>
                      )}
                    </details>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="uitnodigen" className="wmh-form">
        <Heading level={2} id="uitnodigen">
          Een collega uitnodigen
        </Heading>
        <Paragraph>
          De collega krijgt een e-mail met een link. Daarmee kiest hij of zij binnen 7 dagen een wachtwoord.
        </Paragraph>
        <ErrorSummary errors={inviteErrors} fieldIds={{ roles: "veld-roles" }} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="name"
            label="Naam"
            autoComplete="off"
            required
            defaultValue={str(inviteValues, "name")}
            error={inviteErrors.name}
          />
          <TextField
            name="email"
            type="email"
            label="E-mailadres"
            autoComplete="off"
            required
            defaultValue={str(inviteValues, "email")}
            error={inviteErrors.email}
          />
          <ChoiceGroup
            name="roles"
            multiple
            required
            label="Rollen"
            options={roleOptions}
            defaultValue={inviteValues?.roles}
            error={inviteErrors.roles}
          />
          <SubmitButton>Uitnodiging versturen</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
