import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { importAction, importPage } from "~/domain/monitor/pages.server";
import { stoplichtLabel, tertiaalLabel } from "~/domain/monitor/vocabulary";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Updates importeren - Prestatieafspraken - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.prestatieafspraken.import"]);
  return importPage();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken.import"]);
  const form = await request.formData();
  const result = await importAction(user, form);
  const ronde = String(form.get("ronde") ?? "");
  if (!("outcome" in result) || !result.outcome)
    return data({ ...result, ronde, outcome: null }, { status: 400 });
  const failed = result.outcome.diff.errors.length > 0 || result.outcome.diff.fileErrors.length > 0;
  return data({ ...result, ronde }, { status: failed ? 400 : 200 });
}

export default function ImportRound() {
  const { rounds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const outcome = result?.outcome ?? null;
  const diff = outcome?.diff;
  const hasErrors = Boolean(diff && (diff.errors.length || diff.fileErrors.length));
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/prestatieafspraken/rondes">Terug naar de rondes</TextLink>
      </p>
      <Heading level={1}>Updates importeren uit een spreadsheet</Heading>
      <Paragraph>
        Download een ronde bij de rondes, vul per regel het stoplicht en de toelichting in en lever het
        bestand hier in. Eerst ziet u per regel wat er verandert. Er wordt niets opgeslagen zolang één regel
        een fout heeft. Geïmporteerde updates zijn meteen bevestigd door de gemeente.
      </Paragraph>
      <ErrorSummary errors={result?.errors} />
      {outcome?.applied ? (
        <Alert type="ok">
          {diff!.changes.length === 1 ? "1 update is" : `${diff!.changes.length} updates zijn`} geïmporteerd
          en bevestigd.
        </Alert>
      ) : null}
      {rounds.length === 0 ? (
        <Paragraph>Er is geen open ronde. Importeren kan alleen in een open ronde.</Paragraph>
      ) : (
        <Form method="post" encType="multipart/form-data" className="wmh-stack" noValidate>
          <SelectField
            name="ronde"
            label="Ronde"
            required
            options={rounds.map((r) => ({ value: String(r.id), label: tertiaalLabel(r.year, r.tertiaal) }))}
            defaultValue={result?.ronde}
            error={result?.errors?.ronde}
          />
          <div
            className={`utrecht-form-field${result?.errors?.bestand ? " utrecht-form-field--invalid" : ""}`}
          >
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="veld-bestand">
                Bestand (CSV of XLSX)
              </label>
            </div>
            {result?.errors?.bestand ? (
              <p className="utrecht-form-field-error-message" id="veld-bestand-error">
                {result.errors.bestand}
              </p>
            ) : null}
            <div className="utrecht-form-field__input">
              <input
                id="veld-bestand"
                name="bestand"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={result?.errors?.bestand ? "veld-bestand-error" : undefined}
              />
            </div>
          </div>
          <div className="wmh-stack">
            <SubmitButton name="intent" value="check">
              Controleren
            </SubmitButton>
            <SubmitButton name="intent" value="import" variant="secondary">
              Controleren en importeren
            </SubmitButton>
          </div>
        </Form>
      )}
      {diff && !outcome?.applied ? (
        <section aria-labelledby="controle" className="wmh-stack">
          <Heading level={2} id="controle">
            {hasErrors ? "Het bestand heeft fouten" : "Dit gaat er veranderen"}
          </Heading>
          {diff.fileErrors.map((e) => (
            <Alert type="error" key={e}>
              {e}
            </Alert>
          ))}
          {diff.errors.length ? (
            <ul>
              {diff.errors.map((e) => (
                <li key={e.line}>
                  Regel {e.line}
                  {e.key ? ` (${e.key})` : ""}: {e.messages.join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
          <Paragraph>
            {diff.changes.length} wijzigingen, {diff.unchanged} regels ongewijzigd, {diff.skipped} regels
            zonder stoplicht en toelichting overgeslagen.
          </Paragraph>
          {diff.changes.length ? (
            <ul>
              {diff.changes.map((c) => (
                <li key={c.line}>
                  Regel {c.line}: {c.key} ({c.organisationName}):{" "}
                  {c.before
                    ? `${stoplichtLabel(c.before.stoplicht)} wordt ${stoplichtLabel(c.stoplicht)}`
                    : `nieuw: ${stoplichtLabel(c.stoplicht)}`}
                </li>
              ))}
            </ul>
          ) : null}
          {!hasErrors && diff.changes.length ? (
            <Paragraph>
              Klopt dit? Lever het bestand opnieuw in met &quot;Controleren en importeren&quot;.
            </Paragraph>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
