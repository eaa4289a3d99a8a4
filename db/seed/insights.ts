// Demo data for the insights screens (the population figures come from ./population.ts): a few input items, and
// generated responses to a survey. The generator works from any survey definition, so it also feeds
// the bench (bench/insights.ts) and the integration tests.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { AnswerRow } from "../../app/domain/surveys/answers";
import {
  listQuestions,
  parseDefinition,
  type Question,
  type SurveyDefinition,
} from "../../app/domain/surveys/definition";
import type { Executor } from "../../app/lib/db.server";
import fixture from "../../tests/fixtures/open-answers.nl.json";
import { inputItems, projects, surveys, surveyVersions } from "../schema";
import { demoWijken } from "./wijken";

/** Small deterministic random generator (mulberry32), so demo data and benches are reproducible. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A survey definition with background questions and a mix of question types; `extra` adds agree statements. */
export function insightsDemoDefinition(extra = 0): SurveyDefinition {
  const statements = [
    "Er moeten meer woningen voor starters komen.",
    "Ik wil in mijn eigen wijk oud kunnen worden.",
    "De gemeente moet het groen in de wijken beschermen.",
    "Ik ben bereid mijn woning te verduurzamen.",
    "Gemeente en woningcorporaties werken goed samen.",
  ];
  return {
    schemaVersion: 1,
    title: "Woonvisie: wat vindt u belangrijk?",
    intro: "",
    estimatedMinutes: 10,
    whatHappens: "",
    thankYou: "",
    pages: [
      {
        key: "over-u",
        title: "Over u",
        kind: "questions",
        blocks: [],
        questions: [
          {
            key: "geboortejaar",
            type: "birthYear",
            text: "Wat is uw geboortejaar?",
            required: true,
            allowDontKnow: false,
            background: "age",
            minAge: 16,
          },
          {
            key: "postcode",
            type: "postcode",
            text: "Wat is uw postcode?",
            required: true,
            allowDontKnow: false,
            background: "wijk",
          },
          {
            key: "woonsituatie",
            type: "single",
            text: "Woont u in een koopwoning of een huurwoning?",
            required: true,
            allowDontKnow: false,
            background: "tenure",
            other: false,
            options: [
              { value: "koop", label: "Koopwoning" },
              { value: "sociale-huur", label: "Huurwoning van een woningcorporatie" },
              { value: "particuliere-huur", label: "Huurwoning van een particuliere verhuurder" },
            ],
          },
          {
            key: "huishouden",
            type: "single",
            text: "Hoe woont u?",
            required: true,
            allowDontKnow: false,
            background: "household",
            other: false,
            options: [
              { value: "alleenstaand", label: "Ik woon alleen" },
              { value: "paar", label: "Samen, zonder kinderen thuis" },
              { value: "gezin", label: "Samen, met kinderen thuis" },
            ],
          },
        ],
      },
      {
        key: "wonen",
        title: "Wonen in Heemstede",
        kind: "questions",
        blocks: [],
        questions: [
          {
            key: "belangrijkst",
            type: "multiple",
            text: "Wat vindt u het belangrijkst voor wonen in Heemstede? (hoogstens 3)",
            required: false,
            allowDontKnow: false,
            theme: 1,
            other: false,
            max: 3,
            options: [
              { value: "betaalbaarheid", label: "Betaalbare woningen" },
              { value: "starters", label: "Woningen voor starters" },
              { value: "senioren", label: "Woningen voor senioren" },
              { value: "duurzaamheid", label: "Duurzame woningen" },
              { value: "groen", label: "Groen in de wijk" },
            ],
          },
          ...statements.map((text, i) => ({
            key: `stelling-${i + 1}`,
            type: "agree" as const,
            text,
            required: false,
            allowDontKnow: true,
            theme: i + 1,
          })),
          {
            key: "cijfer-wijk",
            type: "grade",
            text: "Welk cijfer geeft u uw wijk?",
            required: false,
            allowDontKnow: false,
            theme: 3,
          },
          {
            key: "tevredenheid",
            type: "matrix",
            text: "Hoe tevreden bent u over uw wijk?",
            required: false,
            allowDontKnow: false,
            theme: 3,
            rows: [
              { value: "groen", label: "Groen en water" },
              { value: "veiligheid", label: "Veiligheid" },
            ],
            scale: [
              { value: "ontevreden", label: "Ontevreden" },
              { value: "neutraal", label: "Neutraal" },
              { value: "tevreden", label: "Tevreden" },
            ],
          },
          ...Array.from({ length: extra }, (_, i) => ({
            key: `extra-${i + 1}`,
            type: "agree" as const,
            text: `Extra stelling ${i + 1}`,
            required: false,
            allowDontKnow: true,
            theme: (i % 5) + 1,
          })),
          {
            key: "plek",
            type: "mapPoint",
            text: "Waar in Heemstede zou u graag nieuwe woningen zien?",
            required: false,
            allowDontKnow: false,
            theme: 1,
            allowAddress: false,
            commentLabel: "Toelichting",
            locations: [
              { value: "station", label: "Omgeving station Heemstede-Aerdenhout", lat: 52.3594, lng: 4.6095 },
              { value: "binnenweg", label: "Binnenweg en omgeving", lat: 52.3561, lng: 4.6158 },
              { value: "cruquiusweg", label: "Bedrijventerrein Cruquiusweg", lat: 52.3487, lng: 4.6357 },
            ],
          },
          {
            key: "toelichting",
            type: "open",
            text: "Wat wilt u de gemeenteraad meegeven over wonen in Heemstede?",
            required: false,
            allowDontKnow: false,
            maxLength: 1000,
            multiline: true,
          },
        ],
      },
    ],
  } as SurveyDefinition;
}

export interface GeneratedResponse {
  channel: "open" | "panel" | "letter";
  respondentId: string | null;
  submittedAt: Date;
  answers: AnswerRow[];
}

const openTexts = (fixture.answers as { text: string }[]).map((a) => a.text);
const personalExamples = [
  "Bel mij gerust: 06-12345678, dan leg ik het uit.",
  "Ik woon aan de Binnenweg 12 en zie elke dag hoe druk het is.",
  "Mail mij op j.devries@example.nl voor meer ideeën.",
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** Responses with plausible, slightly unrepresentative answers (older owners answer more often, as usual). */
export function generateResponses(
  definition: SurveyDefinition,
  count: number,
  seed = 1,
): GeneratedResponse[] {
  const rnd = random(seed);
  const questions = listQuestions(definition);
  const start = Date.UTC(2026, 9, 1);
  const out: GeneratedResponse[] = [];
  for (let i = 0; i < count; i++) {
    const channelRoll = rnd();
    const channel = channelRoll < 0.55 ? "open" : channelRoll < 0.85 ? "panel" : "letter";
    const submittedAt = new Date(start + Math.floor(rnd() * 42 * 86_400_000));
    // Older respondents are over-represented, as in most surveys.
    const age = Math.floor(18 + rnd() ** 0.7 * 70);
    const birthYear = submittedAt.getUTCFullYear() - age;
    const tenure = rnd() < 0.72 ? "koop" : rnd() < 0.6 ? "sociale-huur" : "particuliere-huur";
    const answers: AnswerRow[] = [];
    const base = (q: Question, v: Partial<AnswerRow>): AnswerRow => ({
      questionKey: q.key,
      subKey: "",
      valueText: null,
      valueNumber: null,
      valueOption: null,
      valueOptions: null,
      valueLat: null,
      valueLng: null,
      dontKnow: false,
      ...v,
    });
    for (const q of questions) {
      if (!q.required && rnd() < 0.08) continue;
      switch (q.type) {
        case "birthYear":
          answers.push(base(q, { valueNumber: birthYear }));
          break;
        case "postcode": {
          const w = pick(rnd, demoWijken);
          answers.push(base(q, { valueText: w.postcodes[0]!, valueOption: w.code }));
          break;
        }
        case "single": {
          const option =
            q.background === "tenure" && q.options.some((o) => o.value === tenure)
              ? tenure
              : pick(rnd, q.options).value;
          answers.push(base(q, { valueOption: option }));
          break;
        }
        case "multiple": {
          const chosen = q.options.filter(() => rnd() < 0.4).map((o) => o.value);
          answers.push(
            base(q, { valueOptions: chosen.length ? chosen.slice(0, q.max ?? 30) : [q.options[0]!.value] }),
          );
          break;
        }
        case "agree":
          if (q.allowDontKnow && rnd() < 0.05) answers.push(base(q, { dontKnow: true }));
          else {
            // Younger renters agree more with starter housing; the rest is noise around "mee eens".
            const lean = tenure === "koop" ? 0 : 0.6;
            answers.push(
              base(q, { valueNumber: Math.max(1, Math.min(5, Math.round(2.8 + lean + (rnd() - 0.4) * 3))) }),
            );
          }
          break;
        case "grade":
          answers.push(
            base(q, { valueNumber: Math.max(1, Math.min(10, Math.round(7 + (rnd() - 0.5) * 4))) }),
          );
          break;
        case "number":
          answers.push(base(q, { valueNumber: Math.round(rnd() * 100) }));
          break;
        case "matrix":
          for (const row of q.rows)
            answers.push(base(q, { subKey: row.value, valueOption: pick(rnd, q.scale).value }));
          break;
        case "ranking": {
          // Only the top asked for is ranked, in a random order where earlier items are somewhat
          // more popular (weighted random order: key = u^(1/w), largest first).
          const top = q.top ?? q.items.length;
          q.items
            .map((item, i) => ({ item, key: rnd() ** (1 / (q.items.length - i + 2)) }))
            .sort((a, b) => b.key - a.key)
            .slice(0, top)
            .forEach(({ item }, rank) => {
              answers.push(base(q, { subKey: item.value, valueNumber: rank + 1 }));
            });
          break;
        }
        case "mapPoint": {
          if (rnd() < 0.5) break;
          const loc = pick(rnd, q.locations);
          answers.push(
            base(q, {
              valueOption: loc?.value ?? null,
              valueLat: loc ? loc.lat + (rnd() - 0.5) * 0.004 : 52.35,
              valueLng: loc ? loc.lng + (rnd() - 0.5) * 0.004 : 4.62,
              valueText: rnd() < 0.5 ? pick(rnd, openTexts) : null,
            }),
          );
          break;
        }
        case "open":
          if (rnd() < 0.3) break;
          answers.push(
            base(q, { valueText: rnd() < 0.02 ? pick(rnd, personalExamples) : pick(rnd, openTexts) }),
          );
          break;
      }
    }
    out.push({
      channel,
      respondentId: channel === "panel" ? `P-${(seed * 1_000_000 + i).toString(36).toUpperCase()}` : null,
      submittedAt,
      answers,
    });
  }
  return out;
}

/** Insert generated responses with a few large statements (unnest of arrays), fast enough for 100,000. */
export async function insertResponses(
  db: Executor,
  surveyId: number,
  surveyVersionId: number,
  generated: readonly GeneratedResponse[],
  options: { isDemo?: boolean; batch?: number } = {},
) {
  const batch = options.batch ?? 2000;
  for (let start = 0; start < generated.length; start += batch) {
    const slice = generated.slice(start, start + batch);
    // Ids are made here, so answers can point at them without relying on the order of RETURNING.
    const ids = slice.map(() => randomUUID());
    await db.execute(sql`
      insert into responses (id, survey_id, survey_version_id, respondent_id, channel, status, is_demo,
        started_at, submitted_at, updated_at)
      select x.id::uuid, ${surveyId}, ${surveyVersionId}, x.respondent_id, x.channel, 'submitted', ${options.isDemo ?? false},
        x.submitted_at - interval '9 minutes', x.submitted_at, x.submitted_at
      from json_to_recordset(${JSON.stringify(
        slice.map((r, i) => ({
          id: ids[i],
          respondent_id: r.respondentId,
          channel: r.channel,
          submitted_at: r.submittedAt.toISOString(),
        })),
      )}::json) as x(id text, respondent_id text, channel text, submitted_at timestamptz)`);
    const rows = slice.flatMap((r, i) => r.answers.map((a) => ({ ...a, responseId: ids[i]! })));
    for (let s = 0; s < rows.length; s += 10_000) {
      const part = rows.slice(s, s + 10_000);
      await db.execute(sql`
        insert into answers (response_id, survey_id, question_key, sub_key, value_text, value_number, value_option,
          value_options, value_lat, value_lng, dont_know)
        select x.response_id::uuid, ${surveyId}, x.question_key, x.sub_key, x.value_text, x.value_number,
          x.value_option, case when x.value_options is null then null else string_to_array(x.value_options, '|') end,
          x.value_lat, x.value_lng, x.dont_know
        from json_to_recordset(${JSON.stringify(
          part.map((a) => ({
            response_id: a.responseId,
            question_key: a.questionKey,
            sub_key: a.subKey,
            value_text: a.valueText,
            value_number: a.valueNumber,
            value_option: a.valueOption,
            value_options: a.valueOptions ? a.valueOptions.join("|") : null,
            value_lat: a.valueLat,
            value_lng: a.valueLng,
            dont_know: a.dontKnow,
          })),
        )}::json) as x(response_id text, question_key text, sub_key text, value_text text, value_number float8,
          value_option text, value_options text, value_lat float8, value_lng float8, dont_know boolean)`);
    }
  }
}

/** Create a published survey with this definition (and a project when none is given). */
export async function createSurveyWithDefinition(
  db: Executor,
  definition: SurveyDefinition,
  options: { slug: string; projectId?: number; isDemo?: boolean },
) {
  let projectId = options.projectId;
  if (projectId === undefined) {
    const [project] = await db
      .insert(projects)
      .values({
        slug: `${options.slug}-project`,
        title: "Woonvisie Heemstede",
        isDemo: options.isDemo ?? false,
      })
      .returning();
    projectId = project!.id;
  }
  const [survey] = await db
    .insert(surveys)
    .values({
      slug: options.slug,
      title: definition.title,
      status: "published",
      projectId,
      isDemo: options.isDemo ?? false,
    })
    .returning();
  const [version] = await db
    .insert(surveyVersions)
    .values({ surveyId: survey!.id, version: 1, definition, publishedAt: new Date() })
    .returning();
  return { projectId, surveyId: survey!.id, versionId: version!.id };
}

/**
 * Demo (after the population seed, which holds the figures for weighting): ~300 responses (labelled demo) to the Woonvisie survey of the surveys
 * seed when it is there (otherwise to a demo survey of our own), and input items of the other tracks.
 */
export async function seedInsights(db: Executor) {
  const [existing] = await db
    .select({ id: surveys.id, projectId: surveys.projectId })
    .from(surveys)
    .where(eq(surveys.status, "published"))
    .limit(1);
  let target: { surveyId: number; versionId: number; projectId: number; definition: SurveyDefinition };
  const [version] = existing
    ? await db
        .select()
        .from(surveyVersions)
        .where(eq(surveyVersions.surveyId, existing.id))
        .orderBy(sql`published_at desc nulls last`)
        .limit(1)
    : [];
  const parsed = version ? parseDefinition(version.definition) : null;
  if (existing && version && existing.projectId !== null && parsed?.ok) {
    target = {
      surveyId: existing.id,
      versionId: version.id,
      projectId: existing.projectId,
      definition: parsed.definition,
    };
  } else {
    const definition = insightsDemoDefinition();
    const created = await createSurveyWithDefinition(db, definition, {
      slug: "woonvisie-demo-resultaten",
      isDemo: true,
    });
    target = { ...created, definition };
  }
  await insertResponses(
    db,
    target.surveyId,
    target.versionId,
    generateResponses(target.definition, 300, 2026),
    {
      isDemo: true,
    },
  );
  await db.insert(inputItems).values([
    {
      projectId: target.projectId,
      theme: 1,
      source: "residents_evening",
      title: "Starters vinden geen woning",
      text: "Aan drie tafels werd genoemd dat kinderen van Heemstedenaren geen woning in het dorp kunnen vinden.",
      itemDate: "2026-10-14",
      isDemo: true,
    },
    {
      projectId: target.projectId,
      theme: 2,
      source: "housing_corporations",
      title: "Meer geclusterde ouderenwoningen",
      text: "Elan Wonen en Pré Wonen zien vraag naar geclusterde woningen voor ouderen met zorg dichtbij.",
      itemDate: "2026-10-21",
      isDemo: true,
    },
    {
      projectId: target.projectId,
      theme: 4,
      source: "tenant_organisations",
      title: "Verduurzaming zonder hogere woonlasten",
      text: "De Bewonersraad Elan Wonen vraagt om verduurzaming waarbij de totale woonlasten niet stijgen.",
      itemDate: "2026-10-28",
      isDemo: true,
    },
  ]);
}
