import { inArray } from "drizzle-orm";
import { quickscan } from "../../app/domain/initiatives/quickscan";
import type { QuickscanAnswers } from "../../app/domain/initiatives/quickscan-form";
import type { Executor } from "../../app/lib/db.server";
import { initiativeEvents, initiatives, routingRules, staffUsers } from "../schema";

// Demo ideas, labelled "(demo)", in various statuses; some published with a public point in
// Heemstede and some featured, so the map and the home page have something to show.
const AMBTENAAR = "ambtenaar@demo.wijmakenheemstede.nl";
const GROEN = "groen@demo.wijmakenheemstede.nl";

type Demo = {
  title: string;
  description: string;
  theme: string;
  wijk: string;
  status: string;
  lat: number;
  lng: number;
  published?: boolean;
  featured?: boolean;
  answers: Partial<QuickscanAnswers>;
  manager: string;
  daysAgo: number;
};

const simple: Partial<QuickscanAnswers> = {
  parties: ["neighbours"],
  partyCount: "few",
  impact: "small",
  interests: "none",
  otherPlans: "no",
  publicSpace: "yes",
  permit: "no",
  policy: "fits",
  contribution: ["time", "people"],
  timing: "soon",
};

const demos: Demo[] = [
  {
    title: "Geveltuinen in de Kerklaan (demo)",
    description: "Bewoners leggen samen geveltuintjes aan langs de stoep.",
    theme: "groen",
    wijk: "DEMO01",
    status: "realised",
    lat: 52.3571,
    lng: 4.6205,
    published: true,
    featured: true,
    answers: simple,
    manager: GROEN,
    daysAgo: 200,
  },
  {
    title: "Buurtmoestuin bij de Vrijheidsdreef (demo)",
    description: "Een gezamenlijke moestuin voor en door de buurt.",
    theme: "groen",
    wijk: "DEMO04",
    status: "in_execution",
    lat: 52.3498,
    lng: 4.6132,
    published: true,
    featured: true,
    answers: { ...simple, budget: 2500 },
    manager: GROEN,
    daysAgo: 120,
  },
  {
    title: "Jeu de boules-baan in het Wilhelminapark (demo)",
    description: "Een baan om samen te spelen, voor jong en oud.",
    theme: "spelen-sport",
    wijk: "DEMO02",
    status: "in_review",
    lat: 52.3552,
    lng: 4.6261,
    published: true,
    answers: { ...simple, permit: "yes", budget: 4000 },
    manager: AMBTENAAR,
    daysAgo: 30,
  },
  {
    title: "Bankjes langs de Heemsteedse Dreef (demo)",
    description: "Rustpunten voor ouderen die hier wandelen.",
    theme: "samenleven",
    wijk: "DEMO03",
    status: "new",
    lat: 52.3525,
    lng: 4.6215,
    answers: { ...simple, budget: 1500 },
    manager: AMBTENAAR,
    daysAgo: 2,
  },
  {
    title: "Veilige oversteek bij de school (demo)",
    description: "Een zebrapad en lagere snelheid bij de basisschool.",
    theme: "verkeer",
    wijk: "DEMO05",
    status: "planning",
    lat: 52.3619,
    lng: 4.6168,
    published: true,
    answers: {
      ...simple,
      parties: ["school", "neighbours"],
      policy: "exception",
      interests: "many",
      partyCount: "many",
    },
    manager: AMBTENAAR,
    daysAgo: 90,
  },
  {
    title: "Zonnepanelen op het buurthuis (demo)",
    description: "Een energiecoöperatie legt panelen op het dak van het buurthuis.",
    theme: "duurzaam",
    wijk: "DEMO06",
    status: "adopted",
    lat: 52.3449,
    lng: 4.6096,
    published: true,
    featured: true,
    answers: {
      ...simple,
      parties: ["association"],
      publicSpace: "no",
      permit: "yes",
      budget: 60000,
      impact: "small",
    },
    manager: AMBTENAAR,
    daysAgo: 160,
  },
  {
    title: "Woningen op het oude sportterrein (demo)",
    description: "Een plan voor betaalbare woningen voor starters en ouderen.",
    theme: "wonen",
    wijk: "DEMO06",
    status: "planning",
    lat: 52.3432,
    lng: 4.6151,
    published: true,
    answers: {
      ...simple,
      parties: ["business", "municipality"],
      partyCount: "many",
      impact: "large",
      interests: "many",
      policy: "plan_change",
      otherPlans: "yes",
    },
    manager: AMBTENAAR,
    daysAgo: 75,
  },
  {
    title: "Kunstroute langs de Binnenweg (demo)",
    description: "Kunstenaars uit Heemstede exposeren in etalages.",
    theme: "cultuur",
    wijk: "DEMO01",
    status: "in_review",
    lat: 52.3583,
    lng: 4.6232,
    published: true,
    answers: { ...simple, parties: ["business", "association"], publicSpace: "no" },
    manager: AMBTENAAR,
    daysAgo: 20,
  },
  {
    title: "Burendag in de Indische Buurt (demo)",
    description: "Een dag om elkaar beter te leren kennen.",
    theme: "samenleven",
    wijk: "DEMO02",
    status: "realised",
    lat: 52.3561,
    lng: 4.6289,
    published: true,
    answers: { ...simple, publicSpace: "no", impact: "none" },
    manager: AMBTENAAR,
    daysAgo: 300,
  },
  {
    title: "Speeltuin opknappen in Merlenhoven (demo)",
    description: "Nieuwe speeltoestellen en een bankje voor ouders.",
    theme: "spelen-sport",
    wijk: "DEMO03",
    status: "new",
    lat: 52.3505,
    lng: 4.6301,
    answers: { ...simple, budget: 18000 },
    manager: AMBTENAAR,
    daysAgo: 1,
  },
  {
    title: "Hondenlosloopgebied in het Groenendaalse bos (demo)",
    description: "Een afgebakend stuk bos waar honden los mogen.",
    theme: "groen",
    wijk: "DEMO06",
    status: "rejected",
    lat: 52.3468,
    lng: 4.6052,
    answers: { ...simple, interests: "many", policy: "exception" },
    manager: GROEN,
    daysAgo: 60,
  },
  {
    title: "Repair café in de bibliotheek (demo)",
    description: "Samen spullen repareren in plaats van weggooien.",
    theme: "duurzaam",
    wijk: "DEMO01",
    status: "withdrawn",
    lat: 52.3592,
    lng: 4.6193,
    answers: { ...simple, publicSpace: "no" },
    manager: AMBTENAAR,
    daysAgo: 45,
  },
];

const FLOW = ["new", "in_review", "planning", "adopted", "in_execution", "realised"];

export async function seedInitiatives(db: Executor) {
  const staff = await db
    .select({ id: staffUsers.id, email: staffUsers.email })
    .from(staffUsers)
    .where(inArray(staffUsers.email, [AMBTENAAR, GROEN]));
  const idOf = (email: string) => staff.find((s) => s.email === email)?.id ?? null;
  if (idOf(GROEN) && idOf(AMBTENAAR))
    await db
      .insert(routingRules)
      .values([
        { theme: null, wijkCode: null, accountManagerId: idOf(AMBTENAAR), isDemo: true },
        { theme: "groen", wijkCode: null, accountManagerId: idOf(GROEN), isDemo: true },
        { theme: "duurzaam", wijkCode: null, accountManagerId: idOf(GROEN), isDemo: true },
        { theme: "spelen-sport", wijkCode: "DEMO03", accountManagerId: idOf(GROEN), isDemo: true },
      ])
      .onConflictDoNothing();

  for (const [n, d] of demos.entries()) {
    const answers = {
      title: d.title,
      description: d.description,
      theme: d.theme,
      locationKind: "wijk",
      wijkCode: d.wijk,
      name: `Demo-initiatiefnemer ${n + 1}`,
      email: `initiatiefnemer${n + 1}@demo.wijmakenheemstede.nl`,
      consentContact: "ja",
      showName: false,
      allowExactLocation: false,
      ...d.answers,
    } as QuickscanAnswers;
    const result = quickscan({
      parties: answers.parties,
      partyCount: answers.partyCount,
      impact: answers.impact,
      interests: answers.interests,
      otherPlans: answers.otherPlans,
      publicSpace: answers.publicSpace,
      permit: answers.permit,
      policy: answers.policy,
      contribution: answers.contribution,
      budget: answers.budget,
    });
    const createdAt = new Date(Date.now() - d.daysAgo * 86_400_000);
    const published = Boolean(d.published);
    const [row] = await db
      .insert(initiatives)
      .values({
        createdAt,
        updatedAt: createdAt,
        title: d.title,
        description: d.description,
        theme: d.theme,
        locationKind: "wijk",
        wijkCode: d.wijk,
        lat: d.lat,
        lng: d.lng,
        answers: answers as unknown as Record<string, unknown>,
        budgetRequested: answers.budget ?? null,
        initiatorName: answers.name,
        initiatorEmail: answers.email,
        consentContact: true,
        proposedDecider: result.decider,
        proposedComplex: result.complex,
        decider: result.decider,
        complex: result.complex,
        deciderConfirmed: d.status !== "new",
        status: d.status,
        statusReason:
          d.status === "rejected" ? "Dit past niet binnen het beleid voor natuurgebieden. (demo)" : null,
        accountManagerId: idOf(d.manager),
        respondBy: new Date(createdAt.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
        processStep: 0,
        publicTitle: published ? d.title : null,
        publicSummary: published ? d.description : null,
        publicLat: published ? Math.round(d.lat * 1000) / 1000 : null,
        publicLng: published ? Math.round(d.lng * 1000) / 1000 : null,
        locationPrecision: published ? "buurt" : "none",
        isPublished: published,
        isFeatured: Boolean(d.featured),
        publishedAt: published ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        isDemo: true,
      })
      .returning({ id: initiatives.id });
    const reached = FLOW.includes(d.status) ? FLOW.slice(0, FLOW.indexOf(d.status) + 1) : ["new", d.status];
    await db.insert(initiativeEvents).values(
      reached.map((status, i) => ({
        initiativeId: row!.id,
        at: new Date(createdAt.getTime() + i * 86_400_000),
        kind: "status",
        status,
      })),
    );
  }
}
