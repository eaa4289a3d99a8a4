import { and, asc, eq, inArray, max } from "drizzle-orm";
import { phaseSurveys, projectPhases, projects, surveys } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { phaseSchema, projectSchema } from "./admin";
import type { ProjectSaved } from "./labels";
import { phasesOf } from "./projects.server";

export async function listProjectsForStaff(db: Executor) {
  return db.select().from(projects).orderBy(asc(projects.sortOrder), asc(projects.title));
}

export async function getProjectForStaff(id: number, db: Executor) {
  const [project] = await db.select().from(projects).where(eq(projects.id, id));
  if (!project) return null;
  const phases = await phasesOf([id], db);
  const [projectSurveys, links] = await Promise.all([
    db
      .select({ id: surveys.id, title: surveys.title, status: surveys.status })
      .from(surveys)
      .where(eq(surveys.projectId, id))
      .orderBy(asc(surveys.title)),
    phases.length
      ? db
          .select()
          .from(phaseSurveys)
          .where(
            inArray(
              phaseSurveys.phaseId,
              phases.map((p) => p.id),
            ),
          )
      : [],
  ]);
  return { project, phases, surveys: projectSurveys, links };
}

/** The surveys ticked on a phase form: only this project's surveys; anything else is refused. */
function chosenSurveys(form: FormData, projectSurveyIds: Set<number>): number[] | null {
  const ids = form.getAll("surveys").map((v) => Number(v));
  if (ids.some((id) => !projectSurveyIds.has(id))) return null;
  return [...new Set(ids)];
}

export type AdminOutcome =
  | { ok: true; saved: ProjectSaved }
  | { ok: false; status: 400 | 404; intent: string; errors: FieldErrors; values: FormValues };

/** One intent of the staff project page: save the project, add or change a phase, pin or unpin. */
export async function handleProjectPost(
  actor: Actor,
  projectId: number,
  form: FormData,
  db: Executor,
): Promise<AdminOutcome> {
  const intent = String(form.get("intent") ?? "");
  const found = await getProjectForStaff(projectId, db);
  if (!found) return { ok: false, status: 404, intent, errors: {}, values: {} };
  const phaseId = Number(form.get("phaseId"));
  const phase = found.phases.find((p) => p.id === phaseId);
  const notFound = { ok: false as const, status: 404 as const, intent, errors: {}, values: {} };

  if (intent === "project") {
    const parsed = parseForm(projectSchema, form, { multi: ["themes"] });
    if (!parsed.ok) return { ok: false, status: 400, intent, errors: parsed.errors, values: parsed.values };
    await db.transaction(async (tx) => {
      await tx
        .update(projects)
        .set({ ...parsed.data, contactEmail: parsed.data.contactEmail ?? null, updatedAt: new Date() })
        .where(eq(projects.id, projectId));
      await audit(
        actor,
        {
          action: "project.updated",
          entityType: "project",
          entityId: projectId,
          details: { title: parsed.data.title, status: parsed.data.status },
        },
        tx,
      );
    });
    return { ok: true, saved: "project" };
  }
  if (intent === "phase-add" || intent === "phase-update") {
    if (intent === "phase-update" && !phase) return notFound;
    const parsed = parseForm(phaseSchema, form);
    const linked = chosenSurveys(form, new Set(found.surveys.map((s) => s.id)));
    if (parsed.ok && !linked)
      return {
        ok: false,
        status: 400,
        intent: `${intent}-${phaseId || ""}`,
        errors: { surveys: "Kies alleen enquêtes van dit project." },
        values: parsed.values,
      };
    if (!parsed.ok)
      return {
        ok: false,
        status: 400,
        intent: `${intent}-${phaseId || ""}`,
        errors: parsed.errors,
        values: parsed.values,
      };
    await db.transaction(async (tx) => {
      if (intent === "phase-add") {
        const [last] = await tx
          .select({ n: max(projectPhases.position) })
          .from(projectPhases)
          .where(eq(projectPhases.projectId, projectId));
        const [row] = await tx
          .insert(projectPhases)
          .values({ ...parsed.data, projectId, position: (last?.n ?? 0) + 1 })
          .returning({ id: projectPhases.id });
        if (linked?.length)
          await tx.insert(phaseSurveys).values(linked.map((surveyId) => ({ phaseId: row!.id, surveyId })));
        await audit(
          actor,
          {
            action: "project.phase_added",
            entityType: "project",
            entityId: projectId,
            details: { phaseId: row!.id, title: parsed.data.title },
          },
          tx,
        );
      } else {
        await tx
          .update(projectPhases)
          .set({ ...parsed.data, datesAreDemo: false, updatedAt: new Date() })
          .where(and(eq(projectPhases.id, phaseId), eq(projectPhases.projectId, projectId)));
        // The surveys shown with this phase: the ticked ones replace the earlier choice.
        await tx.delete(phaseSurveys).where(eq(phaseSurveys.phaseId, phaseId));
        if (linked?.length)
          await tx.insert(phaseSurveys).values(linked.map((surveyId) => ({ phaseId, surveyId })));
        await audit(
          actor,
          {
            action: "project.phase_updated",
            entityType: "project",
            entityId: projectId,
            details: { phaseId, title: parsed.data.title, surveys: linked?.length ?? 0 },
          },
          tx,
        );
      }
    });
    return { ok: true, saved: intent === "phase-add" ? "phase-added" : "phase-saved" };
  }
  if (intent === "phase-pin" || intent === "phase-unpin") {
    if (!phase) return notFound;
    await db.transaction(async (tx) => {
      await tx.update(projectPhases).set({ pinned: false }).where(eq(projectPhases.projectId, projectId));
      if (intent === "phase-pin")
        await tx.update(projectPhases).set({ pinned: true }).where(eq(projectPhases.id, phaseId));
      await audit(
        actor,
        {
          action: intent === "phase-pin" ? "project.phase_pinned" : "project.phase_unpinned",
          entityType: "project",
          entityId: projectId,
          details: { phaseId, title: phase.title },
        },
        tx,
      );
    });
    return { ok: true, saved: intent === "phase-pin" ? "phase-pinned" : "phase-unpinned" };
  }
  return { ok: false, status: 400, intent, errors: { _form: "Deze actie kennen wij niet." }, values: {} };
}

export const staffProjectList = () => listProjectsForStaff(getDb());
export const staffProject = (id: number) => getProjectForStaff(id, getDb());
export const postProject = (actor: Actor, id: number, form: FormData) =>
  handleProjectPost(actor, id, form, getDb());
