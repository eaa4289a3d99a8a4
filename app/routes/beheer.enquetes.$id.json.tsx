import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffSurvey } from "~/domain/surveys/admin.server";
import { downloadResponse } from "~/lib/download";

// JSON export of the definition staff are editing (no answers, no personal data).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id.json"]);
  const id = Number.parseInt(params.id ?? "", 10);
  const found = Number.isInteger(id) && id > 0 ? await staffSurvey(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return downloadResponse(
    JSON.stringify(found.definition, null, 2),
    "application/json; charset=utf-8",
    `enquete-${found.survey.slug}-v${found.current.version}.json`,
  );
}
