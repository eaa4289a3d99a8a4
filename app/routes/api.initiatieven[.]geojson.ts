import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseGeoJsonQuery } from "~/domain/initiatives/map-filters";
import { etagFor, filterOptions, initiativesGeoJson } from "~/domain/initiatives/public-map.server";

// Public API, documented in docs/map.md: published initiatives, public fields only.
const CACHE = "public, max-age=60, stale-while-revalidate=300";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseGeoJsonQuery(new URL(request.url).searchParams, filterOptions);
  if (!parsed.ok)
    return new Response(JSON.stringify({ error: parsed.error }), {
      status: 400,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  const body = JSON.stringify(await initiativesGeoJson(parsed.query));
  const etag = etagFor(body);
  const headers = {
    "Content-Type": "application/geo+json; charset=utf-8",
    "Cache-Control": CACHE,
    ETag: etag,
    Vary: "Accept-Encoding",
    "Access-Control-Allow-Origin": "*",
  };
  const match = request.headers.get("If-None-Match");
  if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": CACHE, Vary: "Accept-Encoding" },
    });
  return new Response(body, { status: 200, headers });
}
