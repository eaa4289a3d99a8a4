// `npm run bench:consultation`: a concept document of 300 paragraphs with 5,000 confirmed reactions.
// 1. The public document page's server work (app/domain/consultation/public-document.server.ts publicDocument, plus
//    serialising its loader data) — p95 over RUNS runs, as a ratio to the p95 of ONE plain SELECT of the same
//    rows (paragraphs left-joined with their confirmed reactions), measured in the same run. Target ≤ 2×.
//    React rendering of the page is not included (see docs/consultation.md).
// 2. The reactienota of that version (loadNota: 300 points) generated in under 5 s.
// Uses BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (a fresh database is created and dropped).

import { benchDatabase } from "./database";
import { p95 } from "./stats";

const PARAGRAPHS = 300;
const REACTIONS = Number(process.env.BENCH_REACTIONS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function main() {
  const database = await benchDatabase();
  Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "warn", SEED_DEMO: "false" });
  const { getDb, getSql, closeDb } = await import("../app/lib/db.server");
  const schema = await import("../db/schema");
  const { publicDocument } = await import("../app/domain/consultation/public-document.server");
  const { loadNota } = await import("../app/domain/consultation/nota.server");
  const db = getDb();
  try {
    const [project] = await db.insert(schema.projects).values({ slug: "bench", title: "Bench" }).returning();
    const [doc] = await db
      .insert(schema.consultationDocuments)
      .values({
        projectId: project!.id,
        title: "Bench-document",
        reactionStartsAt: new Date(Date.now() - 86_400_000),
        reactionEndsAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const [version] = await db
      .insert(schema.consultationVersions)
      .values({ documentId: doc!.id, number: 1, status: "published", publishedAt: new Date() })
      .returning();
    const paragraphs = await db
      .insert(schema.consultationParagraphs)
      .values(
        Array.from({ length: PARAGRAPHS }, (_, i) => ({
          versionId: version!.id,
          position: i + 1,
          chapter: Math.floor(i / 20) + 1,
          chapterTitle: `Hoofdstuk ${Math.floor(i / 20) + 1}`,
          number: (i % 20) + 1,
          text: `Alinea ${i + 1}: de gemeente wil meer betaalbare woningen, duurzaam bouwen en goede voorzieningen in elke wijk. `.repeat(
            3,
          ),
        })),
      )
      .returning({ id: schema.consultationParagraphs.id });
    const points = await db
      .insert(schema.consultationPoints)
      .values(
        paragraphs.map((p, i) => ({
          versionId: version!.id,
          paragraphId: p.id,
          summary: `Punt ${i + 1}: meer sociale huur`,
          answer: "De gemeente neemt dit mee.",
          decision: (["adopted", "partly_adopted", "not_adopted"] as const)[i % 3],
          reason: "Past in het beleid.",
        })),
      )
      .returning({ id: schema.consultationPoints.id });
    for (let start = 0; start < REACTIONS; start += 1000)
      await db.insert(schema.consultationReactions).values(
        Array.from({ length: Math.min(1000, REACTIONS - start) }, (_, j) => {
          const i = start + j;
          const org = i % 10 === 0;
          return {
            versionId: version!.id,
            paragraphId: i % 25 === 0 ? null : paragraphs[i % PARAGRAPHS]!.id,
            kind: org ? ("organisation" as const) : ("resident" as const),
            name: `Naam ${i}`,
            email: `r${i}@bench.test`,
            organisationName: org ? `Organisatie ${i % 7}` : null,
            organisationRole: org ? "adviseur" : null,
            text:
              i % 50 === 0
                ? `Bel mij op 06-1234567${i % 10} over de Binnenweg ${i % 90}.`
                : `Reactie ${i}: ik vind dat er meer woningen voor starters en ouderen moeten komen in Heemstede.`,
            status: "confirmed" as const,
            tokenHash: `bench-${i}`,
            pointId: points[i % PARAGRAPHS]!.id,
          };
        }),
      );
    await getSql()`analyze`;
    const sql = getSql();
    const plain = () =>
      sql`select p.id, p.chapter, p.chapter_title, p.number, p.text, r.id as rid, r.kind, r.organisation_name,
                 r.organisation_role, r.text as rtext, r.public_text
            from consultation_paragraphs p
            left join consultation_reactions r on r.paragraph_id = p.id and r.status = 'confirmed'
           where p.version_id = ${version!.id} order by p.position, r.id`;
    const page = async () => JSON.stringify(await publicDocument("bench", db));
    // Warm up both.
    for (let i = 0; i < 3; i++) {
      await plain();
      await page();
    }
    const base: number[] = [];
    const doc_: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await plain();
      base.push(performance.now() - t);
      t = performance.now();
      await page();
      doc_.push(performance.now() - t);
    }
    const rows = (await plain()).length;
    const t = performance.now();
    const nota = await loadNota({ documentId: doc!.id }, 1, db);
    const notaMs = performance.now() - t;
    const { loadavg } = await import("node:os");
    const ratio = p95(doc_) / p95(base);
    process.stdout.write(
      `${[
        `Consultation bench: ${PARAGRAPHS} paragraphs, ${REACTIONS} reactions, ${RUNS} runs, load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
        `plain SELECT (${rows} rows): p95 ${p95(base).toFixed(1)} ms (median ${[...base].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!.toFixed(1)} ms)`,
        `public document page (domain + loader data): p95 ${p95(doc_).toFixed(1)} ms (median ${[...doc_].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!.toFixed(1)} ms)`,
        `ratio: ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? "OK" : "OVER TARGET"}`,
        `reactienota: ${nota!.nota.summary.points} points, ${nota!.nota.summary.reactions} reactions in ${notaMs.toFixed(0)} ms (target < 5000 ms) ${notaMs < 5000 ? "OK" : "OVER TARGET"}`,
      ].join("\n")}\n`,
    );
  } finally {
    await closeDb();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
