import { randomUUID } from "node:crypto";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, {
  type Request as ExpressRequest,
  type Response as ExpressResponse,
  type NextFunction,
} from "express";
import { pinoHttp } from "pino-http";
import { getEnv } from "../lib/env.server";
import { getLogger } from "../lib/logger.server";
import { errorPage } from "./error-page";
import { ALLOWED_METHODS, guardBuild, refuseRequest } from "./request-guard";
import {
  createNonce,
  externalOrigins,
  hstsHeader,
  isCrossSiteWrite,
  securityHeaders,
  urlForLog,
} from "./security";

export const BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * Forms with a file (multipart/form-data under /beheer/, and the quickscan's photo step): room for a
 * 5 MB image plus the other fields, so a somewhat larger file still gets a Dutch message at the field
 * instead of a 413 page.
 */
export const UPLOAD_BODY_LIMIT_BYTES = 12 * 1024 * 1024;
const isUpload = (req: ExpressRequest) =>
  (req.path.startsWith("/beheer/") || req.path === "/idee/nieuw") &&
  (req.get("content-type") ?? "").startsWith("multipart/form-data");

declare module "@remix-run/node" {
  interface AppLoadContext {
    nonce: string;
    requestId: string;
    clientIp: string;
  }
}

export interface HttpOptions {
  getBuild: () => Promise<ServerBuild>;
  /** Vite dev middleware (development only). */
  devMiddleware?: express.RequestHandler;
  /** Folder with the built browser assets (production). */
  clientDir?: string;
}

/** Turn an Express request with a buffered body into a Fetch API Request for Remix. */
function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const hasBody =
    req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body) && req.body.length > 0;
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? req.body : undefined,
    signal: controller.signal,
  });
}

async function sendFetchResponse(res: ExpressResponse, response: Response) {
  res.status(response.status);
  res.statusMessage = response.statusText || res.statusMessage;
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.flushHeaders();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
    // Compression buffers; flush so streamed responses arrive while they are produced.
    (res as unknown as { flush?: () => void }).flush?.();
  }
  res.end();
}

export function createHttpApp(options: HttpOptions) {
  const env = getEnv();
  const dev = !!options.devMiddleware;
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY)
    app.set("trust proxy", process.env.TRUST_PROXY === "true" ? true : process.env.TRUST_PROXY);

  const imgOrigins = externalOrigins([env.MAP_TILE_URL]);
  const connectOrigins = externalOrigins([env.PDOK_LOCATIESERVER_URL]);

  app.use((req, res, next) => {
    const requestId =
      (req.get("x-request-id") ?? "").replace(/[^A-Za-z0-9-]/g, "").slice(0, 64) || randomUUID();
    res.locals.requestId = requestId;
    res.locals.nonce = createNonce();
    res.setHeader("X-Request-Id", requestId);
    for (const [k, v] of Object.entries(
      securityHeaders({ nonce: res.locals.nonce, imgOrigins, connectOrigins, dev }),
    )) {
      res.setHeader(k, v);
    }
    const hsts = hstsHeader(req.secure, env.HSTS_MAX_AGE);
    if (hsts) res.setHeader("Strict-Transport-Security", hsts);
    next();
  });
  app.use(
    pinoHttp({
      logger: getLogger(),
      genReqId: (_req, res) => (res as ExpressResponse).locals.requestId,
      autoLogging: { ignore: (req) => req.url === "/healthz" || (req.url ?? "").startsWith("/assets/") },
      // Only what is needed to follow a request: no IP address, no headers (cookies), no tokens.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: urlForLog(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(compression());

  if (options.devMiddleware) {
    app.use(options.devMiddleware);
  } else if (options.clientDir) {
    app.use(
      "/assets",
      express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }),
    );
    app.use(express.static(options.clientDir, { maxAge: "1h", index: false }));
  }

  app.use((req, res, next) => {
    const crossSite = isCrossSiteWrite(req.method, {
      origin: req.get("origin"),
      host: req.get("host"),
      fetchSite: req.get("sec-fetch-site"),
    });
    if (crossSite) return void res.status(403).type("html").send(errorPage(403, res.locals.requestId));
    next();
  });
  // Buffer request bodies up to 1 MB (so the limit also holds for chunked uploads); larger gets 413.
  const plainBody = express.raw({ type: () => true, limit: BODY_LIMIT_BYTES });
  const uploadBody = express.raw({ type: () => true, limit: UPLOAD_BODY_LIMIT_BYTES });
  app.use((req, res, next) => (isUpload(req) ? uploadBody : plainBody)(req, res, next));
  app.use((req, res, next) => {
    const refused = refuseRequest({
      method: req.method,
      url: req.originalUrl,
      contentType: req.get("content-type"),
      body: Buffer.isBuffer(req.body) ? req.body : undefined,
    });
    if (!refused) return next();
    if (refused === 405) res.setHeader("Allow", ALLOWED_METHODS.join(", "));
    res.status(refused).type("html").send(errorPage(refused, res.locals.requestId));
  });

  let handlerFor: { build: ServerBuild; handler: ReturnType<typeof createRequestHandler> } | undefined;
  app.all("*", async (req, res, next) => {
    try {
      const build = await options.getBuild();
      if (handlerFor?.build !== build) {
        handlerFor = {
          build,
          handler: createRequestHandler(guardBuild(build), dev ? "development" : "production"),
        };
      }
      const handler = handlerFor.handler;
      const response = await handler(toFetchRequest(req, res), {
        nonce: res.locals.nonce,
        requestId: res.locals.requestId,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      });
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    const status =
      typeof error === "object" && error && "status" in error && (error as { status: number }).status === 413
        ? 413
        : 500;
    if (status === 500) req.log?.error({ err: error }, "unhandled error");
    if (res.headersSent) return void res.end();
    res.status(status).type("html").send(errorPage(status, res.locals.requestId));
  });
  return app;
}
