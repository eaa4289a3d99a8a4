import { execSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "../../app/server/scratch-db";
import { startAppServer } from "../support/app-server";

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

  const server = await startAppServer(dbUrl.toString(), {
    MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
  });
  const baseUrl = server.baseUrl;
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", dbUrl.toString());

  return async () => {
    await server.stop();
    await new Promise((r) => tiles.close(r));
    await database.drop();
  };
}
