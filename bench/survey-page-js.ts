// The survey page's JavaScript, gzipped at level 9, from the production build (build/client). Used by
// tests/unit/survey-page-size.test.ts (the budget check in npm test) and bench/surveys.ts (prints it).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface SurveyPageJs {
  /** What the page loads before it works: entry, root, the survey route and every chunk they import. */
  shell: { bytes: number; files: string[] };
  /**
   * The shell plus the modules of every question type, as a page showing every type at once would
   * fetch them after hydration (question-types/page.tsx). Not the map-point question's map (Leaflet),
   * which loads only when that question is shown and the resident uses the map.
   */
  everyType: { bytes: number; files: string[] };
}

const ROUTE = "routes/enquete.$slug._index";

export function surveyPageJs(root: string): SurveyPageJs {
  const dir = path.join(root, "build/client/assets");
  // The app-wide route manifest itself is not counted: with lazy route discovery the page never
  // fetches it (its own routes are inlined in the HTML).
  const manifestFile = fs.readdirSync(dir).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!manifestFile) throw new Error("no route manifest in build/client/assets");
  const text = fs.readFileSync(path.join(dir, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const shell = new Set<string>();
  for (const m of [manifest.entry, manifest.routes.root, manifest.routes[ROUTE]]) {
    if (!m) throw new Error("survey route missing from the manifest");
    shell.add(m.module);
    for (const i of m.imports ?? []) shell.add(i);
  }
  // The question types' chunks and their imports: Vite lists them for its preload helper in the
  // route chunk (`m.f=[...]`).
  const routeCode = fs.readFileSync(path.join(root, "build/client", manifest.routes[ROUTE]!.module), "utf8");
  const lazy = [...(routeCode.match(/m\.f=\[([^\]]*)\]/)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map(
    (m) => `/${m[1]}`,
  );
  const everyType = new Set([...shell, ...lazy]);
  const measure = (files: Set<string>) => ({
    bytes: [...files].reduce(
      (sum, f) => sum + gzipSync(fs.readFileSync(path.join(root, "build/client", f)), { level: 9 }).length,
      0,
    ),
    files: [...files],
  });
  return { shell: measure(shell), everyType: measure(everyType) };
}
