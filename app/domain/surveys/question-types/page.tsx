// The survey page's way to the question types: the page fetches only the resident parts of the types
// on the page it shows, not the whole registry (index.tsx), which keeps its JavaScript within its
// budget however many types there are (docs/surveys.md). The server loads the parts before it
// renders (the page works without JavaScript); in the browser a question whose part has not arrived
// yet keeps the server's HTML until it has (React's Suspense hydration); on a move to another page the
// route's clientLoader loads the next page's parts first, so nothing blinks.
import { type ReactNode, Suspense } from "react";
import type { Page, QuestionType } from "../definition";
import type { QuestionProps, RawValues, ResidentPart } from "./shared";
import { validateWithPart } from "./validate";

// The resident part modules, each fetched on demand (Vite turns this into one dynamic import per
// file). A type's part is the export named after the type, in the module named after it in kebab
// case, or in its family's module; so a new type in its own module needs no line here, and
// tests/render/survey-questions.test.tsx loads every type this way (a missing module fails there).
const modules = import.meta.glob<Record<string, ResidentPart<QuestionType>>>([
  "./*.tsx",
  "!./*.staff.tsx",
  "!./index.tsx",
  "!./page.tsx",
  "!./parts.tsx",
]);
const families: Partial<Record<QuestionType, string>> = {
  agree: "scale",
  grade: "scale",
  birthYear: "number",
};

function moduleOf(type: QuestionType): string {
  return `./${families[type] ?? type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.tsx`;
}

async function fetchPart(type: QuestionType): Promise<ResidentPart<QuestionType>> {
  const load = modules[moduleOf(type)];
  const part = load ? (await load())[type] : undefined;
  if (!part) throw new Error(`no resident part for question type ${type} in ${moduleOf(type)}`);
  return part;
}

// biome-ignore lint/suspicious/noExplicitAny: one part per type, looked up by the question's own type
const loaded: Partial<Record<QuestionType, ResidentPart<any>>> = {};
const loading: Partial<Record<QuestionType, Promise<void>>> = {};

const failed: Partial<Record<QuestionType, unknown>> = {};
const RELOADED = "wmh-question-types-reloaded";

/** Reads, sets or clears the "reloaded once" mark; true where the browser keeps no session storage (no reload then). */
function reloadedOnce(change?: "set" | "clear"): boolean {
  try {
    if (change === "set") window.sessionStorage.setItem(RELOADED, "1");
    if (change === "clear") window.sessionStorage.removeItem(RELOADED);
    return window.sessionStorage.getItem(RELOADED) === "1";
  } catch {
    return true;
  }
}

function load(type: QuestionType): Promise<void> {
  if (loaded[type]) return Promise.resolve();
  loading[type] ??= fetchPart(type).then(
    (part) => {
      loaded[type] = part;
      if (typeof window !== "undefined") reloadedOnce("clear");
    },
    (error: unknown) => {
      // A module that cannot be fetched is most often one a new release replaced: the page loads
      // afresh once, as Remix does for its route modules. If that does not help (no connection), the
      // route's error boundary shows a message instead of a retry loop.
      if (typeof window !== "undefined" && !reloadedOnce()) {
        reloadedOnce("set");
        window.location.reload();
        return new Promise<void>(() => {});
      }
      failed[type] = error;
      throw error;
    },
  );
  return loading[type];
}

/** Load the resident parts of these questions' types (before a server render, before a page move). */
export async function loadResidentParts(questions: readonly { type: QuestionType }[]): Promise<void> {
  await Promise.all([...new Set(questions.map((q) => q.type))].map(load));
}

function LoadedQuestion(props: QuestionProps) {
  const part = loaded[props.q.type];
  if (failed[props.q.type]) throw failed[props.q.type];
  // Suspends until the part has arrived; only in the browser, during hydration (see above).
  if (!part) throw load(props.q.type);
  const Component = part.Component as (p: QuestionProps) => ReactNode;
  return <Component {...props} />;
}

/** One survey question on the survey page, rendered by its type's component once that has loaded. */
export function PageQuestion(props: QuestionProps) {
  return (
    <Suspense fallback={null}>
      <LoadedQuestion {...props} />
    </Suspense>
  );
}

/**
 * The browser's check of a shown page before it is sent: the errors the server would give for the
 * same form values (the loader sends only the visible questions, so there are no conditions here).
 * A question whose part has not loaded yet is left to the server, which checks every answer anyway.
 */
export function pageErrors(page: Pick<Page, "questions">, raw: RawValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const context = { year: new Date().getFullYear() };
  for (const q of page.questions) {
    const part = loaded[q.type];
    const error = part ? validateWithPart(part, q, raw, context).error : undefined;
    if (error) errors[q.key] = error;
  }
  return errors;
}
