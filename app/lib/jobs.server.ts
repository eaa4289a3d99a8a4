import PgBoss from "pg-boss";
import { getEnv } from "./env.server";
import { getLogger } from "./logger.server";

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron (UTC) for recurring jobs. */
  cron?: string;
  options?: PgBoss.Queue;
  work: PgBoss.WorkOptions;
  handler: (jobs: PgBoss.Job<T>[]) => Promise<unknown>;
}

let boss: PgBoss | undefined;

const ADMIN_SHUTDOWN = "57P01";

/** The pg-boss instance in this process (for sending jobs); started by startJobs. */
export async function getBoss(): Promise<PgBoss> {
  if (!boss) {
    boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, schema: "pgboss", max: 4 });
    boss.on("error", (err) => {
      const code = (err as { code?: string }).code;
      // 57P01 admin_shutdown: the database is stopping (Ctrl-C reaches the embedded PostgreSQL too).
      if (code === ADMIN_SHUTDOWN) getLogger().warn({ code }, "pg-boss: the database closed the connection");
      // Only what helps: the error object of pg also carries its whole client.
      else getLogger().error({ err: { message: err.message, code, stack: err.stack } }, "pg-boss error");
    });
    await boss.start();
  }
  return boss;
}

/** Start pg-boss and register workers (and schedules) for every job definition. */
export async function startJobs(definitions: JobDefinition[]): Promise<PgBoss> {
  const b = await getBoss();
  for (const def of definitions) {
    await b.createQueue(def.name, def.options);
    await b.work(def.name, def.work, def.handler as PgBoss.WorkHandler<object>);
    if (def.cron) await b.schedule(def.name, def.cron);
  }
  return b;
}

export async function stopJobs() {
  const b = boss;
  boss = undefined;
  await b?.stop({ graceful: true, timeout: 10_000 });
}
