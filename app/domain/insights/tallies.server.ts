// Running counts of submitted answers (answer_tallies), so the results page reads a few thousand
// grouped rows instead of every answer of every response (issue 8: 100,000 responses in under 1 s).
//
// A submitted response never changes, so its counts can be added once: a sweeper folds the responses
// submitted since the last fold into answer_tallies (foldTallies), and readTallies adds the few
// responses not folded yet on the fly, in one snapshot, so results are always exact and current.
// The counts depend on which questions are the background variables; when a new survey version
// changes them, the survey's tallies are counted again from its answers (tally_states.basis).
import { type SQL, sql } from "drizzle-orm";
import type { TallyKind } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import {
  type BackgroundVariable,
  backgroundQuestion,
  listQuestions,
  type SurveyDefinition,
} from "../surveys/definition";
import { MAP_DECIMALS } from "./map-points";
import { ageBands, DONT_KNOW_TALLY } from "./results";

/** Above this many responses not yet in the tallies, reading folds them first instead of counting them on the fly. */
const MAX_UNFOLDED = 10_000;

export interface BackgroundKeys {
  age: { key: string; birthYear: boolean } | null;
  tenure: string | null;
  wijk: string | null;
  household: string | null;
  /** Map-point questions: their answers are also counted per rounded spot (kinds point, pointtext). */
  mapPoints: string[];
}

/** The background questions of a definition (what a respondent's class is derived from) and its map questions. */
export function backgroundKeys(def: Pick<SurveyDefinition, "pages">): BackgroundKeys {
  const key = (v: BackgroundVariable) => backgroundQuestion(def, v)?.key ?? null;
  const age = backgroundQuestion(def, "age");
  return {
    age: age ? { key: age.key, birthYear: age.type === "birthYear" } : null,
    tenure: key("tenure"),
    wijk: key("wijk"),
    household: key("household"),
    mapPoints: listQuestions(def)
      .filter((q) => q.type === "mapPoint")
      .map((q) => q.key),
  };
}

/** The basis stored with a survey's tallies; counts made on another basis are not added to. */
export function tallyBasis(keys: BackgroundKeys): string {
  return JSON.stringify({ v: 1, ...keys });
}

export type TallyRow = {
  questionKey: string;
  subKey: string;
  kind: TallyKind;
  value: string;
  age: string;
  tenure: string;
  wijk: string;
  household: string;
  count: number;
};

/**
 * CTEs that turn the given submitted responses into tally rows, in a CTE named `tally_rows`. The age
 * group is the age at submission, derived from the birth year. The ids go in as one array constant,
 * so the planner knows how few they are and reads their answers through the response_id index.
 */
/** Response ids as one uuid[] constant (one parameter, however many ids). */
const uuidArray = (ids: readonly string[]) => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

/** A map point's rounded spot "lat,lng" (about 100 by 70 metres), '' for an answer without a point. */
export const roundedSpot = (lat: SQL, lng: SQL) =>
  sql`coalesce(round(${lat}::numeric, ${MAP_DECIMALS})::text || ',' || round(${lng}::numeric, ${MAP_DECIMALS})::text, '')`;

function tallyRowsCtes(keys: BackgroundKeys, responseIds: readonly string[]) {
  const ids = uuidArray(responseIds);
  const mapKeys = keys.mapPoints.length
    ? sql.join(
        keys.mapPoints.map((key) => sql`${key}`),
        sql`, `,
      )
    : sql`''`;
  const spot = roundedSpot(sql`value_lat`, sql`value_lng`);
  const k = (key: string | null | undefined) => key ?? "";
  const ageCase = ageBands
    .map((b) => sql`when extract(year from s.submitted_at) - x.birth_year <= ${b.max} then ${b.key}`)
    .reduce((a, b) => sql`${a} ${b}`);
  const ageExpr = keys.age?.birthYear
    ? sql`case when x.birth_year is null then null ${ageCase} end`
    : sql`x.age_option`;
  return sql`
    src as (select id, submitted_at, channel from responses where id = any(${ids})),
    bg_raw as (
      select a.response_id,
        max(a.value_number) filter (where a.question_key = ${k(keys.age?.key)}) as birth_year,
        max(a.value_option) filter (where a.question_key = ${k(keys.age?.key)}) as age_option,
        max(a.value_option) filter (where a.question_key = ${k(keys.tenure)}) as tenure,
        max(a.value_option) filter (where a.question_key = ${k(keys.wijk)}) as wijk,
        max(a.value_option) filter (where a.question_key = ${k(keys.household)}) as household
      from answers a
      where a.response_id = any(${ids}) and a.question_key in (${k(keys.age?.key)}, ${k(keys.tenure)}, ${k(keys.wijk)}, ${k(keys.household)})
        and not a.dont_know
      group by a.response_id
    ),
    bg as (
      select s.id, s.submitted_at, s.channel, coalesce((${ageExpr})::text, '') as age,
        coalesce(x.tenure, '') as tenure, coalesce(x.wijk, '') as wijk, coalesce(x.household, '') as household
      from src s left join bg_raw x on x.response_id = s.id
    ),
    ans as materialized (
      select a.question_key, a.sub_key, a.value_option, a.value_number, a.value_options, a.value_text,
        a.value_lat, a.value_lng, a.dont_know, bg.age, bg.tenure, bg.wijk, bg.household
      from answers a join bg on bg.id = a.response_id
      where a.response_id = any(${ids})
    ),
    tally_rows as (
      select ''::text as question_key, ''::text as sub_key, 'respondents'::text as kind, ''::text as value,
        age, tenure, wijk, household, count(*)::int as count
      from bg group by age, tenure, wijk, household
      union all
      select '', channel, 'week',
        to_char(date_trunc('week', submitted_at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD'),
        '', '', '', '', count(*)::int
      from bg group by 2, 4
      union all
      select question_key, sub_key, 'value',
        case when dont_know then ${DONT_KNOW_TALLY}::text else coalesce(value_option, value_number::text) end,
        age, tenure, wijk, household, count(*)::int
      from ans
      where value_options is null and (dont_know or value_option is not null or value_number is not null)
      group by 1, 2, 4, 5, 6, 7, 8
      union all
      select question_key, sub_key, 'value', v.value, age, tenure, wijk, household, count(*)::int
      from ans cross join lateral unnest(value_options) as v(value)
      group by 1, 2, 4, 5, 6, 7, 8
      union all
      select question_key, sub_key, 'answered', '', age, tenure, wijk, household, count(*)::int
      from ans where value_options is not null or dont_know
      group by 1, 2, 5, 6, 7, 8
      union all
      select question_key, sub_key, 'text', '', age, tenure, wijk, household, count(*)::int
      from ans where value_text <> ''
      group by 1, 2, 5, 6, 7, 8
      union all
      select question_key, coalesce(value_option, ''), 'point', ${spot}, '', '', '', '', count(*)::int
      from ans where sub_key = '' and question_key in (${mapKeys})
      group by 1, 2, 4
      union all
      select question_key, coalesce(value_option, ''), 'pointtext', ${spot}, '', '', '', '', count(*)::int
      from ans where sub_key = '' and question_key in (${mapKeys}) and value_text <> ''
      group by 1, 2, 4
    )`;
}

const tallyKey = (r: TallyRow) =>
  `${r.questionKey}\u0000${r.subKey}\u0000${r.kind}\u0000${r.value}\u0000${r.age}\u0000${r.tenure}\u0000${r.wijk}\u0000${r.household}`;

/**
 * Stored tallies plus the counts of responses not folded yet, one row per key, in key order: a fixed
 * order, so sums of weights come out the same to the last digit however far the folding got.
 */
export function mergeTallies(stored: readonly TallyRow[], unfolded: readonly TallyRow[]): TallyRow[] {
  let rows: TallyRow[];
  if (unfolded.length === 0) rows = [...stored];
  else {
    const byKey = new Map<string, TallyRow>();
    for (const r of [...stored, ...unfolded]) {
      const key = tallyKey(r);
      const seen = byKey.get(key);
      if (seen) seen.count += r.count;
      else byKey.set(key, { ...r });
    }
    rows = [...byKey.values()];
  }
  return rows.sort(compareTallyRows);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareTallyRows(a: TallyRow, b: TallyRow): number {
  return (
    compareText(a.questionKey, b.questionKey) ||
    compareText(a.subKey, b.subKey) ||
    compareText(a.kind, b.kind) ||
    compareText(a.value, b.value) ||
    compareText(a.age, b.age) ||
    compareText(a.tenure, b.tenure) ||
    compareText(a.wijk, b.wijk) ||
    compareText(a.household, b.household)
  );
}

/**
 * The planner cannot estimate the CTEs over a batch of responses (it guesses 5 rows for 40,000), so it
 * picks a sort that spills to disk and, for the unnest of multiple-choice answers, seconds of JIT
 * compilation. Measured in bench/insights.ts: hashing in memory without JIT is several times faster.
 */
async function planForFewResponses(tx: Executor) {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local work_mem = '32MB'`);
  await tx.execute(sql`set local enable_sort = off`);
}

/** Submitted responses of a survey that are not in its tallies yet, oldest id first. */
async function pendingIds(surveyId: number, limit: number, db: Executor): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select id from responses where survey_id = ${surveyId} and status = 'submitted' and tallied_at is null
    order by id limit ${limit}`);
  return rows.map((r) => r.id);
}

/** Forget a survey's tallies when they were counted on another basis, so they are counted again. */
async function resetIfBasisChanged(surveyId: number, basis: string, tx: Executor): Promise<void> {
  const [state] = await tx.execute<{ basis: string }>(
    sql`select basis from tally_states where survey_id = ${surveyId}`,
  );
  if (state?.basis === basis) return;
  await tx.execute(sql`delete from answer_tallies where survey_id = ${surveyId}`);
  await tx.execute(
    sql`update responses set tallied_at = null where survey_id = ${surveyId} and tallied_at is not null`,
  );
  await tx.execute(sql`
    insert into tally_states (survey_id, basis) values (${surveyId}, ${basis})
    on conflict (survey_id) do update set basis = excluded.basis, updated_at = now()`);
}

/**
 * Add the submitted responses of a survey that are not counted yet to its tallies, in batches of
 * `batchSize` responses, each batch in its own transaction (marking the responses and adding their
 * counts together). Folds of the same survey wait for each other. Returns the number folded.
 */
export async function foldTallies(
  surveyId: number,
  definition: Pick<SurveyDefinition, "pages">,
  db: Executor,
  { batchSize = 2000 }: { batchSize?: number } = {},
): Promise<number> {
  const keys = backgroundKeys(definition);
  const basis = tallyBasis(keys);
  let folded = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('answer_tallies'), ${surveyId})`);
      await planForFewResponses(tx);
      await resetIfBasisChanged(surveyId, basis, tx);
      const ids = await pendingIds(surveyId, batchSize, tx);
      if (ids.length === 0) return 0;
      // Rows go in key order so two transactions adding to the same counts never deadlock.
      await tx.execute(sql`
        with ${tallyRowsCtes(keys, ids)}
        insert into answer_tallies
          (survey_id, question_key, sub_key, kind, value, age, tenure, wijk, household, count)
        select ${surveyId}, question_key, sub_key, kind, value, age, tenure, wijk, household, count
        from tally_rows
        order by question_key, sub_key, kind, value, age, tenure, wijk, household
        on conflict (survey_id, question_key, sub_key, kind, value, age, tenure, wijk, household)
        do update set count = answer_tallies.count + excluded.count`);
      await tx.execute(sql`
        update responses set tallied_at = now()
        where id = any(${uuidArray(ids)})`);
      return ids.length;
    });
    folded += n;
    if (n < batchSize) return folded;
  }
}

/** Surveys with submitted responses that are not in the tallies yet. */
export async function surveysWithUntallied(db: Executor): Promise<number[]> {
  const rows = await db.execute<{ surveyId: number }>(sql`
    select distinct survey_id as "surveyId" from responses where status = 'submitted' and tallied_at is null`);
  return rows.map((r) => r.surveyId);
}

/**
 * All counts of a survey's submitted responses: the tallies plus the responses not folded yet,
 * read in one snapshot. When the tallies were counted on another basis they are counted again first.
 */
export async function readTallies(
  surveyId: number,
  definition: Pick<SurveyDefinition, "pages">,
  db: Executor,
): Promise<TallyRow[]> {
  const keys = backgroundKeys(definition);
  const basis = tallyBasis(keys);
  const [state] = await db.execute<{ basis: string }>(
    sql`select basis from tally_states where survey_id = ${surveyId}`,
  );
  // No state means nothing was ever folded: the first fold writes the state in its transaction.
  if (state && state.basis !== basis) await foldTallies(surveyId, definition, db);
  // One snapshot for the pending ids and the counts, so a fold in between is not counted twice.
  const read = () =>
    db.transaction(
      async (tx) => {
        await planForFewResponses(tx);
        const ids = await pendingIds(surveyId, MAX_UNFOLDED + 1, tx);
        if (ids.length > MAX_UNFOLDED) return null;
        const stored = await tx.execute<TallyRow>(sql`
          select question_key as "questionKey", sub_key as "subKey", kind, value, age, tenure, wijk, household,
            count
          from answer_tallies where survey_id = ${surveyId}`);
        const unfolded =
          ids.length === 0
            ? []
            : await tx.execute<TallyRow>(sql`
                with ${tallyRowsCtes(keys, ids)}
                select question_key as "questionKey", sub_key as "subKey", kind, value, age, tenure, wijk,
                  household, count
                from tally_rows`);
        return mergeTallies(stored, unfolded);
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  const rows = await read();
  if (rows) return rows;
  // Many responses were never folded (jobs are not running, or a bulk import): fold them now.
  await foldTallies(surveyId, definition, db);
  return (await read()) ?? [];
}
