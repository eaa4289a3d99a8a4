// What the initiator's own page (/idee/volgen/:token) says, as pure rules: the "u bent hier" steps,
// what the municipality changed after the quickscan, and the timeline in words.
import { BASISSTAPPEN, deciderLabel } from "./quickscan";
import { STATUS_FLOW, type Status, statusLabel } from "./statuses";
import { themeLabel } from "./themes";

/** The municipality's number; the contact person is reached through it. */
export const MUNICIPALITY_PHONE = { display: "14 023", tel: "14023" } as const;

export interface InitiatorStep {
  label: string;
  /** What this step means for the initiator, in one sentence. */
  text: string;
  state: "done" | "current" | "todo";
}

type FlowStatus = "new" | "in_review" | "planning" | "adopted" | "in_execution" | "realised";
const simpleSteps: Record<FlowStatus, { label: string; text: string }> = {
  new: { label: "Idee ontvangen", text: "Uw contactpersoon bekijkt uw idee en neemt contact met u op." },
  in_review: {
    label: "Samen bekijken",
    text: "U bespreekt uw idee met uw contactpersoon: wat is er nodig?",
  },
  planning: { label: "Plan uitwerken", text: "U werkt samen met de gemeente het plan verder uit." },
  adopted: { label: "Besluit", text: "Er wordt een besluit genomen over het plan." },
  in_execution: { label: "Uitvoeren", text: "Het plan wordt uitgevoerd." },
  realised: { label: "Klaar", text: "Het idee is uitgevoerd." },
};

/** Short names of basisstappen 1–5 for the initiator (the sentence under each is BASISSTAPPEN.plain). */
const BASISSTAP_LABELS = [
  "Planomschrijving maken",
  "Participatieplan maken",
  "Plannen goedgekeurd",
  "Het proces begint",
  "Resultaat naar college of raad",
];

/**
 * The way of an idea as ordered steps, with where it is now. A simple idea follows the status
 * line; a complex opgave goes through basisstappen 1–5 (seed 002) between "Samen bekijken" and
 * "Klaar", and `processStep` (basisstappen done) says which one is current. Every step appears
 * once. Afgewezen and ingetrokken end the way: no steps (the page says so in words).
 */
export function initiatorSteps(idea: {
  status: string;
  complex: boolean;
  processStep: number;
}): InitiatorStep[] {
  const status = idea.status as Status;
  if (!STATUS_FLOW.includes(status)) return [];
  const statusIndex = STATUS_FLOW.indexOf(status);
  if (!idea.complex) {
    return STATUS_FLOW.map((s, i) => ({
      ...simpleSteps[s as FlowStatus],
      state: status === "realised" || i < statusIndex ? "done" : i === statusIndex ? "current" : "todo",
    }));
  }
  const steps = [
    { ...simpleSteps.new, kind: "status" as const, index: 0 },
    { ...simpleSteps.in_review, kind: "status" as const, index: 1 },
    ...BASISSTAPPEN.map((b) => ({
      label: `Basisstap ${b.step}: ${BASISSTAP_LABELS[b.step - 1]}`,
      text: b.plain,
      kind: "basis" as const,
      index: b.step,
    })),
    { ...simpleSteps.realised, kind: "status" as const, index: 5 },
  ];
  // Where are we: before the basisstappen while the idea is new or being looked at; then the first
  // basisstap not yet done; at the end when it is gerealiseerd.
  const current =
    status === "realised"
      ? steps.length
      : statusIndex <= 1 && idea.processStep === 0
        ? statusIndex
        : 2 + Math.min(Math.max(idea.processStep, 0), 5);
  return steps.map(({ label, text }, i) => ({
    label,
    text,
    state: i < current ? "done" : i === current ? "current" : "todo",
  }));
}

export interface Change {
  field: string;
  from: string;
  to: string;
}

const yesNo = (b: boolean) => (b ? "Ja" : "Nee");

/**
 * What the municipality changed after the quickscan, field by field: the quickscan's proposal
 * (stored with the idea) against what holds now.
 */
export function staffChanges(idea: {
  proposedDecider: string;
  decider: string;
  proposedComplex: boolean;
  complex: boolean;
  theme: string;
  answers: Record<string, unknown>;
}): Change[] {
  const changes: Change[] = [];
  if (idea.proposedDecider !== idea.decider)
    changes.push({
      field: "Wie beslist",
      from: deciderLabel(idea.proposedDecider),
      to: deciderLabel(idea.decider),
    });
  if (idea.proposedComplex !== idea.complex)
    changes.push({
      field: "Ingewikkeld idee (complexe opgave)",
      from: yesNo(idea.proposedComplex),
      to: yesNo(idea.complex),
    });
  const askedTheme = typeof idea.answers.theme === "string" ? idea.answers.theme : null;
  if (askedTheme && askedTheme !== idea.theme)
    changes.push({ field: "Onderwerp", from: themeLabel(askedTheme), to: themeLabel(idea.theme) });
  return changes;
}

/** "Wie beslist: Medewerkers van de gemeente → Het college van burgemeester en wethouders" */
export const changeText = (c: Change) => `${c.field}: ${c.from} → ${c.to}`;

export interface TimelineEntry {
  at: string | Date;
  text: string;
}

/**
 * Public events in words, oldest first. A basisstap set again (for example back and forth) is
 * shown once, at the last time it was set.
 */
export function timelineEntries(
  events: { at: string | Date; kind: string; status: string | null; text: string | null }[],
): TimelineEntry[] {
  const lastOfStep = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.kind === "step" && e.text) lastOfStep.set(e.text, i);
  });
  const out: TimelineEntry[] = [];
  events.forEach((e, i) => {
    if (e.kind === "step") {
      if (!e.text || lastOfStep.get(e.text) !== i) return;
      const step = BASISSTAPPEN.find((b) => String(b.step) === e.text);
      if (step)
        out.push({ at: e.at, text: `Basisstap ${step.step} is klaar: ${BASISSTAP_LABELS[step.step - 1]}.` });
      return;
    }
    if (e.kind === "status" && e.status) {
      out.push({ at: e.at, text: `Status: ${statusLabel(e.status)}${e.text ? `. ${e.text}` : "."}` });
      return;
    }
    if (e.text) out.push({ at: e.at, text: e.text });
  });
  return out;
}
