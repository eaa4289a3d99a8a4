// The structure of the reactienota (issue 16, docs/consultation.md): per chapter and paragraph the points,
// their decisions and the reactions behind them.
import { type ParagraphInput, paragraphLabel } from "./paragraphs";
import { type Decision, decisionLabels } from "./points";
import { publicRespondent, type Respondent } from "./reactions";

export interface NotaParagraph extends ParagraphInput {
  id: number;
}

export interface NotaPoint {
  id: number;
  paragraphId: number | null;
  summary: string;
  answer: string;
  decision: Decision | null;
  reason: string;
  changedParagraph: string | null;
  changeNote: string;
}

export interface NotaReaction extends Respondent {
  pointId: number | null;
}

export interface NotaSection {
  /** null: reactions on the document as a whole. */
  chapter: number | null;
  chapterTitle: string;
  paragraphs: {
    label: string | null;
    text: string | null;
    points: (NotaPoint & { respondents: string[]; decisionLabel: string })[];
  }[];
}

export interface Nota {
  sections: NotaSection[];
  summary: {
    points: number;
    reactions: number;
    byDecision: Record<Decision | "open", number>;
    byRespondent: { resident: number; organisation: number };
  };
}

/**
 * The reactienota of one version: per chapter and paragraph the points with who raised them (residents
 * anonymous, organisations named), the answer, decision and change; the whole-document points first; a
 * summary with counts per decision and per kind of respondent. Reactions not in a point are not in it.
 */
export function buildNota(
  paragraphs: readonly NotaParagraph[],
  points: readonly NotaPoint[],
  reactions: readonly NotaReaction[],
): Nota {
  const byPoint = new Map<number, NotaReaction[]>();
  for (const r of reactions) {
    if (r.pointId === null) continue;
    const list = byPoint.get(r.pointId) ?? [];
    list.push(r);
    byPoint.set(r.pointId, list);
  }
  const view = (p: NotaPoint) => {
    const names = (byPoint.get(p.id) ?? []).map(publicRespondent);
    const residents = names.filter((n) => n === "Een inwoner").length;
    const orgs = [...new Set(names.filter((n) => n !== "Een inwoner"))];
    const respondents = [
      ...orgs,
      ...(residents ? [residents === 1 ? "1 inwoner" : `${residents} inwoners`] : []),
    ];
    return {
      ...p,
      respondents,
      decisionLabel: p.decision ? decisionLabels[p.decision] : "Nog geen besluit",
    };
  };
  const sections: NotaSection[] = [];
  const whole = points.filter((p) => p.paragraphId === null);
  if (whole.length)
    sections.push({
      chapter: null,
      chapterTitle: "Het document als geheel",
      paragraphs: [{ label: null, text: null, points: whole.map(view) }],
    });
  for (const para of paragraphs) {
    const own = points.filter((p) => p.paragraphId === para.id);
    if (!own.length) continue;
    let section = sections.find((s) => s.chapter === para.chapter);
    if (!section) {
      section = { chapter: para.chapter, chapterTitle: para.chapterTitle, paragraphs: [] };
      sections.push(section);
    }
    section.paragraphs.push({ label: paragraphLabel(para), text: para.text, points: own.map(view) });
  }
  const counted = reactions.filter((r) => r.pointId !== null);
  const byDecision = { adopted: 0, partly_adopted: 0, not_adopted: 0, open: 0 };
  for (const p of points) byDecision[p.decision ?? "open"] += 1;
  return {
    sections,
    summary: {
      points: points.length,
      reactions: counted.length,
      byDecision,
      byRespondent: {
        resident: counted.filter((r) => r.kind === "resident").length,
        organisation: counted.filter((r) => r.kind === "organisation").length,
      },
    },
  };
}
