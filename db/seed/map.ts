import { findWijkCode } from "../../app/domain/initiatives/geo";
import type { Executor } from "../../app/lib/db.server";
import { initiativeEvents, initiatives } from "../schema";
import { demoBoundary, demoWijken } from "./wijken";

// Demo initiatives for the map (issue 5), published and labelled demo. Invented examples.
const examples: {
  title: string;
  summary: string;
  theme: string;
  status: string;
  lat: number;
  lng: number;
  featured?: boolean;
}[] = [
  {
    title: "Moestuin bij de bibliotheek",
    summary:
      "Buurtbewoners leggen samen een moestuin aan naast de bibliotheek. Iedereen kan meedoen met zaaien, wieden en oogsten.",
    theme: "groen",
    status: "in_uitvoering",
    lat: 52.3512,
    lng: 4.6201,
    featured: true,
  },
  {
    title: "Speelplek Glipperweg opknappen",
    summary: "Ouders uit de buurt willen de speelplek vernieuwen, met een klimrek en bankjes voor ouders.",
    theme: "spelen-sport",
    status: "planvorming",
    lat: 52.3421,
    lng: 4.6083,
    featured: true,
  },
  {
    title: "Veilig oversteken bij de school",
    summary: "Een zebrapad en een lager tempo bij de basisschool, samen met de schoolleiding bedacht.",
    theme: "verkeer",
    status: "in_behandeling",
    lat: 52.3575,
    lng: 4.6052,
  },
  {
    title: "Repaircafé in het buurthuis",
    summary:
      "Elke eerste zaterdag van de maand repareren vrijwilligers kapotte spullen. Zo gooien we minder weg.",
    theme: "duurzaam",
    status: "gerealiseerd",
    lat: 52.3468,
    lng: 4.6312,
    featured: true,
  },
  {
    title: "Samen eten voor ouderen",
    summary: "Eens per week een warme maaltijd voor ouderen uit de wijk, gekookt door buurtgenoten.",
    theme: "samenleven",
    status: "in_uitvoering",
    lat: 52.3622,
    lng: 4.6215,
  },
  {
    title: "Kunstroute door Heemstede",
    summary: "Kunstenaars openen hun atelier voor een wandelroute door het dorp.",
    theme: "cultuur",
    status: "vastgesteld",
    lat: 52.3534,
    lng: 4.6158,
  },
  {
    title: "Gezellige Binnenweg",
    summary: "Winkeliers en bewoners willen meer groen en bankjes in de winkelstraat.",
    theme: "ondernemen",
    status: "planvorming",
    lat: 52.3551,
    lng: 4.6121,
  },
  {
    title: "Geveltuinen in de Indische Buurt",
    summary: "Bewoners maken samen geveltuinen. De gemeente helpt met het weghalen van tegels.",
    theme: "groen",
    status: "gerealiseerd",
    lat: 52.3583,
    lng: 4.6301,
  },
  {
    title: "Woongroep voor jong en oud",
    summary: "Een groep inwoners onderzoekt een woonproject waar jongeren en ouderen samen wonen.",
    theme: "wonen",
    status: "in_behandeling",
    lat: 52.3393,
    lng: 4.6248,
  },
  {
    title: "Buurtbatterij",
    summary: "Zonnestroom van daken in de buurt samen opslaan in een buurtbatterij.",
    theme: "duurzaam",
    status: "planvorming",
    lat: 52.3441,
    lng: 4.6402,
  },
  {
    title: "Jeu de boules-baan in het park",
    summary: "Een baan waar jong en oud kunnen spelen en elkaar ontmoeten.",
    theme: "spelen-sport",
    status: "gerealiseerd",
    lat: 52.3498,
    lng: 4.5985,
  },
  {
    title: "Bloemenweide langs de Leidsevaart",
    summary: "Bermen worden bloemrijk gemaakt, voor bijen en vlinders.",
    theme: "groen",
    status: "in_uitvoering",
    lat: 52.3655,
    lng: 4.6352,
  },
];

export async function seedMap(db: Executor) {
  const areas = demoWijken.map((w, i) => ({
    code: w.code,
    kind: "wijk" as const,
    parentCode: null,
    geometry: demoBoundary(i),
  }));
  const now = Date.now();
  for (const [i, e] of examples.entries()) {
    const publishedAt = new Date(now - (examples.length - i) * 86_400_000 * 9);
    const [row] = await db
      .insert(initiatives)
      .values({
        title: e.title,
        description: e.summary,
        theme: e.theme,
        locationKind: "adres",
        lat: e.lat,
        lng: e.lng,
        wijkCode: findWijkCode(e.lat, e.lng, areas),
        answers: { source: "demo" },
        initiatorName: "Demo-initiatiefnemer",
        initiatorEmail: `initiatief${i + 1}@demo.wijmakenheemstede.nl`,
        consentContact: true,
        proposedDecider: "initiatiefnemer",
        proposedComplex: false,
        decider: "initiatiefnemer",
        complex: false,
        deciderConfirmed: true,
        status: e.status,
        publicTitle: e.title,
        publicSummary: e.summary,
        publicLat: e.lat,
        publicLng: e.lng,
        locationPrecision: "exact",
        isPublished: true,
        isFeatured: e.featured ?? false,
        publishedAt,
        isDemo: true,
      })
      .onConflictDoNothing()
      .returning({ id: initiatives.id });
    if (!row) continue;
    await db.insert(initiativeEvents).values([
      {
        initiativeId: row.id,
        kind: "status",
        status: "nieuw",
        at: new Date(publishedAt.getTime() - 20 * 86_400_000),
      },
      { initiativeId: row.id, kind: "status", status: e.status, at: publishedAt },
    ]);
  }
}
