// Bad input never gives a 500 (docs/security.md): requests the app cannot handle are refused
// with a Dutch 400/405 page before Remix sees them, and database errors caused by input (a
// number too big for its column, a NUL byte, a unique-constraint race) become 400/409.
import type { ServerBuild } from "@remix-run/node";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

function decodable(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Why a request is refused before routing, or null when it may pass. */
export function refuseRequest(req: {
  method: string;
  url: string;
  contentType: string | undefined;
  body: Buffer | undefined;
}): 400 | 405 | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method.toUpperCase())) return 405;
  // A NUL byte can never be stored in PostgreSQL text; no page of ours needs one.
  if (/%00/i.test(req.url) || req.url.includes("\0")) return 400;
  // A path Remix cannot decode (a lone "%", a broken UTF-8 sequence like %E2%82) made route
  // matching throw a URIError.
  if (!decodable(req.url.split("?")[0]!)) return 400;
  if (req.method.toUpperCase() !== "POST") return null;
  const type = (req.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return 400;
  if (type === "application/x-www-form-urlencoded" && req.body) {
    const text = req.body.toString("latin1");
    if (/%00/i.test(text) || text.includes("\0")) return 400;
  }
  return null;
}

/** PostgreSQL error codes that mean "the input was wrong", and the status to answer with. */
const inputErrors: Record<string, number> = {
  "22003": 400, // numeric_value_out_of_range: an id or page number too big for the column
  "22P02": 400, // invalid_text_representation
  "22021": 400, // character_not_in_repertoire: a NUL byte
  "22001": 400, // string_data_right_truncation
  "22008": 400, // datetime_field_overflow
  "23505": 409, // unique_violation: two requests raced for one row
};

function statusFor(error: unknown): number | null {
  let e: unknown = error;
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && inputErrors[code]) return inputErrors[code]!;
    e = (e as { cause?: unknown }).cause;
  }
  if (error instanceof TypeError && /FormData|multipart|boundary/i.test(error.message)) return 400;
  return null;
}

type Handler = (args: never) => unknown;

function guard<F extends Handler>(fn: F): F {
  return (async (args: never) => {
    try {
      return await fn(args);
    } catch (error) {
      const status = statusFor(error);
      if (status) throw new Response(status === 409 ? "Conflict" : "Bad Request", { status });
      throw error;
    }
  }) as F;
}

/** The build with every loader and action guarded. */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const m = route.module;
    routes[id] = {
      ...route,
      module: {
        ...m,
        ...(m.loader ? { loader: guard(m.loader as Handler) } : {}),
        ...(m.action ? { action: guard(m.action as Handler) } : {}),
      } as typeof m,
    };
  }
  return { ...build, routes };
}
