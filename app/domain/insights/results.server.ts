import { desc, eq, isNotNull, sql } from "drizzle-orm";
import { populationFigures, resultsCache, surveys, surveyVersions, wijken } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import {
  type BackgroundVariable,
  backgroundQuestion,
  choiceLabels,
  listQuestions,
  parseDefinition,
  type Question,
  type SurveyDefinition,
} from "../surveys/definition";
import { groupMapPoints, type MapPointGroup, roundCoordinate } from "./map-points";
import { redactPersonalData } from "./personal-data";
import {
  type AnswerGroup,
  ageBands,
  type BaseGroup,
  buildQuestionResults,
  type ClassCount,
  computeWeights,
  DONT_KNOW_VALUE,
  type Population,
  type QuestionResult,
  type RepresentativenessRow,
  representativeness,
  type Weighting,
} from "./results";
import { MIN_CELL } from "./statistics";

export interface SurveyForResults {
  id: number;
  title: string;
  status: string;
  projectId: number | null;
  isDemo: boolean;
  definition: SurveyDefinition;
}

/** The survey with the definition of its newest published version (or newest draft when none was published). */
export async function loadSurveyForResults(
  surveyId: number,
  db: Executor = getDb(),
): Promise<SurveyForResults | null> {
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) return null;
  const versions = await db
    .select({ definition: surveyVersions.definition, publishedAt: surveyVersions.publishedAt })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(isNotNull(surveyVersions.publishedAt)), desc(surveyVersions.version))
    .limit(1);
  const parsed = versions[0] ? parseDefinition(versions[0].definition) : null;
  const definition =
    parsed?.ok === true
      ? parsed.definition
      : ({ title: survey.title, pages: [] } as unknown as SurveyDefinition);
  return {
    id: survey.id,
    title: survey.title,
    status: survey.status,
    projectId: survey.projectId,
    isDemo: survey.isDemo,
    definition,
  };
}

export async function loadPopulation(
  db: Executor = getDb(),
): Promise<{ population: Population; isDemo: boolean }> {
  const rows = await db.select().from(populationFigures);
  const population: Population = {};
  for (const r of rows) {
    const dim = population[r.dimension] ?? {};
    dim[r.category] = r.count;
    population[r.dimension] = dim;
  }
  return { population, isDemo: rows.some((r) => r.isDemo) };
}

export async function loadWijkLabels(db: Executor = getDb()): Promise<Record<string, string>> {
  const rows = await db
    .select({ code: wijken.code, name: wijken.name })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"));
  return Object.fromEntries(
    rows.sort((a, b) => a.name.localeCompare(b.name, "nl")).map((r) => [r.code, r.name]),
  );
}

interface BackgroundKeys {
  age: Question | undefined;
  tenure: Question | undefined;
  wijk: Question | undefined;
  household: Question | undefined;
}

function backgroundKeys(def: SurveyDefinition): BackgroundKeys {
  return {
    age: backgroundQuestion(def, "age"),
    tenure: backgroundQuestion(def, "tenure"),
    wijk: backgroundQuestion(def, "wijk"),
    household: backgroundQuestion(def, "household"),
  };
}

/**
 * One row per submitted response with its background categories. The age group is derived in SQL
 * from a birth year (age at submission) or taken from an age-group question.
 */
function backgroundCte(surveyId: number, keys: BackgroundKeys) {
  const key = (q: Question | undefined) => q?.key ?? "";
  const ageCase = ageBands
    .map((b) => sql`when extract(year from r.submitted_at) - x.birth_year <= ${b.max} then ${b.key}`)
    .reduce((a, b) => sql`${a} ${b}`);
  const ageExpr =
    keys.age?.type === "birthYear"
      ? sql`case when x.birth_year is null then null ${ageCase} end`
      : sql`x.age_option`;
  return sql`
    bg_raw as (
      select a.response_id,
        max(a.value_number) filter (where a.question_key = ${key(keys.age)}) as birth_year,
        max(a.value_option) filter (where a.question_key = ${key(keys.age)}) as age_option,
        max(a.value_option) filter (where a.question_key = ${key(keys.tenure)}) as tenure,
        max(a.value_option) filter (where a.question_key = ${key(keys.wijk)}) as wijk,
        max(a.value_option) filter (where a.question_key = ${key(keys.household)}) as household
      from answers a
      where a.survey_id = ${surveyId}
        and a.question_key in (${key(keys.age)}, ${key(keys.tenure)}, ${key(keys.wijk)}, ${key(keys.household)})
        and not a.dont_know
      group by a.response_id
    ),
    bg as (
      select r.id, (${ageExpr})::text as age, x.tenure, x.wijk, x.household
      from responses r left join bg_raw x on x.response_id = r.id
      where r.survey_id = ${surveyId} and r.status = 'submitted'
    )`;
}

/** Multipliers that pack the four category positions (1-based, 0 = unknown) into one integer class. */
const CLASS_BASE = { tenure: 10, wijk: 1000, household: 100_000 } as const;

/** Packs a respondent's background into one integer for SQL grouping, and unpacks it again. */
export function classCodec(labels: Record<BackgroundVariable, Record<string, string>>) {
  const lists: Record<BackgroundVariable, string[]> = {
    age: Object.keys(labels.age).slice(0, 9),
    tenure: Object.keys(labels.tenure).slice(0, 99),
    wijk: Object.keys(labels.wijk).slice(0, 99),
    household: Object.keys(labels.household).slice(0, 99),
  };
  const at = (list: string[], i: number) => (i > 0 ? (list[i - 1] ?? null) : null);
  return {
    sqlArray: (v: BackgroundVariable) =>
      lists[v].length
        ? sql`array[${sql.join(
            lists[v].map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]`
        : sql`array[]::text[]`,
    decode: (cls: number) => ({
      age: at(lists.age, cls % CLASS_BASE.tenure),
      tenure: at(lists.tenure, Math.floor(cls / CLASS_BASE.tenure) % 100),
      wijk: at(lists.wijk, Math.floor(cls / CLASS_BASE.wijk) % 100),
      household: at(lists.household, Math.floor(cls / CLASS_BASE.household) % 100),
    }),
  };
}

const DISTRIBUTION_QUESTION_TYPES = new Set<Question["type"]>([
  "single",
  "multiple",
  "agree",
  "grade",
  "matrix",
  "ranking",
  "postcode",
  "number",
]);

export interface ResponseOverview {
  total: number;
  perChannel: { channel: string; count: number | null }[];
  perWeek: {
    week: string;
    open: number | null;
    panel: number | null;
    letter: number | null;
    total: number | null;
  }[];
  inProgress: number;
}

/** Small counts are hidden here too: a week with 3 letters says more about people than it should. */
const hideSmall = (n: number) => (n > 0 && n < MIN_CELL ? null : n);

async function responseOverview(db: Executor, surveyId: number): Promise<ResponseOverview> {
  const rows = await db.execute<{ week: string; channel: string; count: number }>(sql`
    select to_char(date_trunc('week', submitted_at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD') as week,
      channel, count(*)::int as count
    from responses where survey_id = ${surveyId} and status = 'submitted'
    group by 1, 2 order by 1`);
  const [progress] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from responses where survey_id = ${surveyId} and status = 'in_progress'`);
  const weeks = new Map<string, Record<string, number>>();
  const channels: Record<string, number> = { open: 0, panel: 0, letter: 0 };
  let total = 0;
  for (const r of rows) {
    const w = weeks.get(r.week) ?? {};
    w[r.channel] = r.count;
    weeks.set(r.week, w);
    channels[r.channel] = (channels[r.channel] ?? 0) + r.count;
    total += r.count;
  }
  return {
    total,
    inProgress: progress?.count ?? 0,
    perChannel: Object.entries(channels).map(([channel, count]) => ({ channel, count: hideSmall(count) })),
    perWeek: [...weeks].map(([week, c]) => ({
      week,
      open: hideSmall(c.open ?? 0),
      panel: hideSmall(c.panel ?? 0),
      letter: hideSmall(c.letter ?? 0),
      total: hideSmall((c.open ?? 0) + (c.panel ?? 0) + (c.letter ?? 0)),
    })),
  };
}

export interface MapPointAnswer {
  questionKey: string;
  lat: number | null;
  lng: number | null;
  location: string | null;
  comment: string | null;
}

export interface SurveyResults {
  survey: SurveyForResults;
  overview: ResponseOverview;
  weighting: Omit<Weighting, "weights">;
  populationIsDemo: boolean;
  representativeness: { variable: BackgroundVariable; label: string; rows: RepresentativenessRow[] }[];
  questions: QuestionResult[];
  /** `points` for the list, `groups` for the map (rounded, counts under 10 suppressed); both empty under 10 answers. */
  mapQuestions: {
    key: string;
    text: string;
    points: MapPointAnswer[];
    groups: MapPointGroup[];
    hidden: number;
  }[];
  openQuestions: { key: string; text: string; theme: number | null; answered: number }[];
}

const representativenessLabels: Record<BackgroundVariable, string> = {
  age: "Leeftijd",
  wijk: "Wijk",
  tenure: "Woonsituatie",
  household: "Huishouden",
};

/** Everything on /beheer/enquetes/:id/resultaten, computed from the answers table with two grouped queries. */
export async function computeSurveyResults(
  surveyId: number,
  db: Executor = getDb(),
): Promise<SurveyResults | null> {
  const [survey, wijkLabels, { population, isDemo }] = await Promise.all([
    loadSurveyForResults(surveyId, db),
    loadWijkLabels(db),
    loadPopulation(db),
  ]);
  if (!survey) return null;
  const def = survey.definition;
  const keys = backgroundKeys(def);
  const questions = listQuestions(def);
  const closed = questions.filter((q) => DISTRIBUTION_QUESTION_TYPES.has(q.type) && q.type !== "birthYear");
  const closedKeys = new Set(closed.map((q) => q.key));
  const multiple = closed.filter((q) => q.type === "multiple");
  const keyList = (qs: Question[]) =>
    qs.length
      ? sql.join(
          qs.map((q) => sql`${q.key}`),
          sql`, `,
        )
      : sql`''`;
  const categoryLabels = {
    age:
      keys.age && keys.age.type !== "birthYear"
        ? choiceLabels(keys.age)
        : Object.fromEntries(ageBands.map((b) => [b.key, b.label])),
    tenure: keys.tenure ? choiceLabels(keys.tenure) : {},
    household: keys.household ? choiceLabels(keys.household) : {},
    wijk: wijkLabels,
  };
  const codec = classCodec(categoryLabels);

  // The big grouped queries run in one transaction (the temp table lives there); the small ones run
  // alongside on other connections of the pool. JIT off: the planner over-estimates the unnest and spent
  // seconds compiling queries that run in milliseconds (measured in bench/insights.ts).
  const grouped = db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    // The background of every submitted response, once, as one small integer class (see classCodec).
    await tx.execute(sql`drop table if exists insights_bg`);
    await tx.execute(sql`create temp table insights_bg on commit drop as
      with ${backgroundCte(surveyId, keys)}
      select id, (
        coalesce(array_position(${codec.sqlArray("age")}, age), 0)
        + ${CLASS_BASE.tenure} * coalesce(array_position(${codec.sqlArray("tenure")}, tenure), 0)
        + ${CLASS_BASE.wijk} * coalesce(array_position(${codec.sqlArray("wijk")}, wijk), 0)
        + ${CLASS_BASE.household} * coalesce(array_position(${codec.sqlArray("household")}, household), 0))::int as cls
      from bg`);
    await tx.execute(sql`analyze insights_bg`);
    // Few groups, many rows: hashing is far cheaper than the sort the planner picks from its estimate.
    await tx.execute(sql`set local enable_sort = off`);
    const classRows = await tx.execute<{ cls: number; count: number }>(sql`
      select cls, count(*)::int as count from insights_bg group by cls`);
    const scalarRows = await tx.execute<{
      questionKey: string;
      subKey: string;
      value: string;
      cls: number;
      count: number;
    }>(sql`
      select a.question_key as "questionKey", a.sub_key as "subKey",
        case when a.dont_know then ${DONT_KNOW_VALUE}::text else coalesce(a.value_option, a.value_number::text) end as value,
        b.cls, count(*)::int as count
      from answers a join insights_bg b on b.id = a.response_id
      where a.survey_id = ${surveyId} and a.question_key in (${keyList(closed)}) and a.value_options is null
        and (a.dont_know or a.value_option is not null or a.value_number is not null)
      group by 1, 2, 3, 4`);
    const multipleRows = multiple.length
      ? await tx.execute<{
          questionKey: string;
          subKey: string;
          value: string;
          cls: number;
          count: number;
        }>(sql`
          select a.question_key as "questionKey", a.sub_key as "subKey", v.value, b.cls, count(*)::int as count
          from answers a join insights_bg b on b.id = a.response_id
          cross join lateral unnest(a.value_options) as v(value)
          where a.survey_id = ${surveyId} and a.question_key in (${keyList(multiple)}) and a.value_options is not null
          group by 1, 2, 3, 4`)
      : [];
    const baseRows = multiple.length
      ? await tx.execute<{ questionKey: string; subKey: string; cls: number; count: number }>(sql`
          select a.question_key as "questionKey", a.sub_key as "subKey", b.cls, count(*)::int as count
          from answers a join insights_bg b on b.id = a.response_id
          where a.survey_id = ${surveyId} and a.question_key in (${keyList(multiple)})
          group by 1, 2, 3`)
      : [];
    return { classRows, scalarRows, multipleRows, baseRows };
  });
  const [overview, mapRows, openRows, { classRows, scalarRows, multipleRows, baseRows }] = await Promise.all([
    responseOverview(db, surveyId),
    mapPointAnswers(
      db,
      surveyId,
      questions.filter((q) => q.type === "mapPoint"),
    ),
    db.execute<{ questionKey: string; count: number }>(sql`
      select a.question_key as "questionKey", count(*)::int as count
      from answers a join responses r on r.id = a.response_id and r.status = 'submitted'
      where a.survey_id = ${surveyId} and a.value_text is not null and a.value_text <> ''
        and a.question_key in (${keyList(questions.filter((q) => q.type === "open"))})
      group by 1`),
    grouped,
  ]);
  const classRowsDecoded: ClassCount[] = classRows.map((r) => ({ ...codec.decode(r.cls), count: r.count }));
  const groupRows: AnswerGroup[] = [...scalarRows, ...multipleRows].map((r) => ({
    questionKey: r.questionKey,
    subKey: r.subKey,
    value: r.value,
    count: r.count,
    ...codec.decode(r.cls),
  }));
  const baseGroups: BaseGroup[] = baseRows.map((r) => ({
    questionKey: r.questionKey,
    subKey: r.subKey,
    count: r.count,
    ...codec.decode(r.cls),
  }));

  const classes = classRowsDecoded;
  const weighting = computeWeights(classes, population);
  const questionResults = buildQuestionResults({
    definition: {
      pages: def.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => closedKeys.has(q.key)) })),
    },
    groups: groupRows,
    bases: baseGroups,
    weighting,
    categoryLabels,
    wijkLabels,
  });
  const { weights: _weights, ...weightingSummary } = weighting;
  return {
    survey,
    overview,
    weighting: weightingSummary,
    populationIsDemo: isDemo,
    representativeness: (["age", "wijk", "tenure", "household"] as const).map((variable) => ({
      variable,
      label: representativenessLabels[variable],
      rows: representativeness(variable, classes, weighting, population[variable], categoryLabels[variable]),
    })),
    questions: questionResults,
    mapQuestions: mapRows,
    openQuestions: questions
      .filter((q) => q.type === "open")
      .map((q) => ({
        key: q.key,
        text: q.text,
        theme: q.theme ?? null,
        answered: openRows.find((r) => r.questionKey === q.key)?.count ?? 0,
      })),
  };
}

/**
 * Map-point answers with their comments. Listed only when the question has at least 10 answers;
 * likely personal data in a comment is replaced by a placeholder, and addresses are never shown.
 */
async function mapPointAnswers(db: Executor, surveyId: number, qs: Question[]) {
  if (qs.length === 0) return [];
  const rows = await db.execute<{
    questionKey: string;
    subKey: string;
    valueLat: number | null;
    valueLng: number | null;
    valueOption: string | null;
    valueText: string | null;
    responseId: string;
  }>(sql`
    select a.question_key as "questionKey", a.sub_key as "subKey", a.value_lat as "valueLat",
      a.value_lng as "valueLng", a.value_option as "valueOption", a.value_text as "valueText",
      a.response_id as "responseId"
    from answers a join responses r on r.id = a.response_id and r.status = 'submitted'
    where a.survey_id = ${surveyId} and a.question_key in (${sql.join(
      qs.map((q) => sql`${q.key}`),
      sql`, `,
    )})
    order by r.submitted_at, a.id
    limit 20000`);
  return qs.map((q) => {
    const labels = choiceLabels(q);
    const byResponse = new Map<string, MapPointAnswer>();
    for (const r of rows) {
      if (r.questionKey !== q.key) continue;
      const p = byResponse.get(r.responseId) ?? {
        questionKey: q.key,
        lat: null,
        lng: null,
        location: null,
        comment: null,
      };
      // Rounded before they leave the server: the page needs no more precision than the map shows.
      if (r.valueLat !== null) p.lat = roundCoordinate(r.valueLat);
      if (r.valueLng !== null) p.lng = roundCoordinate(r.valueLng);
      if (r.valueOption) p.location = labels[r.valueOption] ?? r.valueOption;
      // The main row holds the comment; the "adres" row holds an address, which is never shown.
      if (r.subKey === "" && r.valueText) p.comment = redactPersonalData(r.valueText);
      byResponse.set(r.responseId, p);
    }
    const points = [...byResponse.values()];
    const shown = points.length >= MIN_CELL;
    return {
      key: q.key,
      text: q.text,
      points: shown ? points : [],
      groups: shown ? groupMapPoints(points) : [],
      hidden: shown ? 0 : points.length,
    };
  });
}

/** Bump when the computation or the shape of SurveyResults changes, so old cache rows are not used. */
const RESULTS_VERSION = "2";

/** Everything the results depend on, cheap to read: submitted responses, survey version, population, wijken. */
async function resultsFingerprint(db: Executor, surveyId: number): Promise<string> {
  const [row] = await db.execute<{ fingerprint: string }>(sql`
    select concat_ws('|', ${RESULTS_VERSION}::text,
      (select concat_ws(',', count(*), max(submitted_at), max(updated_at)) from responses
        where survey_id = ${surveyId} and status = 'submitted'),
      (select concat_ws(',', max(id), max(published_at)) from survey_versions where survey_id = ${surveyId}),
      (select concat_ws(',', count(*), sum(count), max(id)) from population_figures),
      (select concat_ws(',', count(*), max(updated_at)) from wijken)) as fingerprint`);
  return row?.fingerprint ?? "";
}

/**
 * The results as the pages show them: from the cache when nothing changed since they were computed,
 * otherwise computed and stored. The number of responses still in progress is always fresh.
 */
export async function getSurveyResults(
  surveyId: number,
  db: Executor = getDb(),
): Promise<SurveyResults | null> {
  const fingerprint = await resultsFingerprint(db, surveyId);
  const [cached] = await db
    .select({ fingerprint: resultsCache.fingerprint, results: resultsCache.results })
    .from(resultsCache)
    .where(eq(resultsCache.surveyId, surveyId));
  let results: SurveyResults | null;
  if (cached && cached.fingerprint === fingerprint) results = cached.results as SurveyResults;
  else {
    results = await computeSurveyResults(surveyId, db);
    if (!results) return null;
    await db
      .insert(resultsCache)
      .values({ surveyId, fingerprint, results })
      .onConflictDoUpdate({
        target: resultsCache.surveyId,
        set: { fingerprint, results, computedAt: new Date() },
      });
  }
  const [progress] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from responses where survey_id = ${surveyId} and status = 'in_progress'`);
  return { ...results, overview: { ...results.overview, inProgress: progress?.count ?? 0 } };
}
