import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { loader } from "~/routes/meedenken_.$slug";
import { DemoBadge, formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";

// The parts of a project's public page (routes/meedenken_.$slug): the introduction, where the project
// stands now, what we heard, the consultation document, the steps, the news and the contact lines.

type PageData = SerializeFrom<typeof loader>;
type Project = PageData["project"];

const stateLabel = { done: "Afgerond", current: "U bent hier", upcoming: "Nog niet begonnen" } as const;

function PhaseDates({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  if (!startsOn && !endsOn) return <span>Datum volgt</span>;
  if (startsOn && endsOn)
    return (
      <span>
        {formatDate(startsOn)} tot en met {formatDate(endsOn)}
      </span>
    );
  return <span>{startsOn ? `Vanaf ${formatDate(startsOn)}` : `Tot en met ${formatDate(endsOn!)}`}</span>;
}

/** The breadcrumb, the title, the summary and the description. */
export function ProjectIntro({ project }: { project: Project }) {
  return (
    <>
      <p className="wmh-meta">
        <Link to="/meedenken" className="utrecht-link">
          Meedenken
        </Link>{" "}
        / project
      </p>
      <Heading level={1} id="project-title">
        {project.title} {project.isDemo ? <DemoBadge /> : null}
      </Heading>
      {project.summary ? <Paragraph lead>{project.summary}</Paragraph> : null}
      {project.description
        ? project.description.split("\n\n").map((p) => <Paragraph key={p}>{p}</Paragraph>)
        : null}
      {project.status === "completed" ? <Paragraph>Dit project is afgerond.</Paragraph> : null}
    </>
  );
}

/** The current and next step, and what residents can take part in now. */
export function NowSection({ d }: { d: PageData }) {
  return (
    <section className="wmh-card wmh-card--muted" aria-labelledby="nu">
      <Heading level={2} id="nu">
        Waar staan we nu?
      </Heading>
      <Paragraph>
        {d.current ? (
          <>
            Nu: <strong>{d.current.title}</strong>.
          </>
        ) : (
          "Het project is nog niet begonnen."
        )}{" "}
        {d.next ? (
          <>
            Hierna: <strong>{d.next.title}</strong>
            {d.next.startsOn ? <>, vanaf {formatDate(d.next.startsOn)}</> : ", de datum volgt"}.
          </>
        ) : null}
      </Paragraph>
      {d.openSurveys.length > 0 || d.bijeenkomsten.length > 0 ? (
        <>
          <Heading level={3}>Nu kunt u meedoen</Heading>
          <ul>
            {d.openSurveys.map((s) => (
              <li key={s.slug}>
                <Link to={`/enquete/${s.slug}`} className="utrecht-link">
                  Vul de vragenlijst in: {s.title}
                </Link>
                {s.closesAt ? <> (kan tot {formatDateTime(s.closesAt)})</> : null}
              </li>
            ))}
            {d.bijeenkomsten.map((b) => (
              <li key={b.href}>
                <Link to={b.href} className="utrecht-link">
                  Meld u aan voor de bijeenkomst: {b.title}
                </Link>{" "}
                ({formatDateTime(b.startsAt)}, {b.place})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Paragraph>Op dit moment kunt u niet meedoen met een vragenlijst of bijeenkomst.</Paragraph>
      )}
    </section>
  );
}

/** The link to follow the project by e-mail. */
export function FollowProject({ projectId }: { projectId: number }) {
  return (
    <Paragraph>
      <Link to={`/blijf-op-de-hoogte?project=${projectId}`} className="utrecht-link">
        Volg dit project per e-mail
      </Link>{" "}
      (hoogstens één e-mail per dag, afmelden met één klik)
    </Paragraph>
  );
}

/** What we heard: the published results, or that they follow. */
export function HeardSection({
  project,
  resultsPublished,
}: {
  project: Project;
  resultsPublished: PageData["resultsPublished"];
}) {
  return (
    <section aria-labelledby="gehoord">
      <Heading level={2} id="gehoord">
        Wat we hebben gehoord
      </Heading>
      <Paragraph>
        {resultsPublished.length > 0
          ? `De resultaten van ${resultsPublished.map((s) => s.title).join(" en ")} staan online, met wat de gemeente ermee doet.`
          : "Hier leest u later wat inwoners ons vertelden en wat de gemeente daarmee doet. Er zijn nog geen resultaten."}
      </Paragraph>
      <Paragraph>
        <Link to={`/meedenken/${project.slug}/wat-we-hebben-gehoord`} className="utrecht-link">
          Wat we hebben gehoord in {project.title}
        </Link>
      </Paragraph>
    </section>
  );
}

/** The consultation document of the project, its reaction period and its reaction notes. */
export function ConsultationCard({
  project,
  consultation,
}: {
  project: Project;
  consultation: NonNullable<PageData["consultation"]>;
}) {
  return (
    <section className="wmh-card" aria-labelledby="document">
      <Heading level={2} id="document">
        {consultation.title}
      </Heading>
      <Paragraph>
        {consultation.period === "open" && consultation.endsAt ? (
          <>
            U kunt nu per alinea reageren, tot en met <strong>{formatDateTime(consultation.endsAt)}</strong>.
          </>
        ) : consultation.period === "upcoming" && consultation.startsAt ? (
          <>Reageren kan vanaf {formatDateTime(consultation.startsAt)}.</>
        ) : consultation.period === "closed" ? (
          "De reactieperiode is voorbij."
        ) : (
          "Lees het document. De reactieperiode volgt."
        )}
      </Paragraph>
      <ul>
        <li>
          <Link to={`/meedenken/${project.slug}/document`} className="utrecht-link">
            Lees het document{consultation.period === "open" ? " en reageer" : ""}
          </Link>
        </li>
        {consultation.notas.map((n) => (
          <li key={n}>
            <Link to={`/meedenken/${project.slug}/reactienota/${n}`} className="utrecht-link">
              Reactienota bij versie {n}: alle reacties met het antwoord van de gemeente
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One step of the project, with its dates and its surveys, meetings and news. */
function PhaseStep({ phase: p }: { phase: PageData["phases"][number] }) {
  return (
    <li data-state={p.state} aria-current={p.state === "current" ? "step" : undefined}>
      <span className={p.state === "current" ? "wmh-here" : "wmh-step-state"}>{stateLabel[p.state]}</span>
      <Heading level={3}>{p.title}</Heading>
      <p className="wmh-meta">
        <PhaseDates startsOn={p.startsOn} endsOn={p.endsOn} />
        {p.datesAreDemo ? " (voorbeelddatum)" : null}
      </p>
      {p.description ? <Paragraph>{p.description}</Paragraph> : null}
      {p.surveys.length + p.news.length + p.bijeenkomsten.length > 0 ? (
        <ul>
          {p.surveys.map((s) => (
            <li key={s.slug}>
              {s.open ? (
                <Link to={`/enquete/${s.slug}`} className="utrecht-link">
                  Vragenlijst: {s.title}
                </Link>
              ) : s.resultsPublished ? (
                <Link to={`/enquete/${s.slug}/wat-we-hebben-gehoord`} className="utrecht-link">
                  Resultaten van de vragenlijst: {s.title}
                </Link>
              ) : (
                <>Vragenlijst: {s.title} (gesloten)</>
              )}
            </li>
          ))}
          {p.bijeenkomsten.map((b) => (
            <li key={b.href}>
              <Link to={b.href} className="utrecht-link">
                Bijeenkomst: {b.title}
              </Link>
            </li>
          ))}
          {p.news.map((n) => (
            <li key={n.slug}>
              <Link to={`/actueel/${n.slug}`} className="utrecht-link">
                Nieuws: {n.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The steps of the project. */
export function PhasesSection({ d }: { d: PageData }) {
  return (
    <section aria-labelledby="fasen">
      <Heading level={2} id="fasen">
        De stappen van dit project
      </Heading>
      {d.anyDemoDates ? (
        <Paragraph>
          <DemoBadge /> De data bij de stappen zijn voorbeelddata. De echte planning volgt.
        </Paragraph>
      ) : null}
      {d.phases.length === 0 ? (
        <Paragraph>De stappen van dit project volgen nog.</Paragraph>
      ) : (
        <ol className="wmh-stepper">
          {d.phases.map((p) => (
            <PhaseStep key={p.id} phase={p} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The latest news about the project. */
export function ProjectNewsSection({ project, news }: { project: Project; news: PageData["news"] }) {
  return (
    <section aria-labelledby="nieuws">
      <Heading level={2} id="nieuws">
        Nieuws over dit project
      </Heading>
      <ul className="wmh-plain-list">
        {news.slice(0, 5).map((n) => (
          <li key={n.slug}>
            <Link to={`/actueel/${n.slug}`} className="utrecht-link">
              {n.title}
            </Link>
            <p className="wmh-meta">{formatDate(n.publishAt)}</p>
            <Paragraph>{n.summary}</Paragraph>
          </li>
        ))}
      </ul>
      <Paragraph>
        <Link to={`/actueel?project=${project.slug}`} className="utrecht-link">
          Al het nieuws over {project.title}
        </Link>
      </Paragraph>
    </section>
  );
}

/** The project's themes and its contact address. */
export function ProjectFooter({ project }: { project: Project }) {
  return (
    <>
      {project.themes.length > 0 ? (
        <Paragraph>
          <strong>Thema's:</strong> {project.themes.join(", ")}
        </Paragraph>
      ) : null}
      {project.contactEmail ? (
        <Paragraph>
          Vragen over dit project? Mail het projectteam:{" "}
          <a className="utrecht-link" href={`mailto:${project.contactEmail}`}>
            {project.contactEmail}
          </a>
          .
        </Paragraph>
      ) : null}
    </>
  );
}
