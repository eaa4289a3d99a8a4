import { execSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";
import { surveyPageJs } from "../../bench/survey-page-js";

// The survey page's JavaScript budget (docs/surveys.md), gzipped at level 9, as bench/surveys.ts
// prints it. Builds first when the build is older than the sources (app/cli/build-if-needed.ts).
// - What the page loads before it works (entry, root, the survey route and their chunks): at most
//   90 KB. The question types are not part of it: the page fetches the modules of the types it shows
//   after hydration (question-types/page.tsx), so a new type does not grow it.
// - With the modules of every question type, as a page showing all of them would load: at most the
//   site's 100 KB budget for any page. The map of the map-point question (Leaflet) is fetched only when
//   a resident uses it and is counted in neither.
const root = path.resolve(import.meta.dirname, "../..");

test("the survey page ships at most 90 KB of JavaScript before it works, and 100 KB with every question type", () => {
  execSync("npx tsx app/cli/build-if-needed.ts", { cwd: root, stdio: "pipe" });
  const { shell, everyType } = surveyPageJs(root);
  expect(shell.files.length).toBeGreaterThan(3);
  expect(everyType.files.length, "the question types' modules").toBeGreaterThan(shell.files.length + 5);
  expect(shell.bytes, `survey page JavaScript: ${shell.bytes} bytes gzipped`).toBeLessThanOrEqual(90 * 1024);
  expect(everyType.bytes, `with every question type: ${everyType.bytes} bytes`).toBeLessThanOrEqual(
    100 * 1024,
  );
}, 600_000);
