import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicProjects } from "~/domain/projects/projects.server";
import { participationOverview } from "~/domain/surveys/flow.server";
import { ButtonLink, formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";
import surveysCss from "~/ui/surveys.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
export const meta: MetaFunction = () => [{ title: "Meedenken - Wij maken Heemstede" }];

export async function loader() {
  const [{ projects, surveysWithoutProject }, withPhases] = await Promise.all([
    participationOverview(),
    publicProjects(),
  ]);
  const phaseOf = (slug: string) => withPhases.find((w) => w.project.slug === slug);
  const survey = (s: { slug: string; title: string; closesAt: Date | null }) => ({
    slug: s.slug,
    title: s.title,
    closesAt: s.closesAt?.toISOString() ?? null,
  });
  return {
    projects: projects
      .filter((p) => phaseOf(p.slug))
      .map((p) => ({
        slug: p.slug,
        title: p.title,
        description: p.description,
        phase: phaseOf(p.slug)?.current?.title ?? p.phase,
        next: phaseOf(p.slug)?.next
          ? { title: phaseOf(p.slug)!.next!.title, startsOn: phaseOf(p.slug)!.next!.startsOn }
          : null,
        completed: phaseOf(p.slug)?.project.status === "completed",
        surveys: p.surveys.map(survey),
        bijeenkomsten: (phaseOf(p.slug)?.bijeenkomsten ?? []).map((b) => ({
          href: b.href,
          title: b.title,
          startsAt: b.startsAt.toISOString(),
          place: b.place,
        })),
      })),
    surveys: surveysWithoutProject.map(survey),
  };
}

function SurveyLinks({ surveys }: { surveys: { slug: string; title: string; closesAt: string | null }[] }) {
  return (
    <ul className="wmh-survey-list">
      {surveys.map((s) => (
        <li key={s.slug}>
          <Link to={`/enquete/${s.slug}`} className="utrecht-link">
            Vul de vragenlijst in: {s.title}
          </Link>
          {s.closesAt ? <span> (kan tot {formatDate(s.closesAt)})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default function Participate() {
  const { projects, surveys } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Ik wil meedenken</Heading>
      <Paragraph lead>
        De gemeente wil graag weten wat u vindt. Hier ziet u de projecten waarover u nu kunt meedenken.
      </Paragraph>
      <Heading level={2}>Lopende projecten</Heading>
      {projects.length === 0 ? <Paragraph>Er zijn op dit moment geen projecten.</Paragraph> : null}
      {projects.map((p) => (
        <section key={p.slug} className="wmh-card" aria-labelledby={`project-${p.slug}`}>
          <Heading level={3} id={`project-${p.slug}`}>
            <Link to={`/meedenken/${p.slug}`} className="utrecht-link">
              {p.title}
            </Link>
          </Heading>
          {p.completed ? <p className="utrecht-paragraph">Dit project is afgerond.</p> : null}
          {p.phase ? (
            <p className="utrecht-paragraph">
              <strong>Fase nu:</strong> {p.phase}
            </p>
          ) : null}
          {p.next ? (
            <p className="utrecht-paragraph">
              <strong>Hierna:</strong> {p.next.title}
              {p.next.startsOn ? ` (vanaf ${formatDate(p.next.startsOn)})` : null}
            </p>
          ) : null}
          <Paragraph>{p.description}</Paragraph>
          {p.surveys.length > 0 ? (
            <SurveyLinks surveys={p.surveys} />
          ) : (
            <Paragraph>Er is nu geen vragenlijst bij dit project.</Paragraph>
          )}
          {p.bijeenkomsten.length > 0 ? (
            <ul className="wmh-survey-list">
              {p.bijeenkomsten.map((b) => (
                <li key={b.href}>
                  <Link to={b.href} className="utrecht-link">
                    Meld u aan voor de bijeenkomst: {b.title}
                  </Link>{" "}
                  <span>
                    ({formatDateTime(b.startsAt)}, {b.place})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {surveys.length > 0 ? (
        <>
          <Heading level={2}>Andere vragenlijsten</Heading>
          <SurveyLinks surveys={surveys} />
        </>
      ) : null}
      <section className="wmh-card wmh-card--muted">
        <Heading level={2}>Het digipanel</Heading>
        <Paragraph>
          In het digipanel denken inwoners een paar keer per jaar mee met een korte vragenlijst per e-mail.
          Iedereen die in Heemstede woont, kan meedoen.
        </Paragraph>
        <ButtonLink to="/digipanel">Aanmelden voor het digipanel</ButtonLink>
      </section>
    </div>
  );
}
