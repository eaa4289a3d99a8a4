import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffInitiativeFields, staffInitiativeSchema } from "~/domain/initiatives/staff-initiative";
import { createInitiativeByStaff } from "~/domain/initiatives/staff-map.server";
import { statusOptions } from "~/domain/initiatives/statuses";
import { themeOptions } from "~/domain/initiatives/themes";
import { listWijkOptions } from "~/domain/places/wijken.server";
import { parseForm } from "~/lib/forms";
import { Heading, TextLink } from "~/ui/content";
import { InitiativeForm } from "~/ui/map/initiative-form";

export const meta: MetaFunction = () => [{ title: "Initiatief toevoegen - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.kaart.nieuw"]);
  return { wijken: await listWijkOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.kaart.nieuw"]);
  const parsed = parseForm(staffInitiativeSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
  const d = parsed.data;
  await createInitiativeByStaff(
    {
      ...staffInitiativeFields(d),
      initiatorName: d.naam ?? null,
      initiatorEmail: d.email,
    },
    user,
  );
  return redirect("/beheer/kaart?opgeslagen=1");
}

export default function NewInitiative() {
  const { wijken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/kaart">Terug naar de initiatieven</TextLink>
      </p>
      <Heading level={1}>Initiatief toevoegen</Heading>
      <InitiativeForm
        values={result?.values ?? { gepubliceerd: "ja", status: "in_execution" }}
        errors={result?.errors}
        themes={themeOptions()}
        statuses={statusOptions()}
        wijken={wijken}
        withInitiator
        submitLabel="Initiatief opslaan"
      />
    </div>
  );
}
