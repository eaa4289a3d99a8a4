// The condition of an imported LimeSurvey question: old-style conditions (the conditions table), relevance
// equations, or the condition our own export carried along. Part of the LimeSurvey import (limesurvey.ts);
// pure. Names in expressions resolve to the questions mapped so far.
import type { Condition } from "../definition";
import { mapExpression, mapRelevance, type Resolver, type SymbolInfo } from "./expression";
import type { Expr } from "./expression-parser";
import type { Extras } from "./extras";
import { note, type Work } from "./lss-question-input";
import { type readTables, shorten, str } from "./lss-tables";
import type { LssRow } from "./xml";

/**
 * LimeSurvey's conditions table (before relevance equations, still exported): within a scenario,
 * conditions on the same field are or-ed, different fields and-ed; scenarios are or-ed.
 */
function conditionsAsExpression(rows: LssRow[]): Expr | { unsupported: string } {
  const scenarios = new Map<string, Map<string, LssRow[]>>();
  for (const r of rows) {
    const field = str(r.cfieldname);
    const s = scenarios.get(str(r.scenario) || "1") ?? new Map<string, LssRow[]>();
    s.set(field, [...(s.get(field) ?? []), r]);
    scenarios.set(str(r.scenario) || "1", s);
  }
  const or = (list: Expr[]): Expr => list.reduce((l, r) => ({ t: "bin", op: "or", l, r }));
  const and = (list: Expr[]): Expr => list.reduce((l, r) => ({ t: "bin", op: "and", l, r }));
  const parts: Expr[] = [];
  for (const fields of scenarios.values()) {
    const conj: Expr[] = [];
    for (const [field, list] of fields) {
      const disj: Expr[] = [];
      for (const r of list) {
        const method = str(r.method).trim() || "==";
        if (!["==", "!=", "<", "<=", ">", ">="].includes(method))
          return {
            unsupported: "een oude voorwaarde met een reguliere expressie of een andere vergelijking",
          };
        if (field.startsWith("{") || field.startsWith("@"))
          return { unsupported: "een oude voorwaarde op gegevens van de deelnemer" };
        const value = str(r.value);
        if (value.startsWith("@") || value.startsWith("{"))
          return { unsupported: "een oude voorwaarde die twee antwoorden vergelijkt" };
        if (field.startsWith("+")) {
          // Multiple choice: the field names the question, the value the ticked option.
          disj.push({
            t: "bin",
            op: method,
            l: { t: "var", name: `${field.slice(1)}#opt#${value}` },
            r: { t: "str", v: "Y" },
          });
        } else disj.push({ t: "bin", op: method, l: { t: "var", name: field }, r: { t: "str", v: value } });
      }
      conj.push(or(disj));
    }
    parts.push(and(conj));
  }
  return or(parts);
}

/** Names in expressions (question codes, SGQA codes, "+" options) to the questions mapped so far. */
export function symbolResolver(t: ReturnType<typeof readTables>, symbols: Map<string, SymbolInfo>): Resolver {
  const qidToTitle = new Map(t.questions.map((q) => [q.qid, q]));
  return (name) => {
    const direct = symbols.get(name);
    if (direct) return direct;
    // SGQA with an option ("+" conditions on multiple choice): "123X4X56#opt#SQ001".
    const opt = /^(.*)#opt#(.*)$/.exec(name);
    if (opt) return symbols.get(`${opt[1]}${opt[2]}`) ?? null;
    const sgqa = /^\d+X(\d+)X(\d+)$/.exec(name);
    if (sgqa) {
      const q = qidToTitle.get(sgqa[2]!);
      return q ? (symbols.get(q.title) ?? null) : null;
    }
    return null;
  };
}

/**
 * The condition of one question: old-style conditions first (LimeSurvey also writes them as relevance),
 * then relevance, then the condition our own export carried along. A condition that does not map is left
 * out with a note.
 */
export function questionCondition(
  q: ReturnType<typeof readTables>["questions"][number],
  oldStyle: LssRow[] | undefined,
  extras: Extras | null,
  resolve: Resolver,
  w: Work,
): Condition | null {
  let condition: Condition | null = null;
  if (oldStyle?.length) {
    const expr = conditionsAsExpression(oldStyle);
    if ("unsupported" in expr)
      note(w, `De voorwaarde is weggelaten: ${expr.unsupported}. De vraag wordt altijd getoond.`);
    else {
      const r = mapExpression(expr, resolve);
      if (r.ok) {
        condition = r.condition;
        if (condition) note(w, "De oude LimeSurvey-voorwaarde is overgenomen als voorwaarde.");
      } else note(w, `De voorwaarde is weggelaten: ${r.reason}. De vraag wordt altijd getoond.`);
    }
  } else if (q.relevance.trim() && q.relevance.trim() !== "1") {
    const r = mapRelevance(q.relevance, resolve);
    if (r.ok) condition = r.condition;
    else if (extras?.question?.showIf) condition = extras.question.showIf as Condition;
    else
      note(
        w,
        `De voorwaarde "${shorten(q.relevance.trim(), 120)}" is weggelaten: ${r.reason}. De vraag wordt altijd getoond.`,
      );
  } else if (extras?.question?.showIf) condition = extras.question.showIf as Condition;
  return condition;
}
