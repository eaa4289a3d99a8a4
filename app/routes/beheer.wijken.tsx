import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { parseWijkenGeoJson } from "~/domain/places/geo";
import { importWijken, listWijkenForAdmin } from "~/domain/places/wijken.server";
import { Alert, DemoBadge, formatDate, Heading, Paragraph } from "~/ui/content";
import { SubmitButton } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Wijken - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.wijken"]);
  return { wijken: await listWijkenForAdmin() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.wijken"]);
  const file = (await request.formData()).get("bestand");
  if (!file || typeof file === "string" || file.size === 0)
    return data({ errors: ["Kies een GeoJSON-bestand."], imported: 0, reassigned: 0 }, 400);
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return data(
      {
        errors: ["Het bestand is geen geldige JSON. Exporteer het opnieuw als GeoJSON."],
        imported: 0,
        reassigned: 0,
      },
      400,
    );
  }
  const parsed = parseWijkenGeoJson(json);
  if (parsed.errors.length) return data({ errors: parsed.errors, imported: 0, reassigned: 0 }, 400);
  const result = await importWijken(parsed.areas, user);
  return { errors: [] as string[], ...result };
}

export default function StaffWijken() {
  const { wijken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Wijken en buurten</Heading>
      <Paragraph>
        Met de grenzen van wijken en buurten bepalen wij in welke wijk een initiatief ligt. Importeer de
        grenzen als GeoJSON uit de wijk- en buurtkaart van het CBS, in EPSG:4326 (lengte- en breedtegraden).
        Wij lezen de eigenschappen wijkcode en wijknaam, of buurtcode, buurtnaam en wijkcode (ook WK_CODE,
        WK_NAAM, BU_CODE en BU_NAAM). Een bestaande code wordt bijgewerkt.
      </Paragraph>
      {result?.errors.length ? (
        <div className="wmh-error-summary" role="alert" tabIndex={-1} aria-labelledby="wijkfouten">
          <h2 id="wijkfouten" className="utrecht-heading-2">
            Het bestand is niet geïmporteerd
          </h2>
          <ul>
            {result.errors.slice(0, 50).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : result ? (
        <Alert type="ok">
          {result.imported} wijken en buurten geïmporteerd. Bij {result.reassigned} initiatieven is de wijk
          opnieuw bepaald.
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="wmh-form wmh-stack">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="veld-bestand">
              GeoJSON-bestand
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id="veld-bestand"
              name="bestand"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
            />
          </div>
        </div>
        <SubmitButton>Grenzen importeren</SubmitButton>
      </Form>
      <TableScroll label="Wijken en buurten">
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">Wijken en buurten</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Code
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Naam
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Soort
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Grens
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Initiatieven
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Bijgewerkt
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {wijken.map((w) => (
              <tr key={w.code} className="utrecht-table__row">
                <td className="utrecht-table__cell">{w.code}</td>
                <td className="utrecht-table__cell">
                  {w.name} {w.isDemo ? <DemoBadge /> : null}
                </td>
                <td className="utrecht-table__cell">
                  {w.kind === "wijk" ? "Wijk" : `Buurt in ${w.parentCode ?? "?"}`}
                </td>
                <td className="utrecht-table__cell">
                  {w.hasBoundary ? (w.isDemo ? "Ja (voorbeeldgrens)" : "Ja") : "Nee"}
                </td>
                <td className="utrecht-table__cell">{w.initiativeCount}</td>
                <td className="utrecht-table__cell">{formatDate(w.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
