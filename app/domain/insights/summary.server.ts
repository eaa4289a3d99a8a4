// The summary at the front of the Woonvisie input report: generated from the report's data
// (summary.ts), and the researcher's own wording per theme, stored and audited.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { reportSummaries, staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { buildProjectReport, getProject, type ProjectReport } from "./report.server";
import { type Finding, generateSummary, summaryLines, summaryText } from "./summary";
import { themeIds, themeLabels } from "./themes";

export interface ThemeSummaryView {
  theme: number;
  label: string;
  /** Generated from the data, always shown as the figures the summary rests on. */
  generated: Finding[];
  /** The researcher's wording (one finding per line), or null when the generated text is used. */
  edited: { lines: string[]; text: string; updatedAt: string; updatedBy: string | null } | null;
  /** What the edit form starts with: the edited text, else the generated one. */
  formText: string;
}

/** The summary of a report: generated findings per theme with the stored edits, if any. */
export async function reportSummary(
  report: ProjectReport,
  db: Executor = getDb(),
): Promise<ThemeSummaryView[]> {
  const generated = generateSummary({
    themes: themeIds,
    questions: report.surveys.flatMap((s) => s.questions.map((q) => ({ ...q, surveyId: s.survey.id }))),
    codes: report.coded,
    inputItems: report.inputItems,
  });
  const edits = await db
    .select({
      theme: reportSummaries.theme,
      text: reportSummaries.text,
      updatedAt: reportSummaries.updatedAt,
      updatedBy: staffUsers.name,
    })
    .from(reportSummaries)
    .leftJoin(staffUsers, eq(staffUsers.id, reportSummaries.updatedBy))
    .where(eq(reportSummaries.projectId, report.project.id));
  return generated.map((g) => {
    const edit = edits.find((e) => e.theme === g.theme);
    return {
      theme: g.theme,
      label: themeLabels[g.theme as (typeof themeIds)[number]],
      generated: g.findings,
      edited: edit
        ? {
            lines: summaryLines(edit.text),
            text: edit.text,
            updatedAt: edit.updatedAt.toISOString(),
            updatedBy: edit.updatedBy,
          }
        : null,
      formText: edit ? edit.text : summaryText(g.findings),
    };
  });
}

/** The report and its summary together (the edit page). */
export async function summaryPage(projectId: number, db: Executor = getDb()) {
  const report = await buildProjectReport(projectId, db);
  if (!report) return null;
  return { project: report.project, themes: await reportSummary(report, db) };
}

const summaryFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    theme: z.coerce.number().int().min(1).max(5),
    text: z
      .string({ required_error: "Schrijf de samenvatting, of zet de tekst uit de cijfers terug." })
      .trim()
      .min(1, "Schrijf de samenvatting, of zet de tekst uit de cijfers terug.")
      .max(3000, "Gebruik hoogstens 3000 tekens."),
  }),
  z.object({ intent: z.literal("reset"), theme: z.coerce.number().int().min(1).max(5) }),
]);

export type SummaryPostOutcome =
  | { kind: "notFound" }
  | { kind: "badRequest" }
  | { kind: "invalid"; theme: number; errors: FieldErrors; values: FormValues }
  | { kind: "saved"; theme: number }
  | { kind: "reset"; theme: number };

/** Save the researcher's wording of one theme, or go back to the generated text (both audited). */
export async function handleSummaryPost(
  actor: Actor,
  projectId: number,
  form: FormData,
  db: Executor = getDb(),
): Promise<SummaryPostOutcome> {
  const parsed = parseForm(summaryFormSchema, form);
  if (!parsed.ok) {
    const theme = Number(parsed.values.theme);
    if (!parsed.errors.text || !Number.isInteger(theme) || theme < 1 || theme > 5)
      return { kind: "badRequest" };
    return { kind: "invalid", theme, errors: parsed.errors, values: parsed.values };
  }
  const input = parsed.data;
  return db.transaction(async (tx) => {
    if (!(await getProject(projectId, tx))) return { kind: "notFound" as const };
    if (input.intent === "save") {
      await tx
        .insert(reportSummaries)
        .values({
          projectId,
          theme: input.theme,
          text: input.text,
          updatedBy: actor.id,
          updatedAt: new Date(),
        })
        .onConflictDoUpdate({
          target: [reportSummaries.projectId, reportSummaries.theme],
          set: { text: input.text, updatedBy: actor.id, updatedAt: new Date() },
        });
      await audit(
        actor,
        {
          action: "insights.summary_edited",
          entityType: "project",
          entityId: projectId,
          details: { theme: input.theme, lines: summaryLines(input.text).length },
        },
        tx,
      );
      return { kind: "saved" as const, theme: input.theme };
    }
    const removed = await tx
      .delete(reportSummaries)
      .where(and(eq(reportSummaries.projectId, projectId), eq(reportSummaries.theme, input.theme)))
      .returning({ theme: reportSummaries.theme });
    if (removed.length > 0)
      await audit(
        actor,
        {
          action: "insights.summary_reset",
          entityType: "project",
          entityId: projectId,
          details: { theme: input.theme },
        },
        tx,
      );
    return { kind: "reset" as const, theme: input.theme };
  });
}
