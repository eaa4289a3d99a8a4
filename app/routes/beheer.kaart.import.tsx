import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, redirect, useActionData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { CSV_COLUMNS, checkCsv } from "~/domain/initiatives/csv-import";
import { importInitiatives } from "~/domain/initiatives/initiative-import.server";
import { filterOptions } from "~/domain/initiatives/public-map.server";
import { statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { listWijkenForAdmin } from "~/domain/places/wijken.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Initiatieven importeren - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.kaart.import"]);
  return {};
}

async function readCsv(form: FormData): Promise<string> {
  const file = form.get("bestand");
  if (file && typeof file !== "string" && file.size > 0) return file.text();
  const text = form.get("csv");
  return typeof text === "string" ? text : "";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.kaart.import"]);
  const form = await request.formData();
  const csv = await readCsv(form);
  if (!csv.trim())
    return data(
      { csv: "", fileErrors: ["Kies een CSV-bestand."], rowErrors: [], preview: [], validCount: 0 },
      400,
    );
  const wijkCodes = (await listWijkenForAdmin()).map((w) => w.code);
  const result = checkCsv(csv, { ...filterOptions, wijkCodes });
  if (!result.ok)
    return data(
      {
        csv,
        fileErrors: result.fileErrors,
        rowErrors: result.rowErrors,
        preview: [],
        validCount: result.validCount,
      },
      400,
    );
  // The dry run shows what would be imported; only "Importeren" writes, after checking again.
  if (form.get("intent") !== "import")
    return {
      csv,
      fileErrors: [],
      rowErrors: [],
      validCount: result.rows.length,
      preview: result.rows.map((r) => ({
        line: r.line,
        title: r.titel,
        theme: themeLabel(r.thema),
        status: statusLabel(r.status),
        point: r.breedtegraad !== null ? `${r.breedtegraad}, ${r.lengtegraad}` : "",
        wijk: r.wijk ?? (r.breedtegraad !== null ? "volgt uit de plek" : ""),
        featured: r.uitgelicht,
      })),
    };
  await importInitiatives(result.rows, user);
  return redirect("/beheer/kaart?opgeslagen=import");
}

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

export default function ImportInitiatives() {
  const result = useActionData<typeof action>();
  const hasErrors = Boolean(result && (result.fileErrors.length || result.rowErrors.length));
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/kaart">Terug naar de initiatieven</TextLink>
      </p>
      <Heading level={1}>Initiatieven importeren uit CSV</Heading>
      <Paragraph>
        Eerst controleren wij het bestand en ziet u wat er geïmporteerd wordt. Er wordt niets opgeslagen
        zolang één regel een fout heeft. Kolommen: {CSV_COLUMNS.join(", ")}. Verplicht zijn titel,
        samenvatting, thema en status. Scheidingsteken: puntkomma of komma. Uitleg per kolom staat in
        docs/map.md.
      </Paragraph>

      {hasErrors && result ? <ImportErrors result={result} /> : null}

      {result && !hasErrors && result.preview.length ? <ImportPreview result={result} /> : null}

      <CheckForm />
    </div>
  );
}

/** Why the file was not imported: the file's own errors, or the errors per row. */
function ImportErrors({ result }: { result: ActionData }) {
  return (
    <div className="wmh-error-summary" role="alert" tabIndex={-1} aria-labelledby="importfouten">
      <h2 id="importfouten" className="utrecht-heading-2">
        Het bestand is niet geïmporteerd
      </h2>
      {result.fileErrors.length ? (
        <ul>
          {result.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : (
        <>
          <p>
            {result.rowErrors.length} {result.rowErrors.length === 1 ? "regel heeft" : "regels hebben"}{" "}
            {"een fout; "}
            {result.validCount} {result.validCount === 1 ? "regel is" : "regels zijn"} goed. Pas het bestand
            aan en probeer het opnieuw.
          </p>
          <table className="utrecht-table wmh-import-errors">
            <caption className="wmh-visually-hidden">Fouten per regel</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Regel
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Fouten
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {result.rowErrors.map((r) => (
                <tr key={r.line} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{r.line}</td>
                  <td className="utrecht-table__cell">
                    <ul>
                      {r.messages.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** The dry run in order: what would be imported, and the button that imports it (the CSV goes along). */
function ImportPreview({ result }: { result: ActionData }) {
  return (
    <section aria-labelledby="voorbeeld" className="wmh-stack">
      <Alert type="info">
        Het bestand is goed. Er worden {result.validCount} initiatieven geïmporteerd en op de website getoond.
        Controleer de lijst en kies dan Importeren.
      </Alert>
      <h2 id="voorbeeld" className="utrecht-heading-2">
        Voorbeeld van de import
      </h2>
      <TableScroll labelledBy="voorbeeld">
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Regel
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Titel
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Thema
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Status
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Plek
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Wijk
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Uitgelicht
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {result.preview.map((r) => (
              <tr key={r.line} className="utrecht-table__row">
                <td className="utrecht-table__cell">{r.line}</td>
                <td className="utrecht-table__cell">{r.title}</td>
                <td className="utrecht-table__cell">{r.theme}</td>
                <td className="utrecht-table__cell">{r.status}</td>
                <td className="utrecht-table__cell">{r.point || "—"}</td>
                <td className="utrecht-table__cell">{r.wijk || "—"}</td>
                <td className="utrecht-table__cell">{r.featured ? "Ja" : "Nee"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Form method="post">
        <input type="hidden" name="csv" value={result.csv} />
        <input type="hidden" name="intent" value="import" />
        <SubmitButton>Importeren</SubmitButton>
      </Form>
    </section>
  );
}

function CheckForm() {
  return (
    <Form method="post" encType="multipart/form-data" className="wmh-form wmh-stack">
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="veld-bestand">
            CSV-bestand
          </label>
        </div>
        <div className="utrecht-form-field__input">
          <input id="veld-bestand" name="bestand" type="file" accept=".csv,text/csv" />
        </div>
      </div>
      <input type="hidden" name="intent" value="check" />
      <SubmitButton variant="secondary">Bestand controleren</SubmitButton>
    </Form>
  );
}
