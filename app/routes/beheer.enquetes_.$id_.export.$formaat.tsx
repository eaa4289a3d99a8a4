import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { exportCsv, exportXlsx } from "~/domain/insights/exports.server";
import { downloadResponse } from "~/lib/download";

// Exports are streamed to a logged-in researcher or administrator, never cached, and audited
// (docs/policy.md: exports reachable by anyone holding the link are a known mistake).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.export.$formaat"]);
  const id = Number(params.id);
  const format = params.formaat;
  if (!Number.isSafeInteger(id) || id <= 0 || (format !== "csv" && format !== "xlsx"))
    throw new Response("Deze export bestaat niet", { status: 404 });
  const actor = { id: user.id, email: user.email };
  const file = format === "csv" ? await exportCsv(actor, id) : await exportXlsx(actor, id);
  if (!file) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return downloadResponse(file.body, file.contentType, file.filename);
}
