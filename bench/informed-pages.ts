// `npm run bench:informed-pages`: the data of the home page's Actueel and of /actueel with 5,000 news
// items and 500 bijeenkomsten (issue 14). For each page the p95 of the server's data time (the domain
// functions its loader calls, in-process, against PostgreSQL) is printed as a ratio to the p95 of one
// plain SELECT of the same rows, measured alternately in the same run. Target: ratio <= 2.
//
// Uses BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (a fresh database is created and dropped).

import { benchDatabase } from "./database";
import { p95 } from "./stats";

const NEWS = Number(process.env.BENCH_NEWS ?? 5_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

async function main() {
  const database = await benchDatabase("wmh_bench_informed_pages");
  Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "warn", SEED_DEMO: "false" });
  const { getDb, getSql, closeDb } = await import("../app/lib/db.server");
  const { projects, projectPhases, newsItems, events } = await import("../db/schema");
  const { loadHomeActueel } = await import("../app/domain/news/home.server");
  const { listPublicNews } = await import("../app/domain/news/news.server");
  const db = getDb();
  const sql = getSql();
  try {
    const now = new Date();
    const day = 86_400_000;
    const [project] = await db
      .insert(projects)
      .values({ slug: "woonvisie", title: "Woonvisie Heemstede", status: "active" })
      .returning();
    const [other] = await db
      .insert(projects)
      .values({ slug: "centrum", title: "Centrum", status: "active" })
      .returning();
    await db.insert(projectPhases).values(
      Array.from({ length: 20 }, (_, i) => ({
        projectId: i % 2 ? project!.id : other!.id,
        title: `Fase ${i}`,
        position: i + 1,
        startsOn: new Date(now.getTime() + (i - 10) * 10 * day).toISOString().slice(0, 10),
      })),
    );
    for (let start = 0; start < NEWS; start += 1000)
      await db.insert(newsItems).values(
        Array.from({ length: Math.min(1000, NEWS - start) }, (_, j) => {
          const i = start + j;
          return {
            slug: `bericht-${i}`,
            title: `Bericht ${i}`,
            summary: "Een korte samenvatting van dit bericht over meedenken in Heemstede.",
            body: "Tekst van het bericht.\n\nNog een alinea.",
            projectId: i % 3 === 0 ? project!.id : i % 3 === 1 ? other!.id : null,
            // Most published in the past, some scheduled, a few withdrawn.
            publishAt: new Date(now.getTime() - (i - 100) * 3_600_000),
            withdrawnAt: i % 97 === 0 ? now : null,
          };
        }),
      );
    await db.insert(events).values(
      Array.from({ length: EVENTS }, (_, i) => {
        const starts = new Date(now.getTime() + (i - 250) * day);
        return {
          title: `Bijeenkomst ${i}`,
          startsAt: starts,
          endsAt: new Date(starts.getTime() + 7_200_000),
          address: "Raadhuisplein 1, Heemstede",
          capacity: 50,
          registrationDeadline: starts,
          projectId: i % 2 ? project!.id : null,
          status: i % 50 === 0 ? ("cancelled" as const) : ("published" as const),
        };
      }),
    );
    await sql`analyze`;
    const iso = now.toISOString();
    const cases: { name: string; page: () => Promise<unknown>; plain: () => Promise<unknown> }[] = [
      {
        name: "home Actueel (3 news, 3 bijeenkomsten, phases soon)",
        page: () => loadHomeActueel(db, now),
        // One SELECT of the same rows: the 3 news items, 3 bijeenkomsten and phases starting soon.
        plain: () => sql`
          (select id, title, publish_at as at from news_items order by publish_at desc limit 3)
          union all
          (select id, title, starts_at from events where ends_at >= ${iso} order by starts_at limit 3)
          union all
          (select id, title, starts_on::timestamptz from project_phases where starts_on > ${iso}::date
            order by starts_on limit 3)`,
      },
      {
        name: "/actueel page 1 (10 items + total)",
        page: () => listPublicNews({ page: 1, now }, db),
        plain: () => sql`select * from news_items order by publish_at desc limit 10`,
      },
      {
        name: "/actueel page 200 (deep page)",
        page: () => listPublicNews({ page: 200, now }, db),
        plain: () => sql`select * from news_items order by publish_at desc limit 10 offset 1990`,
      },
      {
        name: "/actueel?project=woonvisie page 1",
        page: () => listPublicNews({ page: 1, now, projectSlug: "woonvisie" }, db),
        plain: () =>
          sql`select * from news_items where project_id = ${project!.id} order by publish_at desc limit 10`,
      },
    ];
    console.log(
      `Informed pages bench: ${NEWS} news items, ${EVENTS} bijeenkomsten, ${ROUNDS} rounds (${iso})`,
    );
    let worst = 0;
    for (const c of cases) {
      for (let i = 0; i < 20; i++) {
        await c.page();
        await c.plain();
      }
      const page: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        let t = performance.now();
        await c.page();
        page.push(performance.now() - t);
        t = performance.now();
        await c.plain();
        plain.push(performance.now() - t);
      }
      const ratio = p95(page) / p95(plain);
      worst = Math.max(worst, ratio);
      console.log(
        `${c.name.padEnd(54)} p95 ${p95(page).toFixed(2)} ms vs plain SELECT ${p95(plain).toFixed(2)} ms: ratio ${ratio.toFixed(2)}`,
      );
    }
    console.log(
      worst <= 2
        ? `PASS (worst ratio ${worst.toFixed(2)} <= 2)`
        : `FAIL (worst ratio ${worst.toFixed(2)} > 2)`,
    );
    process.exitCode = worst <= 2 ? 0 : 1;
  } finally {
    await closeDb();
    await database.drop();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
