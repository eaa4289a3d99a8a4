// Codes for an exported .lss file: LimeSurvey question and answer codes for our keys, relevance equations
// for our conditions, and the extras that ride along so a re-import gives the same definition. Part of the
// export (export.ts).
import {
  AGREE_SCALE,
  type Condition,
  type Option,
  type Question,
  type SurveyDefinition,
} from "../definition";
import type { Extras } from "./extras";

/** Our key → a LimeSurvey question code: letters and digits, starting with a letter, at most 20. */
export function lsQuestionCode(key: string, taken: Set<string>): string {
  let base = key.replace(/[^A-Za-z0-9]/g, "").slice(0, 18) || "Q";
  if (!/^[A-Za-z]/.test(base)) base = `Q${base}`.slice(0, 18);
  let code = base;
  for (let i = 2; taken.has(code.toLowerCase()); i++) code = `${base.slice(0, 16)}${i}`;
  taken.add(code.toLowerCase());
  return code;
}

/** Answer codes: the imported code if it fits LimeSurvey (≤ 5 characters), else A1, A2, … */
function answerCodes(
  options: Option[],
  prefix: string,
  maxLength: number,
): { code: string; option: Option }[] {
  const taken = new Set<string>();
  const wanted = options.map((o) => {
    const c = o.code ?? o.value;
    if (!/^[A-Za-z0-9]+$/.test(c) || c.length > maxLength || taken.has(c.toLowerCase())) return null;
    taken.add(c.toLowerCase());
    return c;
  });
  let n = 1;
  return options.map((option, i) => {
    let code = wanted[i];
    if (!code) {
      while (taken.has(`${prefix}${n}`.toLowerCase())) n++;
      code = `${prefix}${n}`;
      taken.add(code.toLowerCase());
    }
    return { code, option };
  });
}

export interface Coded {
  question: Question;
  code: string;
  options: Map<string, string>;
  rows: Map<string, string>;
}

/** Our condition → an ExpressionScript relevance equation, or null when it does not map. */
export function relevanceOf(c: Condition, coded: Map<string, Coded>): string | null {
  if ("all" in c || "any" in c) {
    const parts = ("all" in c ? c.all : c.any).map((p) => relevanceOf(p, coded));
    if (parts.some((p) => p === null)) return null;
    return `(${parts.join("all" in c ? " and " : " or ")})`;
  }
  if ("not" in c) {
    const inner = relevanceOf(c.not, coded);
    return inner === null ? null : `!(${inner})`;
  }
  const target = coded.get(c.question);
  if (!target) return null;
  const q = target.question;
  const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const name = c.row !== undefined ? `${target.code}_${target.rows.get(c.row) ?? ""}` : target.code;
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [String(c.value)];
  const codeOf = (v: string) => target.options.get(v);
  const numeric = ["number", "agree", "grade", "birthYear"].includes(q.type);
  switch (c.operator) {
    case "answered":
      if (q.type === "multiple")
        return `(count(${[...target.options.values()].map((o) => `${target.code}_${o}.NAOK`).join(", ")}) >= 1)`;
      return `!is_empty(${name}.NAOK)`;
    case "equals":
    case "notEquals": {
      const v = values[0] ?? "";
      const op = c.operator === "equals" ? "==" : "!=";
      if (q.type === "multiple") {
        const code = codeOf(v);
        return code ? `${target.code}_${code}.NAOK ${op} "Y"` : null;
      }
      if (q.type === "single" || c.row !== undefined) {
        const code = codeOf(v);
        return code ? `${name}.NAOK ${op} ${quote(code)}` : null;
      }
      if (numeric && Number.isFinite(Number(v))) return `${name}.NAOK ${op} ${Number(v)}`;
      if (q.type === "open") return `${name}.NAOK ${op} ${quote(v)}`;
      return null;
    }
    case "anyOf": {
      const parts = values.map((v) =>
        relevanceOf({ question: c.question, operator: "equals", value: v }, coded),
      );
      if (!parts.length || parts.some((p) => p === null)) return null;
      return `(${parts.join(" or ")})`;
    }
    case "atLeast":
    case "atMost":
    case "greaterThan":
    case "lessThan": {
      const op = { atLeast: ">=", atMost: "<=", greaterThan: ">", lessThan: "<" }[c.operator];
      return numeric && c.row === undefined ? `${name}.NAOK ${op} ${Number(c.value)}` : null;
    }
    case "countAtLeast":
    case "countAtMost": {
      if (q.type !== "multiple") return null;
      const args = [...target.options.values()].map((o) => `${target.code}_${o}.NAOK`).join(", ");
      return `count(${args}) ${c.operator === "countAtLeast" ? ">=" : "<="} ${Number(c.value)}`;
    }
  }
}

/** The options of a question (choices, ranking items or the matrix scale) and its matrix rows. */
export function listsOf(q: Question): { options: Option[]; rows: Option[] } {
  if (q.type === "single" || q.type === "multiple") return { options: q.options, rows: [] };
  if (q.type === "ranking") return { options: q.items, rows: [] };
  if (q.type === "matrix") return { options: q.scale, rows: q.rows };
  return { options: [], rows: [] };
}

/** Codes first, so conditions can name questions on any earlier page. */
export function codeQuestions(def: SurveyDefinition, taken: Set<string>): Map<string, Coded> {
  const coded = new Map<string, Coded>();
  for (const page of def.pages)
    for (const q of page.questions) {
      const own = q.code && /^[A-Za-z][A-Za-z0-9]{0,19}$/.test(q.code) && !taken.has(q.code.toLowerCase());
      if (own) taken.add(q.code!.toLowerCase());
      const code = own ? q.code! : lsQuestionCode(q.key, taken);
      const lists = listsOf(q);
      const options =
        q.type === "agree"
          ? AGREE_SCALE.map((s) => [String(s.value), String(s.value)] as const)
          : answerCodes(
              lists.options,
              q.type === "multiple" ? "SQ" : "A",
              q.type === "multiple" ? 20 : 5,
            ).map((x) => [x.option.value, x.code] as const);
      coded.set(q.key, {
        question: q,
        code,
        options: new Map(options),
        rows: new Map(answerCodes(lists.rows, "SQ", 20).map((x) => [x.option.value, x.code])),
      });
    }
  return coded;
}

/** What rides along in the extras attribute so our own export imports back unchanged. */
export function extrasOf(q: Question, c: Coded): Extras {
  const lists = listsOf(q);
  const withCode = (list: Option[], value: string) => {
    const code = list.find((o) => o.value === value)?.code;
    return { v: value, ...(code ? { c: code } : {}) };
  };
  return {
    question: q as unknown as Record<string, unknown>,
    options: Object.fromEntries(
      [...c.options].map(([value, code]) => [code, withCode(lists.options, value)]),
    ),
    rows: Object.fromEntries([...c.rows].map(([value, code]) => [code, withCode(lists.rows, value)])),
  };
}
