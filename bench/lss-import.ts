// Bench for issue 15: a generated LimeSurvey export with 300 questions (every mapped type, Dutch and
// English texts, HTML, relevance equations) is imported; target under 2 s. Baseline in the same run:
// only parsing the same XML with saxes (no mapping, no sanitising), printed as a ratio.
// Usage: npm run bench:lss-import [-- --questions 300 --runs 7]
import { performance } from "node:perf_hooks";
import { SaxesParser } from "saxes";
import { surveyDefinitionSchema } from "../app/domain/surveys/definition";
import { exportLss } from "../app/domain/surveys/import/export";
import { importLss } from "../app/domain/surveys/import/limesurvey";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const QUESTIONS = arg("questions", 300);
const RUNS = arg("runs", 7);

/** A definition with `n` questions over pages of 10, cycling through our types, with conditions. */
function generated(n: number) {
  const types = ["single", "multiple", "matrix", "open", "number", "ranking", "agree", "grade"] as const;
  const options = (p: string, k: number) =>
    Array.from({ length: k }, (_, i) => ({
      value: `${p}${i + 1}`,
      label: `Antwoord ${i + 1} met wat <b>tekst</b>`,
    }));
  const pages = [];
  for (let p = 0; p * 10 < n; p++) {
    const questions = [];
    for (let i = p * 10; i < Math.min(n, p * 10 + 10); i++) {
      const type = types[i % types.length]!;
      const base = {
        key: `v${i + 1}`,
        text: `Vraag ${i + 1}: wat vindt u van het wonen in Heemstede? <script>alert(1)</script>`,
        description: "Een toelichting met een <a href='https://example.org'>link</a>.",
        required: i % 3 === 0,
        ...(p > 0 && i % 4 === 0 ? { showIf: { question: `v${p * 10 - 9}`, operator: "answered" } } : {}),
      };
      if (type === "single" || type === "multiple")
        questions.push({ ...base, type, options: options("a", 6), other: i % 2 === 0 });
      else if (type === "matrix")
        questions.push({ ...base, type, rows: options("r", 5), scale: options("s", 5) });
      else if (type === "ranking") questions.push({ ...base, type, items: options("i", 5) });
      else questions.push({ ...base, type });
    }
    pages.push({ key: `pagina-${p + 1}`, title: `Pagina ${p + 1}`, questions });
  }
  return surveyDefinitionSchema.parse({ title: "Bench", pages });
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const { xml } = exportLss(generated(QUESTIONS));
// Drop our own extras, so the import does all the work a foreign file needs.
const foreign = xml.replace(
  /<row><qid><!\[CDATA\[\d+\]\]><\/qid><attribute><!\[CDATA\[wmh_definition\]\]>.*?<\/row>/gs,
  "",
);
const bytes = Buffer.byteLength(foreign);
if (foreign.includes("wmh_definition")) throw new Error("the extras were not stripped");

const importTimes: number[] = [];
const parseTimes: number[] = [];
let questions = 0;
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  const p = new SaxesParser();
  let elements = 0;
  p.on("opentag", () => elements++);
  p.write(foreign).close();
  parseTimes.push(performance.now() - t);
  t = performance.now();
  const outcome = importLss(foreign);
  importTimes.push(performance.now() - t);
  if (!outcome.ok) throw new Error(outcome.message);
  questions = outcome.report.items.length;
}
const fmt = (v: number[]) => v.map((x) => x.toFixed(0)).join(" / ");
console.log(`LimeSurvey import bench: ${questions} questions, ${(bytes / 1024).toFixed(0)} KB, ${RUNS} runs`);
console.log(
  `  import (parse + map + sanitise + validate): ${fmt(importTimes)} ms; median ${median(importTimes).toFixed(0)} ms (target < 2000 ms)`,
);
console.log(
  `  baseline, XML parsing only (saxes):          ${fmt(parseTimes)} ms; median ${median(parseTimes).toFixed(1)} ms`,
);
console.log(`  ratio import / parsing (medians): ${(median(importTimes) / median(parseTimes)).toFixed(1)}`);
console.log(
  `  worst run ${Math.max(...importTimes).toFixed(0)} ms: ${Math.max(...importTimes) < 2000 ? "under" : "OVER"} the 2 s target`,
);
