import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { FieldErrors, FormValues } from "~/lib/forms";
import type { loader } from "~/routes/beheer.inspraak.$id";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextArea, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

// The parts of a consultation document's staff page (routes/beheer.inspraak.$id): the links to the
// reactions and the reaction note, the reaction period, the versions and the draft version's forms.

type PageData = SerializeFrom<typeof loader>;
type Errors = FieldErrors | undefined;
type Values = FormValues | undefined;

/** Links to sorting and answering the reactions and to the reaction note. */
export function DocumentWorkLinks({ id }: { id: number }) {
  return (
    <ul>
      <li>
        <Link to={`/beheer/inspraak/${id}/reacties`} className="utrecht-link">
          Reacties sorteren, samenvoegen en beantwoorden
        </Link>
      </li>
      <li>
        <Link to={`/beheer/inspraak/${id}/nota`} className="utrecht-link">
          Reactienota bekijken en publiceren
        </Link>
      </li>
    </ul>
  );
}

/** The form for the reaction period. */
export function PeriodSection({
  period,
  errors,
  values,
}: {
  period: PageData["period"];
  errors: Errors;
  values: Values;
}) {
  return (
    <section aria-labelledby="periode" className="wmh-stack">
      <Heading level={2} id="periode">
        Reactieperiode
      </Heading>
      <Paragraph>
        Datum en tijd in Nederlandse tijd. Na het einde kan niemand meer reageren of intrekken.
      </Paragraph>
      <Form method="post" className="wmh-stack" noValidate>
        <input type="hidden" name="intent" value="period" />
        <ErrorSummary errors={errors} />
        <TextField
          type="datetime-local"
          name="start"
          label="Reageren kan vanaf"
          required
          defaultValue={String(values?.start ?? period.start)}
          error={errors?.start}
        />
        <TextField
          type="datetime-local"
          name="einde"
          label="Reageren kan tot"
          required
          defaultValue={String(values?.einde ?? period.end)}
          error={errors?.einde}
        />
        <div>
          <SubmitButton>Periode opslaan</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/** The versions of the document, and making a new one when there is no draft. */
export function VersionsSection({
  versions,
  hasDraft,
}: {
  versions: PageData["versions"];
  hasDraft: boolean;
}) {
  return (
    <section aria-labelledby="versies" className="wmh-stack">
      <Heading level={2} id="versies">
        Versies
      </Heading>
      <TableScroll label="Versies van het document">
        <table className="utrecht-table">
          <caption id="versies-caption" className="utrecht-table__caption">
            Versies van het document
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">Versie</th>
              <th className="utrecht-table__header-cell">Stand</th>
              <th className="utrecht-table__header-cell">Alinea's</th>
              <th className="utrecht-table__header-cell">Reacties</th>
              <th className="utrecht-table__header-cell">Reactienota</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {versions.map((v) => (
              <tr key={v.number} className="utrecht-table__row">
                <td className="utrecht-table__cell">{v.number}</td>
                <td className="utrecht-table__cell">
                  {v.status === "draft"
                    ? "Concept (nog niet openbaar)"
                    : `Gepubliceerd op ${formatDateTime(v.publishedAt!)}, ligt vast`}
                </td>
                <td className="utrecht-table__cell">{v.paragraphs}</td>
                <td className="utrecht-table__cell">{v.reactions}</td>
                <td className="utrecht-table__cell">
                  {v.notaPublishedAt ? `Gepubliceerd op ${formatDateTime(v.notaPublishedAt)}` : "Nog niet"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {hasDraft ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="new_version" />
          <Paragraph>
            Wilt u de tekst aanpassen na de reacties? Maak een nieuwe versie. De gepubliceerde versie en de
            reacties erop blijven zoals ze zijn.
          </Paragraph>
          <SubmitButton variant="secondary">Nieuwe versie maken</SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** Reading a Word file into the draft version. */
function WordImportForm({ errors }: { errors: Errors }) {
  return (
    <Form method="post" encType="multipart/form-data" className="wmh-stack" noValidate>
      <input type="hidden" name="intent" value="import" />
      <ErrorSummary errors={errors} />
      <div className={`utrecht-form-field${errors?.bestand ? " utrecht-form-field--invalid" : ""}`}>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="veld-bestand">
            Word-bestand (.docx, hoogstens 10 MB)
          </label>
        </div>
        <div className="utrecht-form-field-description" id="veld-bestand-description">
          Koppen worden hoofdstukken, elke alinea wordt een genummerde alinea. De tekst hieronder wordt
          vervangen.
        </div>
        {errors?.bestand ? (
          <p className="utrecht-form-field-error-message" id="veld-bestand-error">
            {errors?.bestand}
          </p>
        ) : null}
        <div className="utrecht-form-field__input">
          <input
            id="veld-bestand"
            name="bestand"
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`veld-bestand-description${errors?.bestand ? " veld-bestand-error" : ""}`}
            aria-invalid={errors?.bestand ? true : undefined}
          />
        </div>
      </div>
      <div>
        <SubmitButton variant="secondary">Word-bestand inlezen</SubmitButton>
      </div>
    </Form>
  );
}

/** The draft version's text. */
function DraftTextForm({ draftText, errors, values }: { draftText: string; errors: Errors; values: Values }) {
  return (
    <Form method="post" className="wmh-stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary errors={errors} />
      <TextArea
        // The Word import replaces the stored text; a new key lets the field show it after a
        // JavaScript submit too (an uncontrolled field keeps its first defaultValue).
        key={draftText}
        name="tekst"
        label="Tekst van het document"
        required
        rows={18}
        description='Begin een hoofdstuk met een regel die met # begint, bijvoorbeeld "# Passend wonen". Zet een lege regel tussen twee alinea&#39;s. De nummers komen vanzelf.'
        defaultValue={String(values?.tekst ?? draftText)}
        error={errors?.tekst}
      />
      <div>
        <SubmitButton variant="secondary">Tekst opslaan</SubmitButton>
      </div>
    </Form>
  );
}

/** Publishing the draft version. */
function PublishDraftForm({ number }: { number: number }) {
  return (
    <Form method="post" className="wmh-stack">
      <input type="hidden" name="intent" value="publish" />
      <Paragraph>
        Na publiceren ligt deze versie vast. Inwoners kunnen erop reageren binnen de reactieperiode.
      </Paragraph>
      <div>
        <SubmitButton>Versie {number} publiceren</SubmitButton>
      </div>
    </Form>
  );
}

/** The draft version: the Word import's notes, reading a Word file, the text and publishing. */
export function DraftSection({
  draft,
  draftText,
  errorsFor,
  valuesFor,
}: {
  draft: NonNullable<PageData["draft"]>;
  draftText: string;
  errorsFor: (intent: string) => Errors;
  valuesFor: (intent: string) => Values;
}) {
  return (
    <section aria-labelledby="concept" className="wmh-stack">
      <Heading level={2} id="concept">
        Conceptversie {draft.number}
      </Heading>
      {draft.importNotes.length ? (
        <Alert type="warning">
          Uit het Word-bestand {draft.source}:
          <ul>
            {draft.importNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Heading level={3}>Word-bestand inlezen</Heading>
      <WordImportForm errors={errorsFor("import")} />
      <Heading level={3}>Tekst</Heading>
      <DraftTextForm draftText={draftText} errors={errorsFor("save")} values={valuesFor("save")} />
      <PublishDraftForm number={draft.number} />
    </section>
  );
}
