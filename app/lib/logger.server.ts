import { pino } from "pino";
import { getEnv } from "./env.server";

let instance: pino.Logger | undefined;

/** Structured JSON logs; request logs carry a request id (see app/server/http.ts). */
export function getLogger(): pino.Logger {
  instance ??= pino({
    level: process.env.NODE_ENV === "test" ? "silent" : getEnv().LOG_LEVEL,
    base: { app: "wij-maken-heemstede" },
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.email"],
  });
  return instance;
}
