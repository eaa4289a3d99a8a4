// `npm start` builds first; this skips the build when nothing it depends on changed since.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { rootAccessProblem } from "../server/embedded-db";

// `npm start` as root from a folder the embedded PostgreSQL cannot enter: say so before a build of a
// minute, not after it (app/server/main.ts checks again for other ways of starting).
if (process.env.npm_lifecycle_event === "start" && !process.env.DATABASE_URL) {
  const problem = rootAccessProblem(".data/db");
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

const inputs = [
  "app",
  "public",
  "db",
  "vite.config.ts",
  "remix.config.js",
  "package-lock.json",
  "tsconfig.json",
];
const marker = "build/server/index.js";

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const changed = Math.max(...inputs.map(newest));
if (built > changed && process.env.FORCE_BUILD !== "true") {
  console.log("Build is up to date.");
} else {
  console.log("Building...");
  // Under vitest (e2e setup) VITEST is set, which would leave the Remix plugin out of the build.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.VITEST;
  delete env.VITEST_MODE;
  execSync("npx remix vite:build", { stdio: "inherit", env });
}
