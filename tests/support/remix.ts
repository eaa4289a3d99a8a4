// Call Remix loaders and actions directly, the way the server would, and read the outcome
// the same way whether they returned data, returned a Response, or threw one.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export interface Outcome<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  location: string | null;
}

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

export function makeRequest(
  path: string,
  options: {
    method?: string;
    form?: Record<string, string | string[]>;
    cookie?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(options.form))
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost${path}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body,
  });
}

export const testContext = { nonce: "test", requestId: "test", clientIp: "127.0.0.1" };

async function toOutcome<T>(value: unknown): Promise<Outcome<T>> {
  if (value instanceof Response) {
    const type = value.headers.get("Content-Type") ?? "";
    const data = type.includes("json") ? await value.json() : await value.text();
    return {
      status: value.status,
      headers: value.headers,
      data: data as T,
      location: value.headers.get("Location"),
    };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const v = value as { data: T; init?: ResponseInit | null };
    const headers = new Headers(v.init?.headers);
    return { status: v.init?.status ?? 200, headers, data: v.data, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: value as T, location: null };
}

export async function run<T = unknown>(
  fn: Fn | undefined,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome<T>> {
  if (!fn) throw new Error("route has no such function");
  try {
    return await toOutcome<T>(await fn({ request, params, context: testContext } as LoaderFunctionArgs));
  } catch (thrown) {
    if (thrown instanceof Response || (thrown && typeof thrown === "object" && "type" in thrown))
      return toOutcome<T>(thrown);
    throw thrown;
  }
}
