import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { roundExportFile } from "~/domain/monitor/pages.server";
import { downloadResponse } from "~/lib/download";

// A round as a spreadsheet to fill in offline (round trip with /beheer/prestatieafspraken/import); audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken.export.$formaat"]);
  const file = await roundExportFile(user, params.formaat, new URL(request.url).searchParams.get("ronde"));
  if (!file) throw new Response("Niet gevonden", { status: 404 });
  return downloadResponse(file.body, file.contentType, file.filename);
}
