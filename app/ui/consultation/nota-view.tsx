import { Heading, Paragraph } from "../content";

// The reactienota as residents and staff read and print it. Plain props: app/ui knows nothing of the domain.

export interface NotaViewPoint {
  id: number;
  summary: string;
  respondents: string[];
  answer: string;
  decisionLabel: string;
  reason: string;
  changedParagraph: string | null;
  changeNote: string;
}

export interface NotaViewProps {
  sections: {
    chapter: number | null;
    chapterTitle: string;
    paragraphs: { label: string | null; text: string | null; points: NotaViewPoint[] }[];
  }[];
  summary: {
    points: number;
    reactions: number;
    byDecision: { adopted: number; partly_adopted: number; not_adopted: number; open: number };
    byRespondent: { resident: number; organisation: number };
  };
}

export function NotaView({ sections, summary }: NotaViewProps) {
  return (
    <div className="wmh-stack wmh-nota">
      <section aria-labelledby="samenvatting" className="wmh-card wmh-card--muted">
        <Heading level={2} id="samenvatting">
          Samenvatting
        </Heading>
        <ul>
          <li>
            {summary.reactions} reacties: {summary.byRespondent.resident} van inwoners en{" "}
            {summary.byRespondent.organisation} van organisaties.
          </li>
          <li>Samengevat in {summary.points === 1 ? "1 punt" : `${summary.points} punten`}.</li>
          <li>Overgenomen: {summary.byDecision.adopted}</li>
          <li>Deels overgenomen: {summary.byDecision.partly_adopted}</li>
          <li>Niet overgenomen: {summary.byDecision.not_adopted}</li>
          {summary.byDecision.open ? <li>Nog geen besluit: {summary.byDecision.open}</li> : null}
        </ul>
        <Paragraph>
          Namen van inwoners staan niet in deze nota. Organisaties staan er wel met hun naam in.
        </Paragraph>
      </section>
      {sections.map((s) => (
        <section
          key={s.chapter ?? "geheel"}
          aria-labelledby={`h-${s.chapter ?? "geheel"}`}
          className="wmh-stack"
        >
          <Heading level={2} id={`h-${s.chapter ?? "geheel"}`}>
            {s.chapter === null ? s.chapterTitle : `Hoofdstuk ${s.chapter}: ${s.chapterTitle}`}
          </Heading>
          {s.paragraphs.map((p) => (
            <div key={p.label ?? "geheel"} className="wmh-stack">
              {p.label ? (
                <>
                  <Heading level={3}>Alinea {p.label}</Heading>
                  <blockquote className="wmh-quote">{p.text}</blockquote>
                </>
              ) : null}
              {p.points.map((pt) => (
                <article key={pt.id} className="wmh-card wmh-nota-point" aria-label={`Punt ${pt.id}`}>
                  <dl className="wmh-facts">
                    <dt>Reactie</dt>
                    <dd>{pt.summary}</dd>
                    <dt>Ingediend door</dt>
                    <dd>{pt.respondents.join(", ") || "Niemand meer (ingetrokken)"}</dd>
                    <dt>Antwoord van de gemeente</dt>
                    <dd>{pt.answer}</dd>
                    <dt>Besluit</dt>
                    <dd>
                      <strong>{pt.decisionLabel}</strong>. {pt.reason}
                    </dd>
                    <dt>Wijziging</dt>
                    <dd>
                      {pt.changedParagraph || pt.changeNote
                        ? [pt.changedParagraph ? `Zie ${pt.changedParagraph}.` : "", pt.changeNote]
                            .filter(Boolean)
                            .join(" ")
                        : "Geen wijziging."}
                    </dd>
                  </dl>
                </article>
              ))}
            </div>
          ))}
        </section>
      ))}
      {sections.length === 0 ? <Paragraph>Er zijn geen punten in deze reactienota.</Paragraph> : null}
    </div>
  );
}
