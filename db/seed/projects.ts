import { eq } from "drizzle-orm";
import { addDays } from "../../app/domain/projects/phases";
import { amsterdamDay } from "../../app/lib/amsterdam-time";
import type { Executor } from "../../app/lib/db.server";
import { newsItems, phaseSurveys, projectPhases, projects, surveys } from "../schema";

// Demo data (issue 14): the phases of the Woonvisie participation plan, with example dates around
// the day the demo is loaded (labelled "voorbeelddatum" on the page), and a few news items.
export async function seedProjects(db: Executor, now = new Date()) {
  const [project] = await db.select().from(projects).where(eq(projects.slug, "woonvisie"));
  if (!project) return;
  await db
    .update(projects)
    .set({
      // The page shows the summary and then the description (from db/seed/surveys.ts), which asks
      // what residents find important: the summary does not say it a second time.
      summary: "De gemeente maakt een nieuwe Woonvisie: de plannen voor wonen in Heemstede.",
      themes: ["1", "2", "3", "4", "5"],
      contactEmail: "woonvisie@heemstede.nl",
      status: "active",
    })
    .where(eq(projects.id, project.id));
  const today = amsterdamDay(now);
  const day = (n: number) => addDays(today, n);
  const phases = [
    {
      title: "Bouwstenen en woon-DNA",
      description:
        "Wij zetten de cijfers en feiten over wonen in Heemstede op een rij: het woon-DNA. Zo weet iedereen hoe het wonen er nu voor staat.",
      startsOn: day(-90),
      endsOn: day(-15),
    },
    {
      title: "Participatiesporen: meedenken over wonen",
      description:
        "U kunt op verschillende manieren meedenken: op de bewonersavond, met de enquête, in de werkgroep Samen Besluiten en in gesprekken met stakeholders.",
      startsOn: day(-14),
      endsOn: day(45),
    },
    {
      title: "Concept-Woonvisie",
      description:
        "Wij schrijven de concept-Woonvisie. De woningcorporaties en huurdersorganisaties geven een reactie. Wij kijken of de plannen haalbaar zijn.",
      startsOn: day(46),
      endsOn: day(120),
    },
    {
      title: "Besluit door de gemeenteraad",
      description: "De gemeenteraad bespreekt de Woonvisie en neemt een besluit.",
      startsOn: day(150),
      endsOn: null,
    },
  ];
  const inserted = await db
    .insert(projectPhases)
    .values(phases.map((p, i) => ({ ...p, projectId: project.id, position: i + 1, datesAreDemo: true })))
    .returning({ id: projectPhases.id, position: projectPhases.position });
  const participation = inserted.find((p) => p.position === 2)!;
  const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, "woonvisie"));
  if (survey) await db.insert(phaseSurveys).values({ phaseId: participation.id, surveyId: survey.id });
  const hour = 3_600_000;
  await db.insert(newsItems).values([
    {
      slug: "woon-dna-klaar",
      title: "Het woon-DNA van Heemstede is klaar",
      summary:
        "Hoe staat het wonen in Heemstede ervoor? Het woon-DNA zet de belangrijkste cijfers op een rij.",
      body: "Het woon-DNA laat zien hoeveel woningen er zijn, wie er wonen en hoe lang mensen wachten op een huurwoning.\n\nDe cijfers zijn de basis voor het gesprek over de nieuwe **Woonvisie**.",
      projectId: project.id,
      phaseId: inserted.find((p) => p.position === 1)!.id,
      publishAt: new Date(now.getTime() - 20 * 24 * hour),
      isDemo: true,
    },
    {
      slug: "denk-mee-over-wonen",
      title: "Denk mee over wonen in Heemstede",
      summary: "Vanaf nu kunt u meedenken over de Woonvisie. Vul de enquête in of kom naar de bewonersavond.",
      body: "Wat vindt u belangrijk als het gaat om wonen? Wij horen het graag.\n\n- Vul de enquête in\n- Kom naar de bewonersavond\n\nAlle reacties samen zijn input voor de gemeenteraad.",
      projectId: project.id,
      phaseId: participation.id,
      publishAt: new Date(now.getTime() - 10 * 24 * hour),
      isDemo: true,
    },
  ]);
}
