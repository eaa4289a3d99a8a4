import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { previewLimeSurveyImport, saveLimeSurveyImport } from "~/domain/surveys/import/import.server";
import { itemStatusLabels } from "~/domain/surveys/import/report";
import { savedQuery } from "~/domain/surveys/saved-messages";
import { Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [
  { title: "Enquête importeren uit LimeSurvey - Beheer - Wij maken Heemstede" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.importeren"]);
  return {};
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes.importeren"]);
  const form = await request.formData();
  const outcome =
    form.get("intent") === "save"
      ? await saveLimeSurveyImport(user, form)
      : await previewLimeSurveyImport(form);
  if (outcome.kind === "saved")
    throw redirect(`/beheer/enquetes/${outcome.surveyId}${savedQuery("lss-import")}`);
  if (outcome.kind === "error") return data(outcome, { status: 400 });
  return data(outcome, { status: outcome.errors ? 400 : 200 });
}

export default function ImportLimeSurvey() {
  const result = useActionData<typeof action>();
  const preview = result?.kind === "preview" ? result : null;
  const fileError = result?.kind === "error" ? result.errors.bestand : undefined;
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/enquetes">Terug naar de enquêtes</TextLink>
      </p>
      <Heading level={1}>Enquête importeren uit LimeSurvey</Heading>
      {!preview ? (
        <>
          <Paragraph>
            Heeft u een vragenlijst in LimeSurvey? Exporteer die daar als .lss-bestand (Enquête exporteren).
            Hier ziet u eerst per vraag wat wij overnemen, wat wij aanpassen en wat wij weglaten. Er wordt pas
            iets opgeslagen als u op &quot;Opslaan als concept&quot; klikt.
          </Paragraph>
          <ErrorSummary errors={result?.kind === "error" ? result.errors : undefined} />
          <Form method="post" encType="multipart/form-data" className="wmh-stack">
            <input type="hidden" name="intent" value="check" />
            <div className={`utrecht-form-field${fileError ? " utrecht-form-field--invalid" : ""}`}>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="veld-bestand">
                  LimeSurvey-bestand (.lss)
                </label>
              </div>
              <div className="utrecht-form-field-description" id="veld-bestand-description">
                Hoogstens 5 MB. Wij nemen de Nederlandse teksten over, of anders die in de hoofdtaal van de
                enquête.
              </div>
              {fileError ? (
                <p className="utrecht-form-field-error-message" id="veld-bestand-error">
                  {fileError}
                </p>
              ) : null}
              <input
                id="veld-bestand"
                name="bestand"
                type="file"
                accept=".lss,.xml,application/xml,text/xml"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={`veld-bestand-description${fileError ? " veld-bestand-error" : ""}`}
              />
            </div>
            <div>
              <SubmitButton>Bestand controleren</SubmitButton>
            </div>
          </Form>
        </>
      ) : (
        <ImportPreview preview={preview} />
      )}
    </div>
  );
}

type Preview = Extract<ReturnType<typeof useActionData<typeof action>>, { kind: "preview" }>;

function ImportPreview({ preview }: { preview: Preview }) {
  const { report } = preview;
  const groups = (["changed", "leftOut", "asIs"] as const).map((status) => ({
    status,
    items: report.items.filter((i) => i.status === status),
  }));
  return (
    <>
      <ErrorSummary errors={preview.errors} />
      <Paragraph>
        Er is nog niets opgeslagen. Lees hieronder wat er met elke vraag gebeurt. Klopt het? Sla de enquête
        dan op als concept. Daarna kunt u alles aanpassen, zoals bij elke andere enquête.
      </Paragraph>
      <section aria-labelledby="samenvatting" className="wmh-stack">
        <Heading level={2} id="samenvatting">
          Samenvatting
        </Heading>
        <dl className="wmh-import-summary">
          <dt>Titel</dt>
          <dd>{report.title}</dd>
          <dt>Taal</dt>
          <dd>{report.language}</dd>
          <dt>Overgenomen</dt>
          <dd>{report.counts.asIs} vragen</dd>
          <dt>Aangepast</dt>
          <dd>{report.counts.changed} vragen</dd>
          <dt>Weggelaten</dt>
          <dd>{report.counts.leftOut} vragen</dd>
          <dt>Pagina&apos;s</dt>
          <dd>{preview.pages.length}</dd>
        </dl>
        {report.surveyNotes.length ? (
          <>
            <Heading level={3}>Over de hele enquête</Heading>
            <ul>
              {report.surveyNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {groups.map(({ status, items }) =>
        items.length ? (
          <section key={status} aria-labelledby={`status-${status}`} className="wmh-stack">
            <Heading level={2} id={`status-${status}`}>
              {itemStatusLabels[status]} ({items.length})
            </Heading>
            <ul className="wmh-import-report">
              {items.map((item) => (
                <li key={`${item.code}|${item.text}|${item.to}`}>
                  <strong>{item.code}</strong>: {item.text}
                  <br />
                  <span>
                    {item.from}
                    {item.to ? ` wordt ${item.to}` : ""}
                  </span>
                  {item.notes.length ? (
                    <ul>
                      {item.notes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <section aria-labelledby="opslaan" className="wmh-stack">
        <Heading level={2} id="opslaan">
          Opslaan als concept
        </Heading>
        <Form method="post" encType="multipart/form-data" className="wmh-stack">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="bron" value={preview.source} />
          <input type="hidden" name="bestandsnaam" value={preview.fileName} />
          <TextField
            name="slug"
            label="Webadres van de enquête"
            description="Het deel na /enquete/ in het webadres, bijvoorbeeld wonen-in-de-wijk. Kleine letters, cijfers en streepjes."
            defaultValue={preview.suggestedSlug}
            error={preview.errors?.slug}
            maxLength={60}
            required
          />
          <Paragraph>
            De enquête wordt een concept voor iedereen (open). Dat en de andere instellingen kunt u daarna nog
            wijzigen.
          </Paragraph>
          <div className="wmh-button-row">
            <SubmitButton>Opslaan als concept</SubmitButton>
            <TextLink to="/beheer/enquetes/importeren">Ander bestand kiezen</TextLink>
          </div>
        </Form>
      </section>
    </>
  );
}
