import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicExportFile } from "~/domain/monitor/pages.server";

// Open data: the public overview (same filter as the page) as CSV, XLSX or JSON.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await publicExportFile(params.formaat, new URL(request.url));
  if (!file) throw new Response("Niet gevonden", { status: 404 });
  const headers = new Headers({ "Content-Type": file.contentType, "Cache-Control": "public, max-age=60" });
  if (!file.contentType.startsWith("application/json"))
    headers.set("Content-Disposition", `attachment; filename="${file.filename}"`);
  else headers.set("Access-Control-Allow-Origin", "*");
  return new Response(file.body, { headers });
}
