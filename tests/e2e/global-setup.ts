import { type ChildProcess, execSync, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { createScratchDatabase, freePort } from "../../app/server/scratch-db";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

// A 1×1 transparent PNG: map tiles in tests never touch the network.
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

export default async function setup(project: TestProject) {
  execSync("npx tsx app/cli/build-if-needed.ts", { stdio: "inherit" });

  const database = await createScratchDatabase("wmh_e2e", [
    process.env.TEST_DATABASE_URL,
    process.env.DATABASE_URL,
  ]);
  const dbUrl = new URL(database.url);

  const tiles = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "image/png", "Access-Control-Allow-Origin": "*" });
    res.end(TILE);
  });
  await new Promise<void>((r) => tiles.listen(0, "127.0.0.1", r));
  const tilePort = (tiles.address() as AddressInfo).port;

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server: ChildProcess = spawn("npx", ["tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl.toString(),
      SEED_DEMO: "true",
      PORT: String(port),
      APP_URL: baseUrl,
      SESSION_SECURE_COOKIE: "false",
      LOG_LEVEL: "warn",
      SMTP_URL: "",
      MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
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
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("e2e server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", dbUrl.toString());

  return async () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    await new Promise((r) => tiles.close(r));
    await database.drop();
  };
}
