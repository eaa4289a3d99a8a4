import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { bureauTemplate } from "~/domain/surveys/paper-pages.server";
import { downloadResponse } from "~/lib/download";

// The bureau template of a survey: XLSX (answers sheet + codebook), CSV, or the codebook as CSV. It holds
// no answers, only the survey's own questions, so it is not audited; it is still for staff only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes_.$id_.sjabloon.$formaat"]);
  const file = await bureauTemplate(params.id, params.formaat);
  if (!file) throw new Response("Dit sjabloon bestaat niet", { status: 404 });
  return downloadResponse(file.body, file.contentType, file.filename);
}
