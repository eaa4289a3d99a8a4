import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import { Alert, DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextArea, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Inspraakdocument"} - Inspraak - Beheer` },
];

function idOf(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Dit document bestaat niet", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak.$id"]);
  // After a Word import the page is loaded afresh (?ingelezen=1); the message is the domain's.
  const afterImport = new URL(request.url).searchParams.has("ingelezen");
  const page = await consultationStaff.document(idOf(params.id), afterImport);
  if (!page) throw new Response("Dit document bestaat niet", { status: 404 });
  return {
    imported: page.imported,
    id: page.doc.id,
    title: page.doc.title,
    isDemo: page.doc.isDemo,
    projectTitle: page.projectTitle,
    projectSlug: page.projectSlug,
    period: page.period,
    versions: page.versions.map((v) => ({
      number: v.version.number,
      status: v.version.status,
      source: v.version.source,
      publishedAt: v.version.publishedAt?.toISOString() ?? null,
      notaPublishedAt: v.version.notaPublishedAt?.toISOString() ?? null,
      paragraphs: v.paragraphs,
      reactions: v.reactions,
    })),
    draft: page.draft
      ? { number: page.draft.number, source: page.draft.source, importNotes: page.draft.importNotes }
      : null,
    draftText: page.draftText,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak.$id"]);
  const outcome = await consultationStaff.documentPost(user, idOf(params.id), await request.formData());
  if (!outcome.ok)
    return data(
      {
        ok: false as const,
        intent: outcome.intent,
        errors: outcome.errors,
        values: outcome.values,
        message: null,
      },
      { status: outcome.status },
    );
  if (outcome.intent === "import") throw redirect(`/beheer/inspraak/${idOf(params.id)}?ingelezen=1`);
  return { ok: true as const, intent: outcome.intent, errors: {}, values: {}, message: outcome.message };
}

export default function StaffConsultationDocument() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) =>
    result && !result.ok && result.intent === intent ? result.errors : undefined;
  const valuesFor = (intent: string) =>
    result && !result.ok && result.intent === intent ? result.values : undefined;
  const published = d.versions.filter((v) => v.status === "published");
  return (
    <div className="wmh-stack">
      <p>
        <Link to="/beheer/inspraak" className="utrecht-link">
          Terug naar inspraak
        </Link>
      </p>
      <Heading level={1}>
        {d.title} {d.isDemo ? <DemoBadge /> : null}
      </Heading>
      <Paragraph>
        Project: {d.projectTitle}.{" "}
        {published.length ? (
          <Link to={`/meedenken/${d.projectSlug}/document`} className="utrecht-link">
            Bekijk het document zoals inwoners het zien
          </Link>
        ) : (
          "Inwoners zien het document zodra een versie is gepubliceerd."
        )}
      </Paragraph>
      {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
      {!result && d.imported ? <Alert type="ok">{d.imported}</Alert> : null}
      {result && !result.ok && result.errors._form ? <Alert type="error">{result.errors._form}</Alert> : null}
      {published.length ? (
        <ul>
          <li>
            <Link to={`/beheer/inspraak/${d.id}/reacties`} className="utrecht-link">
              Reacties sorteren, samenvoegen en beantwoorden
            </Link>
          </li>
          <li>
            <Link to={`/beheer/inspraak/${d.id}/nota`} className="utrecht-link">
              Reactienota bekijken en publiceren
            </Link>
          </li>
        </ul>
      ) : null}

      <section aria-labelledby="periode" className="wmh-stack">
        <Heading level={2} id="periode">
          Reactieperiode
        </Heading>
        <Paragraph>
          Datum en tijd in Nederlandse tijd. Na het einde kan niemand meer reageren of intrekken.
        </Paragraph>
        <Form method="post" className="wmh-stack" noValidate>
          <input type="hidden" name="intent" value="period" />
          <ErrorSummary errors={errorsFor("period")} />
          <TextField
            type="datetime-local"
            name="start"
            label="Reageren kan vanaf"
            required
            defaultValue={String(valuesFor("period")?.start ?? d.period.start)}
            error={errorsFor("period")?.start}
          />
          <TextField
            type="datetime-local"
            name="einde"
            label="Reageren kan tot"
            required
            defaultValue={String(valuesFor("period")?.einde ?? d.period.end)}
            error={errorsFor("period")?.einde}
          />
          <div>
            <SubmitButton>Periode opslaan</SubmitButton>
          </div>
        </Form>
      </section>

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
              {d.versions.map((v) => (
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
        {d.draft ? null : (
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

      {d.draft ? (
        <section aria-labelledby="concept" className="wmh-stack">
          <Heading level={2} id="concept">
            Conceptversie {d.draft.number}
          </Heading>
          {d.draft.importNotes.length ? (
            <Alert type="warning">
              Uit het Word-bestand {d.draft.source}:
              <ul>
                {d.draft.importNotes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Heading level={3}>Word-bestand inlezen</Heading>
          <Form method="post" encType="multipart/form-data" className="wmh-stack" noValidate>
            <input type="hidden" name="intent" value="import" />
            <ErrorSummary errors={errorsFor("import")} />
            <div
              className={`utrecht-form-field${errorsFor("import")?.bestand ? " utrecht-form-field--invalid" : ""}`}
            >
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="veld-bestand">
                  Word-bestand (.docx, hoogstens 10 MB)
                </label>
              </div>
              <div className="utrecht-form-field-description" id="veld-bestand-description">
                Koppen worden hoofdstukken, elke alinea wordt een genummerde alinea. De tekst hieronder wordt
                vervangen.
              </div>
              {errorsFor("import")?.bestand ? (
                <p className="utrecht-form-field-error-message" id="veld-bestand-error">
                  {errorsFor("import")?.bestand}
                </p>
              ) : null}
              <div className="utrecht-form-field__input">
                <input
                  id="veld-bestand"
                  name="bestand"
                  type="file"
                  accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                  aria-describedby={`veld-bestand-description${errorsFor("import")?.bestand ? " veld-bestand-error" : ""}`}
                  aria-invalid={errorsFor("import")?.bestand ? true : undefined}
                />
              </div>
            </div>
            <div>
              <SubmitButton variant="secondary">Word-bestand inlezen</SubmitButton>
            </div>
          </Form>
          <Heading level={3}>Tekst</Heading>
          <Form method="post" className="wmh-stack" noValidate>
            <input type="hidden" name="intent" value="save" />
            <ErrorSummary errors={errorsFor("save")} />
            <TextArea
              // The Word import replaces the stored text; a new key lets the field show it after a
              // JavaScript submit too (an uncontrolled field keeps its first defaultValue).
              key={d.draftText}
              name="tekst"
              label="Tekst van het document"
              required
              rows={18}
              description='Begin een hoofdstuk met een regel die met # begint, bijvoorbeeld "# Passend wonen". Zet een lege regel tussen twee alinea&#39;s. De nummers komen vanzelf.'
              defaultValue={String(valuesFor("save")?.tekst ?? d.draftText)}
              error={errorsFor("save")?.tekst}
            />
            <div>
              <SubmitButton variant="secondary">Tekst opslaan</SubmitButton>
            </div>
          </Form>
          <Form method="post" className="wmh-stack">
            <input type="hidden" name="intent" value="publish" />
            <Paragraph>
              Na publiceren ligt deze versie vast. Inwoners kunnen erop reageren binnen de reactieperiode.
            </Paragraph>
            <div>
              <SubmitButton>Versie {d.draft.number} publiceren</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
