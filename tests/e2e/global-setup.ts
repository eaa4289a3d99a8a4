import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { type EmbeddedDb, startEmbeddedDb } from "../../app/server/embedded-db";

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

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export default async function setup(project: TestProject) {
  execSync("npx tsx app/cli/build-if-needed.ts", { stdio: "inherit" });

  let embedded: EmbeddedDb | undefined;
  let tmpDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "wmh-e2e-db-"));
    fs.chmodSync(tmpDir, 0o755);
    embedded = await startEmbeddedDb({
      dir: path.join(tmpDir, "data"),
      port: await freePort(),
      persistent: false,
      database: "postgres",
    });
    serverUrl = embedded.url;
  }
  const dbName = `wmh_e2e_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;

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
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
