import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import type { Executor } from "../../app/lib/db.server";
import { projects, surveys, surveyVersions } from "../schema";

// Demo data: the Woonvisie project and its survey (issue 6). Figures not from seed 004 are
// labelled as example figures inside the definition; staff replace them in the editor.
export async function seedSurveys(db: Executor) {
  const [project] = await db
    .insert(projects)
    .values({
      slug: "woonvisie",
      title: "Woonvisie Heemstede",
      description:
        "De gemeente maakt een nieuwe Woonvisie: de plannen voor wonen in Heemstede. Eerst laten wij zien hoe het wonen ervoor staat (het woon-DNA), daarna vragen wij wat u belangrijk vindt. Alle reacties samen zijn input voor de gemeenteraad.",
      phase: "Samen denken: wij halen input op",
      sortOrder: 1,
      isDemo: true,
    })
    .onConflictDoNothing()
    .returning({ id: projects.id });
  if (!project) return;
  const [survey] = await db
    .insert(surveys)
    .values({
      projectId: project.id,
      slug: "woonvisie",
      title: woonvisieDefinition.title,
      status: "published",
      accessMode: "open",
      isDemo: true,
    })
    .onConflictDoNothing()
    .returning({ id: surveys.id });
  if (!survey) return;
  await db.insert(surveyVersions).values({
    surveyId: survey.id,
    version: 1,
    definition: surveyDefinitionSchema.parse(woonvisieDefinition),
    publishedAt: new Date(),
  });
}
