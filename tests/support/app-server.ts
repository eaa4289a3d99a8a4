// Start the built app on a free port against a given database, as the e2e tests and the page bench do.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../../app/server/scratch-db";

export interface AppServer {
  baseUrl: string;
  /** Process id of the server's process group (npx, node). */
  pid: number;
  stop(): Promise<void>;
  /** kill -9 of the whole process group, at once, without any shutdown. */
  kill(): void;
}

export async function startAppServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server: ChildProcess = spawn("npx", ["tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "true",
      PORT: String(port),
      APP_URL: baseUrl,
      SESSION_SECURE_COOKIE: "false",
      LOG_LEVEL: "warn",
      SMTP_URL: "",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the app server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    pid: server.pid!,
    kill() {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
    async stop() {
      if (server.pid) {
        try {
          process.kill(-server.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 1500));
    },
  };
}
