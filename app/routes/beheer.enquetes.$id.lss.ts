import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { limeSurveyExportFile } from "~/domain/surveys/import/import.server";
import { downloadResponse } from "~/lib/download";

// The survey (the version staff are editing) as a LimeSurvey .lss file; no answers, no personal data.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes.$id.lss"]);
  const id = Number.parseInt(params.id ?? "", 10);
  const file = Number.isInteger(id) && id > 0 ? await limeSurveyExportFile(user, id) : null;
  if (!file) throw new Response("Niet gevonden", { status: 404 });
  return downloadResponse(file.xml, "application/xml; charset=utf-8", file.fileName);
}
