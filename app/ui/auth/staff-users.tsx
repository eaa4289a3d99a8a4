import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { roleLabels, roles } from "~/domain/auth/roles";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { str } from "~/lib/forms";
import type { loader } from "~/routes/beheer.gebruikers";
import { Alert, DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";

// The parts of the staff users page (routes/beheer.gebruikers): one row per user with its own forms
// (roles, the partner's organisation, switching the account off or on) and inviting a colleague.

type PageData = SerializeFrom<typeof loader>;
type User = PageData["users"][number];
type Partners = PageData["partners"];

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

function RolesForm({ user: u }: { user: User }) {
  return (
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
  );
}

/** For a partner: the organisation on whose behalf they update the monitor. */
function OrganisationForm({
  user: u,
  organisations,
  linked,
  error,
}: {
  user: User;
  organisations: Partners["organisations"];
  linked: string;
  error: string | undefined;
}) {
  return (
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
        options={organisations}
        defaultValue={linked}
        error={error}
      />
      <SubmitButton variant="secondary">
        Organisatie opslaan<span className="wmh-visually-hidden"> van {u.name}</span>
      </SubmitButton>
    </Form>
  );
}

function ActiveForm({ user: u }: { user: User }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="set_active" />
      <input type="hidden" name="userId" value={u.id} />
      <input type="hidden" name="active" value={u.active ? "nee" : "ja"} />
      <SubmitButton variant="secondary">
        {u.active ? "Account uitzetten" : "Account weer aanzetten"}
        <span className="wmh-visually-hidden"> van {u.name}</span>
      </SubmitButton>
    </Form>
  );
}

/** The folded-out changes of one user, with the row's error if the last change failed. */
function UserActions({
  user: u,
  me,
  partners,
  rowError,
  organisationError,
}: {
  user: User;
  me: string;
  partners: Partners;
  rowError: string | null;
  organisationError: string | undefined;
}) {
  return (
    <details className="wmh-row-actions" open={!!rowError}>
      <summary>
        Wijzigen<span className="wmh-visually-hidden">: {u.name}</span>
      </summary>
      {rowError ? <Alert type="error">{rowError}</Alert> : null}
      <RolesForm user={u} />
      {u.roles.includes("partner") ? (
        <OrganisationForm
          user={u}
          organisations={partners.organisations}
          linked={partners.links[u.id] ?? ""}
          error={organisationError}
        />
      ) : null}
      {u.id === me ? (
        <p className="utrecht-paragraph">U kunt uw eigen account niet uitzetten.</p>
      ) : (
        <ActiveForm user={u} />
      )}
    </details>
  );
}

/** One user: name, address, roles (and a partner's organisation), status, last login and changes. */
export function UserRow({
  user: u,
  me,
  partners,
  organisationName,
  rowError,
  organisationError,
}: {
  user: User;
  me: string;
  partners: Partners;
  organisationName: Record<string, string>;
  rowError: string | null;
  organisationError: string | undefined;
}) {
  const status = !u.active ? "Staat uit" : u.invited ? "Uitgenodigd, nog geen wachtwoord gekozen" : "Actief";
  return (
    <tr className="utrecht-table__row">
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
      <td className="utrecht-table__cell">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Nog nooit"}</td>
      <td className="utrecht-table__cell">
        <UserActions
          user={u}
          me={me}
          partners={partners}
          rowError={rowError}
          organisationError={organisationError}
        />
      </td>
    </tr>
  );
}

/** Inviting a colleague: name, address and roles. */
export function InviteSection({ errors, values }: { errors: FieldErrors; values: FormValues | undefined }) {
  return (
    <section aria-labelledby="uitnodigen" className="wmh-form">
      <Heading level={2} id="uitnodigen">
        Een collega uitnodigen
      </Heading>
      <Paragraph>
        De collega krijgt een e-mail met een link. Daarmee kiest hij of zij binnen 7 dagen een wachtwoord.
      </Paragraph>
      <ErrorSummary errors={errors} fieldIds={{ roles: "veld-roles" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="name"
          label="Naam"
          autoComplete="off"
          required
          defaultValue={str(values, "name")}
          error={errors.name}
        />
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="off"
          required
          defaultValue={str(values, "email")}
          error={errors.email}
        />
        <ChoiceGroup
          name="roles"
          multiple
          required
          label="Rollen"
          options={roleOptions}
          defaultValue={values?.roles}
          error={errors.roles}
        />
        <SubmitButton>Uitnodiging versturen</SubmitButton>
      </Form>
    </section>
  );
}
