import { desc, eq, isNotNull, sql } from "drizzle-orm";
import {
  populationFigures,
  type ResponseChannel,
  resultsCache,
  surveys,
  surveyVersions,
  wijken,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { channelOrder } from "../surveys/channels";
import {
  type BackgroundVariable,
  backgroundQuestion,
  choiceLabels,
  listQuestions,
  parseDefinition,
  type SurveyDefinition,
} from "../surveys/definition";
import type { MapPointGroup, MapPointSummary } from "./map-points";
import { mapPointAnswers } from "./map-points.server";
import { type RepresentativenessRow, representativeness } from "./representativeness";
import {
  type AnswerGroup,
  ageBands,
  buildQuestionResults,
  CLOSED_QUESTION_TYPES,
  type QuestionResult,
} from "./results";
import { shownCount } from "./statistics";
import { foldTallies, readTallies, surveysWithUntallied, type TallyRow } from "./tallies.server";
import {
  type BaseGroup,
  type ClassCount,
  computeWeights,
  type Population,
  type Weighting,
} from "./weighting";

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

export interface ResponseOverview {
  total: number;
  /** Every channel (app/domain/surveys/channels.ts), also those without responses; small counts hidden. */
  perChannel: { channel: ResponseChannel; count: number | null }[];
  perWeek: {
    week: string;
    /** Per channel, in the order of perChannel. */
    channels: (number | null)[];
    total: number | null;
  }[];
  inProgress: number;
}

/** Responses per week and channel, from the `week` tallies (sub_key = channel, value = week). */
function responseOverview(tallies: readonly TallyRow[]): ResponseOverview {
  const weeks = new Map<string, Record<string, number>>();
  const channels: Record<string, number> = Object.fromEntries(channelOrder.map((c) => [c, 0]));
  let total = 0;
  for (const r of tallies) {
    if (r.kind !== "week") continue;
    const w = weeks.get(r.value) ?? {};
    w[r.subKey] = (w[r.subKey] ?? 0) + r.count;
    weeks.set(r.value, w);
    channels[r.subKey] = (channels[r.subKey] ?? 0) + r.count;
    total += r.count;
  }
  return {
    total,
    inProgress: 0,
    // Small counts are hidden here too: a week with 3 letters says more about people than it should.
    perChannel: channelOrder.map((channel) => ({ channel, count: shownCount(channels[channel] ?? 0) })),
    perWeek: [...weeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, c]) => ({
        week,
        channels: channelOrder.map((channel) => shownCount(c[channel] ?? 0)),
        total: shownCount(Object.values(c).reduce((a, b) => a + b, 0)),
      })),
  };
}

export interface SurveyResults {
  survey: SurveyForResults;
  overview: ResponseOverview;
  weighting: Omit<Weighting, "weights">;
  populationIsDemo: boolean;
  representativeness: { variable: BackgroundVariable; label: string; rows: RepresentativenessRow[] }[];
  questions: QuestionResult[];
  /** `summary` for the list, `groups` for the map (rounded, counts under 10 suppressed); both empty under 10 answers. */
  mapQuestions: {
    key: string;
    text: string;
    answered: number;
    shown: boolean;
    summary: MapPointSummary;
    groups: MapPointGroup[];
  }[];
  openQuestions: { key: string; text: string; theme: number | null; answered: number }[];
}

const representativenessLabels: Record<BackgroundVariable, string> = {
  age: "Leeftijd",
  wijk: "Wijk",
  tenure: "Woonsituatie",
  household: "Huishouden",
};

/**
 * Everything on /beheer/enquetes/:id/resultaten: the counts come from the tallies (answer_tallies plus
 * the responses not folded yet, see tallies.server.ts); only the map comments are read from answers.
 */
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
  const questions = listQuestions(def);
  const closed = questions.filter((q) => CLOSED_QUESTION_TYPES.has(q.type));
  const closedKeys = new Set(closed.map((q) => q.key));
  const multipleKeys = new Set(closed.filter((q) => q.type === "multiple").map((q) => q.key));
  const openKeys = new Set(questions.filter((q) => q.type === "open").map((q) => q.key));
  const ageQuestion = backgroundQuestion(def, "age");
  const tenureQuestion = backgroundQuestion(def, "tenure");
  const householdQuestion = backgroundQuestion(def, "household");
  const categoryLabels = {
    age:
      ageQuestion && ageQuestion.type !== "birthYear"
        ? choiceLabels(ageQuestion)
        : Object.fromEntries(ageBands.map((b) => [b.key, b.label])),
    tenure: tenureQuestion ? choiceLabels(tenureQuestion) : {},
    household: householdQuestion ? choiceLabels(householdQuestion) : {},
    wijk: wijkLabels,
  };

  const tallies = await readTallies(surveyId, def, db);
  const mapRows = await mapPointAnswers(
    surveyId,
    questions.filter((q) => q.type === "mapPoint"),
    tallies,
    db,
  );
  const background = (r: TallyRow) => ({
    age: r.age || null,
    tenure: r.tenure || null,
    wijk: r.wijk || null,
    household: r.household || null,
  });
  const classes: ClassCount[] = [];
  const groupRows: AnswerGroup[] = [];
  const baseGroups: BaseGroup[] = [];
  const openCounts = new Map<string, number>();
  for (const r of tallies) {
    if (r.kind === "respondents") classes.push({ ...background(r), count: r.count });
    else if (r.kind === "value" && closedKeys.has(r.questionKey))
      groupRows.push({
        questionKey: r.questionKey,
        subKey: r.subKey,
        value: r.value,
        count: r.count,
        ...background(r),
      });
    else if (r.kind === "answered" && multipleKeys.has(r.questionKey))
      baseGroups.push({ questionKey: r.questionKey, subKey: r.subKey, count: r.count, ...background(r) });
    else if (r.kind === "text" && openKeys.has(r.questionKey))
      openCounts.set(r.questionKey, (openCounts.get(r.questionKey) ?? 0) + r.count);
  }

  const weighting = computeWeights(classes, population, categoryLabels);
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
    overview: responseOverview(tallies),
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
        answered: openCounts.get(q.key) ?? 0,
      })),
  };
}

/** Bump when the computation or the shape of SurveyResults changes, so old cache rows are not used. */
const RESULTS_VERSION = "7";

/** Everything the results depend on, cheap to read: submitted responses, survey version, population, wijken. */
async function resultsFingerprint(surveyId: number, db: Executor): Promise<string> {
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
  const fingerprint = await resultsFingerprint(surveyId, db);
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

/** The sweeper: add every survey's newly submitted responses to its tallies. Returns the number added. */
export async function foldPendingTallies(db: Executor = getDb()): Promise<number> {
  let folded = 0;
  for (const surveyId of await surveysWithUntallied(db)) {
    const survey = await loadSurveyForResults(surveyId, db);
    if (survey) folded += await foldTallies(surveyId, survey.definition, db);
  }
  return folded;
}
