// The quickscan rule of the participation policy (seed 002, "Wie beslist?" and "Complexe opgave"),
// in one pure function: answers in, a first answer for the initiator out. The civil servant
// confirms or overrides the decider and the complexity afterwards.

export const DECIDERS = [
  {
    value: "initiator",
    label: "De initiatiefnemers zelf",
    explanation:
      "U beslist samen met de mensen die meedoen. De gemeente hoeft geen toestemming te geven. Wij helpen u graag met tips.",
  },
  {
    value: "officials",
    label: "Medewerkers van de gemeente",
    explanation:
      "Uw idee past binnen de regels die er al zijn. Een medewerker van de gemeente kan erover beslissen, soms na overleg met het college.",
  },
  {
    value: "executive",
    label: "Het college van burgemeester en wethouders",
    explanation:
      "Het college beslist over uw idee. Dat kan een eenvoudig idee zijn, of een ingewikkeld idee met een eigen aanpak.",
  },
  {
    value: "council",
    label: "De gemeenteraad",
    explanation:
      "De gemeenteraad beslist over grote en ingewikkelde plannen, bijvoorbeeld als regels of het omgevingsplan moeten veranderen.",
  },
] as const;

export type Decider = (typeof DECIDERS)[number]["value"];
export function deciderLabel(value: string): string {
  return DECIDERS.find((d) => d.value === value)?.label ?? value;
}

/** Budget above which the college decides, and above which the raad decides (euros). */
export const COLLEGE_BUDGET = 25_000;
export const RAAD_BUDGET = 100_000;

/** The answers the rule needs; the full form has more (quickscan-form.ts). */
export interface RuleAnswers {
  /** Who takes part besides the initiator: neighbours, association, school, business, municipality. */
  parties: readonly string[];
  /** How many parties take part: alone (just me), few (2–5), many (more than 5). */
  partyCount: "alone" | "few" | "many";
  /** Does it change the living environment of others, and how much. */
  impact: "none" | "small" | "large";
  /** Interests that may clash. */
  interests: "none" | "some" | "many";
  otherPlans: "yes" | "no" | "unknown";
  publicSpace: "yes" | "no";
  permit: "yes" | "no" | "unknown";
  /** Does it fit existing rules: fits, exception (needs an exception or new policy), plan_change (the omgevingsplan or council policy must change). */
  policy: "fits" | "exception" | "plan_change" | "unknown";
  /** What the initiator brings: time, money, people, materials. */
  contribution: readonly string[];
  /** Budget asked from the municipality in whole euros; 0 or undefined when none. */
  budget?: number;
}

export interface QuickscanResult {
  decider: Decider;
  deciderReasons: string[];
  complex: boolean;
  /** Why it is (or is not) a complex opgave, in plain words. */
  complexReasons: string[];
  /** The aspects of seed 002 that apply. */
  aspects: { bigChange: boolean; manyActors: boolean; manyInterests: boolean };
  nextSteps: string[];
  chances: string[];
  attentionPoints: string[];
}

const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
export const formatEuro = (amount: number) => euro.format(amount);

/** Who decides, with the reasons. The highest body that is needed wins. */
export function proposeDecider(a: RuleAnswers): { decider: Decider; reasons: string[] } {
  const budget = a.budget ?? 0;
  const raad: string[] = [];
  if (a.policy === "plan_change")
    raad.push("Voor uw idee moet het omgevingsplan of beleid van de raad veranderen.");
  if (budget > RAAD_BUDGET) raad.push(`U vraagt meer dan ${formatEuro(RAAD_BUDGET)} aan de gemeente.`);
  if (raad.length) return { decider: "council", reasons: raad };

  const college: string[] = [];
  if (a.policy === "exception") college.push("Uw idee past niet helemaal binnen de regels die er nu zijn.");
  if (budget > COLLEGE_BUDGET)
    college.push(`U vraagt meer dan ${formatEuro(COLLEGE_BUDGET)} aan de gemeente.`);
  if (college.length) return { decider: "executive", reasons: college };

  const officials: string[] = [];
  if (a.publicSpace === "yes")
    officials.push("Uw idee gebruikt openbare ruimte. Daar gaat de gemeente over.");
  if (a.permit === "yes") officials.push("U heeft een vergunning nodig.");
  if (a.permit === "unknown") officials.push("Misschien heeft u een vergunning nodig.");
  if (budget > 0) officials.push("U vraagt geld aan de gemeente.");
  if (a.policy === "unknown") officials.push("U weet nog niet of uw idee binnen de regels past.");
  if (a.parties.includes("municipality")) officials.push("U wilt dat de gemeente meedoet.");
  if (officials.length) return { decider: "officials", reasons: officials };

  return {
    decider: "initiator",
    reasons: ["U heeft geen toestemming, vergunning of geld van de gemeente nodig."],
  };
}

/**
 * Seed 002, "Complexe opgave": college and/or raad decides AND at least one of: a big change in the
 * living environment of (groups of) residents · many actors · many different interests.
 */
export function isComplex(
  decider: Decider,
  aspects: { bigChange: boolean; manyActors: boolean; manyInterests: boolean },
): boolean {
  const decidedByBoard = decider === "executive" || decider === "council";
  return decidedByBoard && (aspects.bigChange || aspects.manyActors || aspects.manyInterests);
}

/** Basisstappen 1–5 of the proceskader (seed 002): staff wording and plain words for the initiator. */
export const BASISSTAPPEN = [
  { step: 1, staff: "Planomschrijving maken", plain: "U maakt samen met de gemeente een planomschrijving." },
  {
    step: 2,
    staff: "Participatieplan maken",
    plain: "U maakt een participatieplan: wie denkt er mee, en wie doet er mee?",
  },
  {
    step: 3,
    staff: "College of raad stelt planomschrijving en participatieplan vast",
    plain: "Het college of de gemeenteraad keurt beide plannen goed. Dat is het kader voor de rest.",
  },
  {
    step: 4,
    staff: "Proces gaat van start volgens het vastgestelde kader",
    plain: "Het proces begint: u gaat met inwoners en anderen aan de slag.",
  },
  {
    step: 5,
    staff: "Resultaat naar college of raad, getoetst aan planomschrijving en participatieplan",
    plain:
      "Het resultaat gaat naar het college of de gemeenteraad. Zij kijken of het gelopen is zoals afgesproken en nemen een besluit.",
  },
] as const;

function nextStepsFor(decider: Decider, complex: boolean): string[] {
  if (complex) return BASISSTAPPEN.map((s) => `Stap ${s.step}: ${s.plain}`);
  switch (decider) {
    case "initiator":
      return [
        "Bespreek uw idee met de mensen die meedoen en maak samen afspraken.",
        "Uw contactpersoon bij de gemeente denkt graag met u mee als u vragen heeft.",
        "U kunt uw idee laten zien op de kaart met initiatieven, zodat anderen kunnen aanhaken.",
      ];
    case "officials":
      return [
        "Uw contactpersoon bij de gemeente neemt contact met u op.",
        "Samen kijkt u wat er nodig is, zoals toestemming of een vergunning.",
        "De gemeente beslist op basis van de regels die er al zijn.",
      ];
    default:
      return [
        "Uw contactpersoon bij de gemeente neemt contact met u op.",
        "U werkt uw idee samen uit tot een plan.",
        `${decider === "council" ? "De gemeenteraad" : "Het college"} neemt een besluit over het plan.`,
      ];
  }
}

export function quickscan(a: RuleAnswers): QuickscanResult {
  const { decider, reasons } = proposeDecider(a);
  const aspects = {
    bigChange: a.impact === "large",
    manyActors: a.partyCount === "many",
    manyInterests: a.interests === "many",
  };
  const complex = isComplex(decider, aspects);

  // Full sentences, read after "who decides" (page and mail): the board decision first, then what
  // makes it complex or not. A simple idea decided by the board gets one sentence with "maar".
  const complexReasons: string[] = [];
  const Board = decider === "council" ? "De gemeenteraad" : "Het college";
  if (complex) {
    complexReasons.push(`${Board} beslist over uw idee.`);
    if (aspects.bigChange) complexReasons.push("Er verandert veel in de leefomgeving van andere inwoners.");
    if (aspects.manyActors) complexReasons.push("Er doen veel partijen mee.");
    if (aspects.manyInterests) complexReasons.push("Er spelen veel verschillende belangen.");
  } else if (decider === "executive" || decider === "council") {
    complexReasons.push(
      `${Board} beslist over uw idee, maar er verandert niet veel voor anderen, er doen niet veel partijen mee en er spelen niet veel verschillende belangen.`,
    );
  } else {
    complexReasons.push("Het college of de gemeenteraad hoeft niet over uw idee te beslissen.");
  }

  const chances: string[] = [];
  if (a.contribution.includes("time"))
    chances.push("U steekt zelf tijd in uw idee. Dat vergroot de kans op succes.");
  if (a.contribution.includes("people") || a.partyCount !== "alone")
    chances.push("U doet het samen met anderen. Samen staat u sterker.");
  if (a.contribution.includes("money")) chances.push("U draagt zelf geld bij aan uw idee.");
  if (a.impact === "none" && a.interests === "none")
    chances.push("Uw idee heeft weinig gevolgen voor anderen. Dan kan het vaak snel.");

  const attention: string[] = [];
  if (a.permit === "yes")
    attention.push("U heeft waarschijnlijk een vergunning nodig. Vraag die op tijd aan.");
  if (a.permit === "unknown")
    attention.push("Misschien heeft u een vergunning nodig. Uw contactpersoon zoekt dit met u uit.");
  if (a.publicSpace === "yes")
    attention.push(
      "Uw idee gebruikt openbare ruimte, zoals de stoep, een plein of een park. Daarvoor is toestemming nodig.",
    );
  if (a.impact !== "none")
    attention.push("Betrek de buren vroeg. Vertel hen over uw idee voordat uw plan klaar is.");
  if (a.interests !== "none")
    attention.push(
      "Niet iedereen zal er hetzelfde over denken. Praat vroeg met mensen die andere belangen hebben.",
    );
  if (a.otherPlans !== "no")
    attention.push(
      "Uw idee raakt misschien andere plannen van de gemeente. Uw contactpersoon zoekt dit uit.",
    );
  if ((a.budget ?? 0) > 0)
    attention.push(
      `U vraagt ${formatEuro(a.budget ?? 0)}. De gemeente kijkt of er budget is en wat u zelf bijdraagt.`,
    );
  if (a.contribution.length === 0)
    attention.push(
      "U heeft nog niet gezegd wat u zelf bijdraagt. Ideeën waar inwoners zelf aan meewerken, hebben meer kans.",
    );
  if (complex)
    attention.push(
      "Voor een ingewikkeld idee maakt u eerst een planomschrijving en een participatieplan. Daarna pas begint het proces.",
    );

  return {
    decider,
    deciderReasons: reasons,
    complex,
    complexReasons,
    aspects,
    nextSteps: nextStepsFor(decider, complex),
    chances,
    attentionPoints: attention,
  };
}
