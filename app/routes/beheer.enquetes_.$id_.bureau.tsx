import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { bureauPage, bureauPost } from "~/domain/surveys/paper-pages.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SubmitButton } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

// Answers typed by a bureau (docs/paper.md): download the template, check the filled-in file (a dry
// run with every error per row), then import all rows or none.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Antwoorden importeren: ${data?.title ?? "enquête"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes_.$id_.bureau"]);
  const page = await bureauPage(params.id);
  if (!page) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.bureau"]);
  const outcome = await bureauPost({ id: user.id, email: user.email }, params.id, await request.formData());
  if (outcome.kind === "notFound") throw new Response("Deze enquête bestaat niet", { status: 404 });
  const failed =
    outcome.kind === "fieldErrors" || (outcome.status === "checked" && outcome.check.errors.length > 0);
  return data(outcome, { status: failed ? 400 : 200 });
}

const channelOptions = [
  { value: "papier", label: "Papieren vragenlijsten, door een bureau overgetypt" },
  { value: "bureau", label: "Antwoorden die het bureau zelf heeft verzameld (bijvoorbeeld telefonisch)" },
];

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;
type Checked = Extract<ActionData, { kind: "result" }>;

export default function BureauImport() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const checked = result?.kind === "result" ? result : null;
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to={`/beheer/enquetes/${page.id}`}>Terug naar de enquête</TextLink>
      </p>
      <Heading level={1}>Antwoorden van een invoerbureau importeren: {page.title}</Heading>
      {!page.published ? (
        <Alert type="warning">
          Deze enquête is nog niet gepubliceerd. U kunt het sjabloon al downloaden; importeren kan pas na
          publicatie.
        </Alert>
      ) : null}
      <TemplateDownloads surveyId={page.id} />
      {page.published ? <UploadStep result={result} /> : null}
      {checked && checked.status === "checked" ? <CheckReport checked={checked} /> : null}
    </div>
  );
}

/** Step 1: the template (Excel or CSV) and the codebook. */
function TemplateDownloads({ surveyId }: { surveyId: number }) {
  return (
    <>
      <Heading level={2}>1. Sjabloon downloaden</Heading>
      <Paragraph>
        Het sjabloon heeft een kolom voor de code en een kolom per antwoordveld, met dezelfde namen en codes
        als de export van de antwoorden. Het codeboek legt elke kolom en elke code uit.
      </Paragraph>
      <ul>
        <li>
          <a href={`/beheer/enquetes/${surveyId}/sjabloon/xlsx`} className="utrecht-link" download>
            Sjabloon als Excel (met codeboek)
          </a>
        </li>
        <li>
          <a href={`/beheer/enquetes/${surveyId}/sjabloon/csv`} className="utrecht-link" download>
            Sjabloon als CSV
          </a>
        </li>
        <li>
          <a href={`/beheer/enquetes/${surveyId}/sjabloon/codeboek`} className="utrecht-link" download>
            Codeboek als CSV
          </a>
        </li>
      </ul>
    </>
  );
}

/** Step 2 (published surveys only): the upload form, with its field errors and the count after an import. */
function UploadStep({ result }: { result: ActionData | undefined }) {
  const fieldErrors = result?.kind === "fieldErrors" ? result.errors : undefined;
  const checked = result?.kind === "result" ? result : null;
  return (
    <>
      <Heading level={2}>2. Ingevuld bestand controleren en importeren</Heading>
      <Paragraph>
        Eerst controleren wij elke regel, zoals het online formulier de antwoorden controleert. Er wordt niets
        opgeslagen zolang één regel een fout heeft: alle regels worden samen geïmporteerd, of geen.
      </Paragraph>
      {checked?.status === "imported" ? (
        <Alert type="ok">
          {checked.imported === 1 ? "1 vragenlijst is" : `${checked.imported} vragenlijsten zijn`}{" "}
          geïmporteerd en tellen mee.
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="wmh-stack" noValidate>
        <ErrorSummary errors={fieldErrors} fieldIds={{ kanaal: "veld-kanaal", bestand: "veld-bestand" }} />
        <ChoiceGroup
          name="kanaal"
          label="Hoe zijn deze antwoorden binnengekomen?"
          options={channelOptions}
          required
          defaultValue={result && "values" in result ? result.values.kanaal : undefined}
          error={fieldErrors?.kanaal}
        />
        <FileField error={fieldErrors?.bestand} />
        <div className="wmh-button-row">
          <SubmitButton name="intent" value="check">
            Alleen controleren
          </SubmitButton>
          <SubmitButton name="intent" value="import" variant="secondary">
            Controleren en importeren
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}

function FileField({ error }: { error: string | undefined }) {
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor="veld-bestand">
          Ingevuld sjabloon (CSV of Excel, hoogstens 10 MB)
        </label>
      </div>
      {error ? (
        <p className="utrecht-form-field-error-message" id="veld-bestand-error">
          {error}
        </p>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          id="veld-bestand"
          name="bestand"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? "veld-bestand-error" : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}

/** The outcome of "Alleen controleren": in order, or every error per row (nothing was saved). */
function CheckReport({ checked }: { checked: Checked }) {
  const errors = checked.check.errors;
  return (
    <section aria-labelledby="controle" className="wmh-stack">
      <Heading level={2} id="controle">
        {errors.length > 0 ? "Het bestand heeft fouten" : "Het bestand is in orde"}
      </Heading>
      {errors.length === 0 ? (
        <Paragraph>
          {checked.check.rows} {checked.check.rows === 1 ? "regel is" : "regels zijn"} gecontroleerd en in
          orde. Er is nog niets opgeslagen. Lever het bestand opnieuw in met &quot;Controleren en
          importeren&quot;.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            Er is niets opgeslagen. Verbeter de regels hieronder en lever het bestand opnieuw in.
            {checked.check.moreErrors > 0
              ? ` Hieronder staan de eerste ${errors.length} fouten; er zijn er nog ${checked.check.moreErrors}.`
              : ""}
          </Paragraph>
          <RowErrorsTable errors={errors} />
        </>
      )}
    </section>
  );
}

function RowErrorsTable({ errors }: { errors: Checked["check"]["errors"] }) {
  return (
    <TableScroll label="Fouten per regel van het bestand">
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">Fouten per regel van het bestand</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Regel
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Kolom
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Fout
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {errors.map((e) => (
            <tr key={`${e.line}:${e.column}:${e.message}`} className="utrecht-table__row">
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{e.line}</td>
              <td className="utrecht-table__cell">{e.column}</td>
              <td className="utrecht-table__cell">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
