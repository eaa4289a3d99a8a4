// The proceskader of a complex idea: planomschrijving and participatieplan as versioned
// documents, the adoption by college or raad, and the basisstappen.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { initiativeDocuments, initiativeEvents, initiatives } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import type { Actor } from "../audit/audit.server";
import { change, type Initiative, InitiativeError } from "./shared.server";
export async function latestDocuments(id: string, db: Executor = getDb()) {
  const rows = await db
    .select()
    .from(initiativeDocuments)
    .where(eq(initiativeDocuments.initiativeId, id))
    .orderBy(asc(initiativeDocuments.kind), desc(initiativeDocuments.version));
  const latest = (kind: string) => rows.find((r) => r.kind === kind) ?? null;
  return {
    plan: latest("plan_description"),
    participation: latest("participation_plan"),
    versions: rows.map((r) => ({ kind: r.kind, version: r.version, createdAt: r.createdAt })),
  };
}

export async function documentVersion(id: string, kind: string, version: number, db: Executor = getDb()) {
  const [row] = await db
    .select()
    .from(initiativeDocuments)
    .where(
      and(
        eq(initiativeDocuments.initiativeId, id),
        eq(initiativeDocuments.kind, kind),
        eq(initiativeDocuments.version, version),
      ),
    );
  return row ?? null;
}

/** Save a planomschrijving or participatieplan as a new version; moves basisstap 1 or 2 along. */
export async function saveDocument(
  id: string,
  kind: "plan_description" | "participation_plan",
  content: Record<string, unknown>,
  actor: Actor,
) {
  return change(id, actor, async (tx, idea) => {
    if (!idea.complex)
      throw new InitiativeError("Een planomschrijving en participatieplan horen bij een complexe opgave.");
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${initiativeDocuments.version}), 0)::int` })
      .from(initiativeDocuments)
      .where(and(eq(initiativeDocuments.initiativeId, id), eq(initiativeDocuments.kind, kind)));
    const version = (last?.version ?? 0) + 1;
    await tx
      .insert(initiativeDocuments)
      .values({ initiativeId: id, kind, version, content, createdBy: actor.id });
    const step = kind === "plan_description" ? 1 : 2;
    if (idea.processStep < step) await setStep(idea, step, actor, tx);
    return {
      action:
        kind === "plan_description"
          ? "initiative.plan_description_saved"
          : "initiative.participation_plan_saved",
      details: { version },
      result: version,
    };
  });
}

async function setStep(idea: Initiative, step: number, actor: Actor, tx: Executor) {
  await tx.update(initiatives).set({ processStep: step }).where(eq(initiatives.id, idea.id));
  await tx
    .insert(initiativeEvents)
    .values({ initiativeId: idea.id, kind: "step", text: String(step), actorId: actor.id });
}

/** Basisstap 3: college or raad adopted the planomschrijving and participatieplan. */
export async function recordAdoption(
  id: string,
  input: { adoptedBy: "executive" | "council"; adoptedOn: string; adoptionReference: string },
  actor: Actor,
) {
  await change(id, actor, async (tx, idea) => {
    const docs = await latestDocuments(id, tx);
    if (!docs.plan) throw new InitiativeError("Maak eerst een planomschrijving.", "adoptedBy");
    await tx.update(initiatives).set(input).where(eq(initiatives.id, id));
    if (idea.processStep < 3) await setStep(idea, 3, actor, tx);
    await tx.insert(initiativeEvents).values({
      initiativeId: id,
      kind: "adopted",
      text: `${input.adoptedBy === "council" ? "De gemeenteraad" : "Het college"} heeft de planomschrijving${docs.participation ? " en het participatieplan" : ""} vastgesteld.`,
      actorId: actor.id,
    });
    return {
      action: "initiative.framework_adopted",
      details: {
        ...input,
        planVersion: docs.plan.version,
        participationVersion: docs.participation?.version ?? null,
      },
    };
  });
}

export async function setProcessStep(id: string, step: number, actor: Actor) {
  if (!Number.isInteger(step) || step < 0 || step > 5)
    throw new InitiativeError("Kies een stap van 1 tot en met 5.", "processStep");
  await change(id, actor, async (tx, idea) => {
    if (!idea.complex)
      throw new InitiativeError("Basisstappen horen bij een complexe opgave.", "processStep");
    if (step >= 3 && !idea.adoptedOn)
      throw new InitiativeError(
        "Leg eerst vast dat het college of de raad de plannen heeft vastgesteld.",
        "processStep",
      );
    await setStep(idea, step, actor, tx);
    return { action: "initiative.process_step_changed", details: { from: idea.processStep, to: step } };
  });
}
