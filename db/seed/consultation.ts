import { eq } from "drizzle-orm";
import { parseEditorText } from "../../app/domain/consultation/paragraphs";
import type { Executor } from "../../app/lib/db.server";
import { createToken, hashToken } from "../../app/lib/tokens.server";
import {
  consultationDocuments,
  consultationParagraphs,
  consultationReactions,
  consultationVersions,
  projects,
} from "../schema";

// Demo data (issue 16): a concept-Woonvisie open for reactions (period around the day the demo is loaded),
// with a few confirmed reactions from residents and from the corporaties and huurdersorganisaties that
// seed 000 names as adviseur.
const TEXT = `# Inleiding
Deze concept-Woonvisie beschrijft hoe Heemstede de komende jaren wil wonen. Wij vragen u: is dit haalbaar, en missen wij iets?

De visie bouwt op wat inwoners, corporaties en huurdersorganisaties ons vertelden in de enquête, op de bewonersavond en in gesprekken.

# Passend wonen voor iedereen
Heemstede wil dat iedereen een passende woning kan vinden: starters, gezinnen, ouderen en mensen met een laag of middeninkomen.

Bij nieuwbouw is minstens 30 procent sociale huur. De gemeente maakt hierover afspraken met Elan Wonen en Pré Wonen.

Ouderen die kleiner willen wonen, krijgen voorrang bij gelijkvloerse woningen in hun eigen wijk.

# Zorgen voor elkaar
Wonen en zorg horen bij elkaar. De gemeente zoekt plekken voor hofjes en woongroepen waar mensen naar elkaar omkijken.

# Duurzaam en toekomstbestendig wonen
In 2030 hebben alle huurwoningen minstens energielabel B. Eigenaren krijgen hulp bij isoleren.

# Samenwerking
De gemeente, de corporaties en de huurdersorganisaties maken elk jaar prestatieafspraken en leggen verantwoording af.`;

const reactions: {
  paragraph: string | null;
  kind: "resident" | "organisation";
  organisationName?: string;
  organisationRole?: string;
  text: string;
}[] = [
  {
    paragraph: "2.2",
    kind: "resident",
    text: "Dertig procent sociale huur is goed, maar de wachttijd is nu al tien jaar. Bouw sneller.",
  },
  {
    paragraph: "2.2",
    kind: "resident",
    text: "Denk ook aan middenhuur voor jongeren die hier zijn opgegroeid.",
  },
  {
    paragraph: "2.2",
    kind: "organisation",
    organisationName: "Elan Wonen",
    organisationRole: "adviseur",
    text: "Dertig procent is haalbaar als de gemeente grond beschikbaar stelt tegen een sociale grondprijs.",
  },
  {
    paragraph: "4.1",
    kind: "organisation",
    organisationName: "Bewonersraad Elan Wonen",
    organisationRole: "adviseur",
    text: "Verduurzaming mag niet leiden tot een hogere huur. Spreek af dat de woonlasten gelijk blijven.",
  },
  {
    paragraph: "2.3",
    kind: "resident",
    text: "Mijn moeder woont aan de Binnenweg 12 en wil graag kleiner wonen. Bel 06-12345678.",
  },
  {
    paragraph: null,
    kind: "resident",
    text: "Een heldere visie. Houd het dorpse karakter van Heemstede vast.",
  },
];

export async function seedConsultation(db: Executor, now = new Date()) {
  const [project] = await db.select().from(projects).where(eq(projects.slug, "woonvisie"));
  if (!project) return;
  const [doc] = await db
    .insert(consultationDocuments)
    .values({
      projectId: project.id,
      title: "Concept-Woonvisie Heemstede",
      reactionStartsAt: new Date(now.getTime() - 7 * 86_400_000),
      reactionEndsAt: new Date(now.getTime() + 21 * 86_400_000),
      isDemo: true,
    })
    .returning();
  const [version] = await db
    .insert(consultationVersions)
    .values({
      documentId: doc!.id,
      number: 1,
      status: "published",
      publishedAt: new Date(now.getTime() - 7 * 86_400_000),
    })
    .returning();
  const paragraphs = await db
    .insert(consultationParagraphs)
    .values(parseEditorText(TEXT).map((p, i) => ({ ...p, versionId: version!.id, position: i + 1 })))
    .returning();
  const byLabel = new Map(paragraphs.map((p) => [`${p.chapter}.${p.number}`, p.id]));
  await db.insert(consultationReactions).values(
    reactions.map((r, i) => ({
      versionId: version!.id,
      paragraphId: r.paragraph ? byLabel.get(r.paragraph)! : null,
      kind: r.kind,
      name: r.kind === "resident" ? `Demo-inwoner ${i + 1}` : `Contactpersoon ${r.organisationName}`,
      email: `inspraak-${i + 1}@demo.wijmakenheemstede.nl`,
      organisationName: r.organisationName ?? null,
      organisationRole: r.organisationRole ?? null,
      text: r.text,
      status: "confirmed" as const,
      // Demo reactions have no working link: a random token nobody knows.
      tokenHash: hashToken(createToken()),
      confirmedAt: now,
      isDemo: true,
    })),
  );
}
