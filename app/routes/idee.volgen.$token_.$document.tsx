import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findDocumentForInitiator } from "~/domain/initiatives/initiator.server";
import {
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
} from "~/domain/initiatives/proceskader";
import { formatDate, Heading, Paragraph } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";

// The planomschrijving or participatieplan of the initiator's idea, read-only: made together with
// the municipality, written down by the contact person in /beheer.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];

const KINDS = { planomschrijving: "Planomschrijving", participatieplan: "Participatieplan" } as const;
type Kind = keyof typeof KINDS;
const isKind = (v: unknown): v is Kind => typeof v === "string" && v in KINDS;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${KINDS[data.kind]} - ${data.title} - Wij maken Heemstede` : "Wij maken Heemstede" },
  { name: "robots", content: "noindex" },
];

const notFound = () => new Response("Niet gevonden", { status: 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  const kind = params.document;
  if (!isKind(kind)) throw notFound();
  const found = await findDocumentForInitiator(undefined, params.token ?? "", kind);
  if (!found?.document) throw notFound();
  return {
    kind,
    title: found.title,
    version: found.document.version,
    savedAt: found.document.createdAt.toISOString(),
    content: found.document.content,
  };
}

export default function InitiatorDocument() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <p>
        <Link className="utrecht-link" to=".." relative="path">
          Terug naar de pagina van uw idee
        </Link>
      </p>
      <Heading level={1}>
        {KINDS[d.kind]}: {d.title}
      </Heading>
      <Paragraph>
        Dit plan maakt u samen met de gemeente. Uw contactpersoon schrijft het op. Klopt er iets niet? Stuur
        dan een bericht via de pagina van uw idee. Versie {d.version}, bijgewerkt op {formatDate(d.savedAt)}.
      </Paragraph>
      {d.kind === "planomschrijving" ? (
        <Plan content={d.content as PlanContent} />
      ) : (
        <Participation content={d.content as unknown as ParticipationContent} />
      )}
    </div>
  );
}

function Plan({ content }: { content: PlanContent }) {
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

function Participation({ content: p }: { content: ParticipationContent }) {
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
