// The staff use cases of the LimeSurvey import and export (/beheer/enquetes/importeren and
// /beheer/enquetes/:id/limesurvey). Routes call one function per intent; nothing is stored before
// "Opslaan als concept", and then in one transaction with its audit lines.

import { z } from "zod";
import { type Executor, getDb } from "../../../lib/db.server";
import type { FieldErrors } from "../../../lib/forms";
import { slugOf } from "../../../lib/slug";
import { type Actor, audit } from "../../audit/audit.server";
import { slugField } from "../rules";
import { createSurvey, getSurveyForStaff, isSlugTaken } from "../surveys.server";
import { type ExportReport, exportLss } from "./export";
import { importLss } from "./limesurvey";
import type { ImportReport } from "./report";
import { MAX_LSS_BYTES } from "./xml";

export type ImportPageOutcome =
  | { kind: "error"; status: 400; errors: FieldErrors; values: { slug: string } }
  | {
      kind: "preview";
      report: ImportReport;
      /** The file again, so "Opslaan als concept" imports exactly what was shown. */
      source: string;
      fileName: string;
      suggestedSlug: string;
      pages: { title: string; questions: number; blocks: number }[];
      errors?: FieldErrors;
    }
  | { kind: "saved"; surveyId: number };

const FILE_FIELD = "bestand";

function slugFrom(title: string): string {
  const slug = slugOf(title, 50);
  return slug.length >= 3 ? slug : "geimporteerde-enquete";
}

async function readUpload(form: FormData): Promise<{ source: string; fileName: string } | { error: string }> {
  const file = form.get(FILE_FIELD);
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_LSS_BYTES)
      return { error: "Het bestand is groter dan 5 MB. Kies een kleiner .lss-bestand." };
    return { source: await file.text(), fileName: file.name.slice(0, 200) };
  }
  const kept = form.get("bron");
  if (typeof kept === "string" && kept.length > 0)
    return { source: kept, fileName: String(form.get("bestandsnaam") ?? "").slice(0, 200) };
  return { error: "Kies een .lss-bestand dat u uit LimeSurvey heeft geëxporteerd." };
}

/** Step 1: read the file and show the report; nothing is stored. */
export async function previewLimeSurveyImport(form: FormData): Promise<ImportPageOutcome> {
  const upload = await readUpload(form);
  if ("error" in upload)
    return { kind: "error", status: 400, errors: { [FILE_FIELD]: upload.error }, values: { slug: "" } };
  const outcome = importLss(upload.source);
  if (!outcome.ok)
    return { kind: "error", status: 400, errors: { [FILE_FIELD]: outcome.message }, values: { slug: "" } };
  return {
    kind: "preview",
    report: outcome.report,
    source: upload.source,
    fileName: upload.fileName,
    suggestedSlug: slugFrom(outcome.definition.title),
    pages: outcome.definition.pages.map((p) => ({
      title: p.title,
      questions: p.questions.length,
      blocks: p.blocks.length,
    })),
  };
}

const saveSchema = z.object({ slug: slugField });

/** Step 2: import the same file again and store it as a draft survey (open access until changed). */
export async function saveLimeSurveyImport(
  actor: Actor,
  form: FormData,
  db: Executor = getDb(),
): Promise<ImportPageOutcome> {
  const preview = await previewLimeSurveyImport(form);
  if (preview.kind !== "preview") return preview;
  const parsed = saveSchema.safeParse({ slug: form.get("slug") ?? "" });
  const slug = String(form.get("slug") ?? "");
  if (!parsed.success)
    return {
      ...preview,
      suggestedSlug: slug,
      errors: { slug: parsed.error.issues[0]?.message ?? "Vul een webadres in." },
    };
  if (await isSlugTaken(parsed.data.slug, db))
    return {
      ...preview,
      suggestedSlug: slug,
      errors: { slug: "Dit webadres is al in gebruik. Kies een ander." },
    };
  const outcome = importLss(preview.source);
  if (!outcome.ok)
    return { kind: "error", status: 400, errors: { [FILE_FIELD]: outcome.message }, values: { slug } };
  const surveyId = await db.transaction(async (tx) => {
    const id = await createSurvey(
      actor,
      { title: outcome.definition.title, slug: parsed.data.slug, accessMode: "open", projectId: null },
      tx,
      outcome.definition,
    );
    await audit(
      actor,
      {
        action: "survey.imported_limesurvey",
        entityType: "survey",
        entityId: id,
        details: { file: preview.fileName || "(zonder naam)", ...outcome.report.counts },
      },
      tx,
    );
    return id;
  });
  return { kind: "saved", surveyId };
}

/** The export report of a survey (its newest version), or null when the survey does not exist. */
export async function limeSurveyExportReport(
  surveyId: number,
): Promise<{ title: string; report: ExportReport } | null> {
  const survey = await getSurveyForStaff(surveyId, getDb());
  if (!survey) return null;
  return { title: survey.survey.title, report: exportLss(survey.definition).report };
}

/** The .lss file of a survey's newest version, written to the audit log. */
export async function limeSurveyExportFile(
  actor: Actor,
  surveyId: number,
): Promise<{ fileName: string; xml: string } | null> {
  const db = getDb();
  const survey = await getSurveyForStaff(surveyId, db);
  if (!survey) return null;
  const { xml } = exportLss(survey.definition);
  await audit(
    actor,
    {
      action: "survey.exported_limesurvey",
      entityType: "survey",
      entityId: surveyId,
      details: { format: "lss" },
    },
    db,
  );
  return { fileName: `${survey.survey.slug}.lss`, xml };
}
