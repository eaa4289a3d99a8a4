import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// An exported function, constant or class in app/ that no file names except its own declaration is dead
// code (issue 18: "remove unused exports"). Counted by name over app/, db/, tests/ and bench/: a name
// used anywhere else, even in a test only, counts as used. Remix's route exports and the entry points
// the framework calls are left out.
const root = path.resolve(import.meta.dirname, "../..");
const FRAMEWORK = new Set([
  "loader",
  "action",
  "meta",
  "links",
  "default",
  "ErrorBoundary",
  "handle",
  "headers",
  "clientLoader",
  "shouldRevalidate",
  "handleError",
  "Layout",
  "streamTimeout",
]);

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(rel);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [rel] : [];
  });
}

test("every exported function, constant and class in app/ is used somewhere", () => {
  const all = ["app", "db", "tests", "bench"].flatMap(files);
  const counts = new Map<string, number>();
  for (const f of all)
    for (const word of fs.readFileSync(path.join(root, f), "utf8").match(/[A-Za-z_$][\w$]*/g) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  const unused: string[] = [];
  for (const f of all.filter((f) => f.startsWith("app/"))) {
    const text = fs.readFileSync(path.join(root, f), "utf8");
    for (const m of text.matchAll(/^export (?:async )?(?:function\*? |const |class )([A-Za-z_$][\w$]*)/gm)) {
      const name = m[1]!;
      if (!FRAMEWORK.has(name) && (counts.get(name) ?? 0) <= 1) unused.push(`${f}: ${name}`);
    }
  }
  expect(unused).toEqual([]);
});
