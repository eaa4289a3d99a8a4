// The proceskader page's one form: the route reads the FormData and calls handleProceskaderPost,
// which runs the one domain function of the pressed button (name="intent") and says whether the
// page can reload at the saved section or must stay as sent, because another section holds input
// that was not saved (or the save failed).
import { z } from "zod";
import { type FieldErrors, type FormValues, formToObject, parseForm } from "../../lib/forms";
import type { Actor } from "../audit/audit.server";
import {
  adoptionSchema,
  type ParticipationContent,
  type PlanContent,
  PROCESKADER_SECTIONS,
  type ProceskaderSection,
  type ProceskaderStored,
  parseParticipationPlan,
  planSchema,
  unsavedSections,
  valuesOf,
} from "./proceskader";
import { recordAdoption, saveDocument, setProcessStep } from "./proceskader.server";
import { InitiativeError } from "./shared.server";
import type { getInitiative } from "./triage.server";

type Found = NonNullable<Awaited<ReturnType<typeof getInitiative>>>;

/** "enter": the form's hidden default button (Enter in a text field); it saves nothing. */
export type ProceskaderIntent = ProceskaderSection | "enter";

export type ProceskaderOutcome =
  /** Saved, nothing else typed: reload at the saved section. */
  | { ok: true; intent: ProceskaderSection; unsaved: [] }
  /**
   * The page stays as sent: `errors` of the pressed section (status 400), or saved while `unsaved`
   * sections hold input; `values` are the sent values of those sections, the rest shows what is stored.
   */
  | {
      ok: false;
      intent: ProceskaderIntent;
      saved: boolean;
      errors: FieldErrors;
      unsaved: ProceskaderSection[];
      values: FormValues;
      status: 200 | 400;
    };

const stepSchema = z.object({
  processStep: z.coerce.number({ invalid_type_error: "Kies een stap." }).int().min(0).max(5),
});

/** One function per intent: parse, save, and return the field errors (none when saved). */
const saveByIntent: Record<
  ProceskaderSection,
  (id: string, form: FormData, actor: Actor) => Promise<FieldErrors | null>
> = {
  async step(id, form, actor) {
    const p = parseForm(stepSchema, form);
    if (!p.ok) return p.errors;
    await setProcessStep(id, p.data.processStep, actor);
    return null;
  },
  async plan(id, form, actor) {
    const p = parseForm(planSchema, form);
    if (!p.ok) return p.errors;
    await saveDocument(id, "plan_description", p.data, actor);
    return null;
  },
  async participation(id, form, actor) {
    const p = parseParticipationPlan(formToObject(form, ["doelen"]));
    if (!p.ok) return p.errors;
    await saveDocument(id, "participation_plan", p.data as unknown as Record<string, unknown>, actor);
    return null;
  },
  async adopt(id, form, actor) {
    const p = parseForm(adoptionSchema, form);
    if (!p.ok) return p.errors;
    await recordAdoption(id, p.data, actor);
    return null;
  },
};

/** What the page showed when it was sent (read before the save). */
export function storedOf(found: Found): ProceskaderStored {
  return {
    processStep: found.idea.processStep,
    plan: (found.documents.plan?.content ?? null) as PlanContent | null,
    participation: (found.documents.participation?.content ?? null) as unknown as ParticipationContent | null,
    adoptedBy: found.idea.adoptedBy,
    adoptedOn: found.idea.adoptedOn,
    adoptionReference: found.idea.adoptionReference,
  };
}

export async function handleProceskaderPost(
  found: Found,
  actor: Actor,
  form: FormData,
): Promise<ProceskaderOutcome | null> {
  const intent = String(form.get("intent"));
  const raw = formToObject(form, ["doelen"]);
  const stored = storedOf(found);
  if (intent === "enter") {
    const unsaved = unsavedSections(null, raw, stored);
    return {
      ok: false,
      intent,
      saved: false,
      errors: {},
      unsaved,
      values: valuesOf(raw, unsaved),
      status: 200,
    };
  }
  if (!(PROCESKADER_SECTIONS as readonly string[]).includes(intent)) return null;
  const section = intent as ProceskaderSection;
  const unsaved = unsavedSections(section, raw, stored);
  let errors: FieldErrors | null;
  try {
    errors = await saveByIntent[section](found.idea.id, form, actor);
  } catch (error) {
    if (!(error instanceof InitiativeError)) throw error;
    errors = { [error.field ?? "_form"]: error.message };
  }
  if (errors)
    return {
      ok: false,
      intent: section,
      saved: false,
      errors,
      unsaved,
      values: valuesOf(raw, [section, ...unsaved]),
      status: 400,
    };
  if (unsaved.length === 0) return { ok: true, intent: section, unsaved: [] };
  return {
    ok: false,
    intent: section,
    saved: true,
    errors: {},
    unsaved,
    values: valuesOf(raw, unsaved),
    status: 200,
  };
}
