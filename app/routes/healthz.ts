import { checkDatabase } from "~/lib/health.server";

// For load balancers and monitoring: 200 when the database answers, 503 when it does not.
export async function loader() {
  const db = await checkDatabase();
  return Response.json(
    { status: db.ok ? "ok" : "error", database: db.ok ? "ok" : "unreachable", ms: db.ms },
    { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
