// Shared setup of the insights integration tests: a fresh database with the demo wijken and population
// figures, and surveys with generated (deterministic) submitted responses.
import type { SurveyDefinition } from "../../app/domain/surveys/definition";
import { getDb } from "../../app/lib/db.server";
import {
  createSurveyWithDefinition,
  type GeneratedResponse,
  generateResponses,
  insertResponses,
  insightsDemoDefinition,
} from "../../db/seed/insights";
import { seedPopulation } from "../../db/seed/population";
import { seedWijken } from "../../db/seed/wijken";
import { resetDatabase } from "./db";

/** An empty database with the demo wijken and population figures. */
export async function resetWithPopulation() {
  await resetDatabase();
  const db = getDb();
  await seedWijken(db);
  await seedPopulation(db);
}

/**
 * A survey (in its own project) with `responses` generated submitted responses; `adjust` may change the
 * generated responses before they are stored.
 */
export async function seedSurveyWithResponses(options: {
  slug: string;
  responses: number;
  seed: number;
  definition?: SurveyDefinition;
  adjust?: (generated: GeneratedResponse[]) => void;
}) {
  const db = getDb();
  const definition = options.definition ?? insightsDemoDefinition();
  const created = await createSurveyWithDefinition(db, definition, { slug: options.slug });
  const generated = generateResponses(definition, options.responses, options.seed);
  options.adjust?.(generated);
  await insertResponses(db, created.surveyId, created.versionId, generated);
  return { ...created, definition };
}
