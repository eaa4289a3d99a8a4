// Bench for issue 15 (npm run bench:bureau-import): a bureau file of 10,000 rows × 30 columns (a code
// and 29 answer fields) is read, validated row by row with the survey's own validation, its codes checked,
// and imported in one transaction. Targets: under 60 s and under 300 MB peak RSS. Baseline in the same
// run: a plain bulk insert of the same responses and answer rows (no file, no validation, no codes).
// Both CSV and XLSX are measured. Runs against a throw-away database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { closeDb, getDb, getSql } from "../app/lib/db.server";
import { resetEnvForTests } from "../app/lib/env.server";
import { benchDatabase } from "./database";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

function definition() {
  const options = [
    { value: "a", label: "Antwoord A" },
    { value: "b", label: "Antwoord B" },
    { value: "c", label: "Antwoord C" },
  ];
  return {
    title: "Bench bureau",
    pages: [
      {
        key: "een",
        title: "Een",
        questions: [
          ...Array.from({ length: 10 }, (_, i) => ({
            key: `keuze-${i + 1}`,
            type: "single",
            text: `Keuzevraag ${i + 1}`,
            required: i === 0,
            options,
          })),
          ...Array.from({ length: 5 }, (_, i) => ({
            key: `stelling-${i + 1}`,
            type: "agree",
            text: `Stelling ${i + 1}`,
          })),
        ],
      },
      {
        key: "twee",
        title: "Twee",
        questions: [
          ...Array.from({ length: 4 }, (_, i) => ({
            key: `getal-${i + 1}`,
            type: "number",
            text: `Getal ${i + 1}`,
            min: 0,
            max: 100,
          })),
          { key: "jaar", type: "birthYear", text: "Geboortejaar" },
          {
            key: "buurt",
            type: "matrix",
            text: "Buurt",
            rows: ["groen", "rust", "winkels", "veilig", "schoon"].map((v) => ({ value: v, label: v })),
            scale: options,
          },
          {
            key: "wens",
            type: "multiple",
            text: "Wensen",
            options: [...options, { value: "d", label: "Antwoord D" }],
          },
        ],
      },
    ],
  };
}

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Child process: read, check and import one file; print time and peak RSS as JSON. */
async function importOnly(url: string, surveyId: number, file: string) {
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = "silent";
  process.env.SEED_DEMO = "false";
  resetEnvForTests();
  const fs = await import("node:fs");
  const { openBureauFile } = await import("../app/domain/surveys/bureau-files.server");
  const { importBureauRows } = await import("../app/domain/surveys/bureau-import.server");
  const { paperSurvey } = await import("../app/domain/surveys/paper-responses.server");
  const { createStaffUserForBench } = await import("./support");
  const db = getDb();
  const actor = await createStaffUserForBench();
  const target = (await paperSurvey(surveyId, db))!;
  const rssBefore = process.memoryUsage().rss;
  const rss = sampleRss();
  // What the route gets: the uploaded file's bytes. Like the route, each step opens the file and reads
  // it row by row (read time is part of the dry run and the import; "read" is opening the file).
  const buffer = fs.readFileSync(file);
  const upload = {
    name: file,
    arrayBuffer: async () =>
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  };
  let t = performance.now();
  const opened = await openBureauFile(upload);
  const readMs = performance.now() - t;
  t = performance.now();
  const dry = await importBureauRows(actor, target, opened!, { apply: false, channel: "bureau" }, db);
  const dryMs = performance.now() - t;
  t = performance.now();
  const done = await importBureauRows(
    actor,
    target,
    (await openBureauFile(upload))!,
    {
      apply: true,
      channel: "bureau",
    },
    db,
  );
  const importMs = performance.now() - t;
  const peak = rss.stop();
  await closeDb();
  if (done.status !== "imported" || dry.check.errors.length > 0)
    throw new Error(`import failed: ${JSON.stringify(done.check.errors.slice(0, 3))}`);
  process.stdout.write(`${JSON.stringify({ readMs, dryMs, importMs, peak, rssBefore })}\n`);
}

async function main() {
  const database = await benchDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "silent";
    process.env.SEED_DEMO = "false";
    resetEnvForTests();
    const { surveyDefinitionSchema } = await import("../app/domain/surveys/definition");
    const { createPersonalCodes } = await import("../app/domain/surveys/codes.server");
    const { templateHeader } = await import("../app/domain/surveys/bureau-files.server");
    const { paperSurvey, insertSubmittedResponses } = await import(
      "../app/domain/surveys/paper-responses.server"
    );
    const { checkWholeForm } = await import("../app/domain/surveys/paper");
    const { surveys, surveyVersions } = await import("../db/schema");
    const { seedWijken } = await import("../db/seed/wijken");
    const { createStaffUserForBench } = await import("./support");
    const ExcelJS = (await import("exceljs")).default;

    const db = getDb();
    await seedWijken(db);
    const def = surveyDefinitionSchema.parse(definition());
    const makeSurvey = async (slug: string) => {
      const [s] = await db
        .insert(surveys)
        .values({ slug, title: slug, status: "published", accessMode: "code" })
        .returning();
      await db
        .insert(surveyVersions)
        .values({ surveyId: s!.id, version: 1, definition: def, publishedAt: new Date() });
      return s!.id;
    };
    const _actor = await createStaffUserForBench();
    const header = templateHeader(def);
    console.log(`file: ${ROWS.toLocaleString("en")} rows × ${header.length} columns`);

    const pick = (i: number, n: number, salt: number) => ((i * 7919 + salt * 104_729) % n) + 1;
    const rowFor = (code: string, i: number) =>
      header.map((h, c) => {
        if (h === "code") return code;
        if (h.startsWith("keuze-")) return ["a", "b", "c"][pick(i, 3, c) - 1]!;
        if (h.startsWith("stelling-")) return String(pick(i, 5, c));
        if (h.startsWith("getal-")) return String(pick(i, 100, c));
        if (h === "jaar") return String(1930 + pick(i, 70, c));
        if (h.startsWith("buurt_")) return ["a", "b", "c"][pick(i, 3, c) - 1]!;
        if (h.startsWith("wens_")) return String(pick(i, 2, c) - 1);
        return "";
      });

    for (const format of ["csv", "xlsx"] as const) {
      const surveyId = await makeSurvey(`bureau-${format}`);
      const baselineSurvey = await makeSurvey(`baseline-${format}`);
      const codes = await createPersonalCodes(surveyId, ROWS, "letter", db);
      const baselineCodes = await createPersonalCodes(baselineSurvey, ROWS, "letter", db);
      const table = codes.map((c, i) => rowFor(c.code, i));
      let bytes: Uint8Array;
      if (format === "csv") {
        bytes = new TextEncoder().encode(
          `\uFEFF${[header, ...table].map((r) => r.join(";")).join("\r\n")}\r\n`,
        );
      } else {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet("Antwoorden");
        sheet.addRow(header);
        for (const r of table) sheet.addRow(r);
        bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      }
      const file = path.join(os.tmpdir(), `wmh-bureau-${process.pid}.${format}`);
      fs.writeFileSync(file, bytes);
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          "--import-only",
          database.url,
          String(surveyId),
          file,
        ],
        { encoding: "utf8", maxBuffer: 1 << 20 },
      );
      fs.rmSync(file, { force: true });
      if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
      const { readMs, dryMs, importMs, peak, rssBefore } = JSON.parse(
        child.stdout.trim().split("\n").pop()!,
      ) as { readMs: number; dryMs: number; importMs: number; peak: number; rssBefore: number };
      // Baseline: the same rows (already typed), straight into the database in one transaction.
      const baseTarget = (await paperSurvey(baselineSurvey, db))!;
      const typed = table.map((r, i) => {
        const raw: Record<string, string | string[]> = {};
        // Typed answers built outside the timing.
        header.forEach((h, c) => {
          if (h === "code") return;
          const [q, sub] = h.split("_");
          if (h.startsWith("wens_")) {
            if (r[c] === "1") raw[`v_${q}`] = [...((raw[`v_${q}`] as string[]) ?? []), sub!];
          } else raw[sub ? `v_${q}__${sub}` : `v_${q}`] = r[c]!;
        });
        return {
          codeId: baselineCodes[i]!.codeId,
          respondentId: null,
          answers: checkWholeForm(def, raw).answers,
        };
      });
      const t = performance.now();
      await db.transaction((tx) => insertSubmittedResponses(baseTarget, "bureau", typed, tx));
      const baselineMs = performance.now() - t;

      const total = readMs + dryMs + importMs;
      console.log(
        `${format.toUpperCase()} (${mb(bytes.byteLength)}): read ${(readMs / 1000).toFixed(1)} s, dry run ${(dryMs / 1000).toFixed(1)} s, ` +
          `validate + import ${(importMs / 1000).toFixed(1)} s; total ${(total / 1000).toFixed(1)} s (target < 60 s); ` +
          `peak RSS ${mb(peak)} (at the start of the import process: ${mb(rssBefore)}; target < 300 MB)`,
      );
      console.log(
        `  baseline plain bulk insert of the same ${ROWS} responses: ${(baselineMs / 1000).toFixed(1)} s; ` +
          `ratio import (validate + import) / baseline: ${(importMs / baselineMs).toFixed(2)}×, total / baseline: ${(total / baselineMs).toFixed(2)}×`,
      );
      const [{ n }] =
        (await getSql()`select count(*)::int as n from responses where survey_id = ${surveyId}`) as unknown as [
          { n: number },
        ];
      if (n !== ROWS) throw new Error(`expected ${ROWS} responses, found ${n}`);
    }
  } finally {
    await closeDb();
    await database.drop();
  }
}

const importArgs = process.argv.indexOf("--import-only");
(importArgs >= 0
  ? importOnly(
      process.argv[importArgs + 1]!,
      Number(process.argv[importArgs + 2]),
      process.argv[importArgs + 3]!,
    )
  : main()
).catch((error) => {
  console.error(error);
  process.exit(1);
});
