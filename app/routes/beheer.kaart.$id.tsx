import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffInitiativeFields, staffInitiativeSchema } from "~/domain/initiatives/staff-initiative";
import { getInitiativeForStaff, updateInitiativeByStaff } from "~/domain/initiatives/staff-map.server";
import { statusOptions } from "~/domain/initiatives/statuses";
import { themeOptions } from "~/domain/initiatives/themes";
import { listWijkOptions } from "~/domain/places/wijken.server";
import { parseForm } from "~/lib/forms";
import { DemoBadge, Heading, Paragraph, TextLink } from "~/ui/content";
import { InitiativeForm } from "~/ui/map/initiative-form";

export const meta: MetaFunction = () => [{ title: "Initiatief bewerken - Beheer" }];

async function find(id: string | undefined) {
  const found = id ? await getInitiativeForStaff(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.kaart.$id"]);
  const [initiative, wijken] = await Promise.all([find(params.id), listWijkOptions()]);
  return { initiative, wijken };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.kaart.$id"]);
  const current = await find(params.id);
  const parsed = parseForm(staffInitiativeSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
  const d = parsed.data;
  await updateInitiativeByStaff(current.id, staffInitiativeFields(d), user);
  return redirect("/beheer/kaart?opgeslagen=1");
}

const decimal = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

export default function EditInitiative() {
  const { initiative: i, wijken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {
    titel: i.title ?? i.internalTitle,
    samenvatting: i.summary ?? "",
    thema: i.theme,
    status: i.status,
    breedtegraad: decimal(i.lat),
    lengtegraad: decimal(i.lng),
    wijk: i.wijkCode ?? "",
    gepubliceerd: i.published ? "ja" : "",
    uitgelicht: i.featured ? "ja" : "",
  };
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/kaart">Terug naar de initiatieven</TextLink>
      </p>
      <Heading level={1}>Initiatief bewerken {i.isDemo ? <DemoBadge /> : null}</Heading>
      <Paragraph>
        U past aan wat op de website staat. De gegevens van de initiatiefnemer en de interne beschrijving
        blijven zoals ze zijn.
      </Paragraph>
      <InitiativeForm
        values={values}
        errors={result?.errors}
        themes={themeOptions()}
        statuses={statusOptions()}
        wijken={wijken}
        withInitiator={false}
        submitLabel="Wijzigingen opslaan"
      />
    </div>
  );
}
