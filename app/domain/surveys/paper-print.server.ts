// Printed questionnaires (docs/paper.md): letter codes to print on them.
import type { Executor } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { createPersonalCodes, type PersonalCode } from "./codes.server";

/** Create letter codes for printed questionnaires (only their hashes are stored), with an audit line. */
export async function printCodes(
  actor: Actor,
  surveyId: number,
  count: number,
  db: Executor,
): Promise<PersonalCode[]> {
  return db.transaction(async (tx) => {
    const codes = await createPersonalCodes(surveyId, count, "letter", tx);
    await audit(
      actor,
      {
        action: "survey.codes_printed",
        entityType: "survey",
        entityId: surveyId,
        details: { count },
      },
      tx,
    );
    return codes;
  });
}
