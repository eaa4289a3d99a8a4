import {
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
} from "~/domain/initiatives/proceskader";
import { Heading, Paragraph } from "../content";

// The initiator's plans, read-only, on the follow page (routes/idee.volgen.$token, ?stuk=…).

export function Plan({ content }: { content: PlanContent }) {
  return (
    <>
      {PLAN_QUESTIONS.map((q) => (
        <section key={q.key} aria-labelledby={`vraag-${q.key}`}>
          <Heading level={2} id={`vraag-${q.key}`}>
            {q.label}
          </Heading>
          <p className="utrecht-paragraph wmh-document-text">{content[q.key] || "Nog niet ingevuld."}</p>
        </section>
      ))}
    </>
  );
}

export function Participation({ content: p }: { content: ParticipationContent }) {
  return (
    <>
      <Heading level={2}>1. Ruimte voor meedoen</Heading>
      <p className="utrecht-paragraph wmh-document-text">{p.ruimte || "Nog niet ingevuld."}</p>
      {p.complexiteit ? (
        <p className="utrecht-paragraph wmh-document-text">Wat het ingewikkeld maakt: {p.complexiteit}</p>
      ) : null}
      <Heading level={2}>2. Doel van meedoen</Heading>
      <ul>
        {(p.doelen ?? []).map((g) => {
          const goal = PARTICIPATION_GOALS.find((x) => x.value === g);
          return (
            <li key={g}>
              <strong>{goal?.label ?? g}</strong>
              {goal ? `: ${goal.explanation}` : ""}
            </li>
          );
        })}
      </ul>
      {p.toelichtingDoel ? <p className="utrecht-paragraph wmh-document-text">{p.toelichtingDoel}</p> : null}
      <Heading level={2}>3. Wie doen er mee, en met welke rol?</Heading>
      {p.deelnemers?.length ? (
        <ul className="wmh-participants">
          {p.deelnemers.map((x, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id
            <li key={n}>
              <strong>{x.who}</strong>: {PARTICIPATION_ROLES.find((r) => r.value === x.role)?.label ?? x.role}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>Nog geen deelnemers.</Paragraph>
      )}
    </>
  );
}
