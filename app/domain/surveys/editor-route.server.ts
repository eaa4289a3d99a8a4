import { data, redirect } from "@remix-run/node";
import { requireRole } from "../auth/auth.server";
import type { Role } from "../auth/roles";
import { handleEditorPost } from "./admin.server";
import { savedQuery } from "./saved-messages";

// What every editor route under /beheer/enquetes/:id does with its id and its POST: the routes differ
// only in the intents they accept (editorIntents) and the roles (staffAccess).

/** The numeric survey id of the URL, or a Dutch 404. */
export function surveyIdParam(params: { id?: string }): number {
  const id = Number.parseInt(params.id ?? "", 10);
  if (!Number.isInteger(id) || id <= 0 || String(id) !== params.id)
    throw new Response("Niet gevonden", { status: 404 });
  return id;
}

/** Check the role, handle the POST, then back to the overview with the code of what was saved (or the errors, 400). */
export async function surveyEditorAction(
  request: Request,
  params: { id?: string },
  roles: readonly Role[],
  intents: readonly string[],
) {
  const user = await requireRole(request, roles);
  const id = surveyIdParam(params);
  const outcome = await handleEditorPost(user, id, await request.formData(), intents);
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response("Niet gevonden", { status: 404 });
    return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
  }
  const to = outcome.redirectTo ?? `/beheer/enquetes/${id}`;
  throw redirect(`${to}${savedQuery(outcome.saved, outcome.newVersion)}`);
}
