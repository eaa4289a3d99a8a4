// LimeSurvey's ExpressionScript (relevance equations) → our conditions, for the subset that maps:
// ==, !=, <, <=, >, >=, and, or, !, is_empty(), the .NAOK suffix, subquestions (Q1_SQ001) and
// count(...) of selected options. Anything else gives a reason instead of a condition: the importer
// lists it in the report and never guesses (docs/import.md).
import type { Condition, QuestionType } from "../definition";
import { type Expr, ExpressionError, parseExpression } from "./expression-parser";

/** What the expression can refer to: a question, or one subquestion (option or matrix row) of it. */
export interface SymbolInfo {
  /** Our question key. */
  question: string;
  type: QuestionType;
  /** LimeSurvey answer code → our option value (single, matrix scale). */
  codes: Map<string, string>;
  /** Set when the name points at a subquestion: its LimeSurvey code and our value. */
  sub?: { code: string; value: string; kind: "option" | "row" };
  /** Our option values of a multiple-choice question (for count()). */
  allOptions?: string[];
}

export type Resolver = (name: string) => SymbolInfo | null;

export type MapResult = { ok: true; condition: Condition | null } | { ok: false; reason: string };

/** Suffixes that mean "the answer code" in ExpressionScript. */
const VALUE_SUFFIXES = ["NAOK", "code"];

/** Strip `that.`, `self.` and `.NAOK`/`.code`; null for other suffixes (.shown, .relevanceStatus, …). */
export function variableName(raw: string): string | null {
  let name = raw;
  if (name.startsWith("that.")) name = name.slice(5);
  const parts = name.split(".");
  if (parts.length === 1) return name;
  if (parts.length === 2 && VALUE_SUFFIXES.includes(parts[1]!)) return parts[0]!;
  return null;
}

class Unmappable extends Error {}

const flip: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };

/** Map a relevance equation to a condition; `null` condition means "always shown" (e.g. "1"). */
export function mapRelevance(source: string, resolve: Resolver): MapResult {
  const trimmed = source.trim();
  if (trimmed === "" || trimmed === "1" || trimmed.toLowerCase() === "true")
    return { ok: true, condition: null };
  try {
    const expr = parseExpression(trimmed);
    return { ok: true, condition: mapExpr(expr, resolve) };
  } catch (e) {
    if (e instanceof ExpressionError || e instanceof Unmappable) return { ok: false, reason: e.message };
    throw e;
  }
}

function symbolOf(e: Expr, resolve: Resolver): SymbolInfo {
  if (e.t !== "var") throw new Unmappable("er wordt gerekend met antwoorden");
  const name = variableName(e.name);
  if (!name) throw new Unmappable(`"${e.name}" vraagt iets anders dan het antwoord`);
  const sym = resolve(name);
  if (!sym) throw new Unmappable(`"${name}" is geen vraag die is overgenomen`);
  return sym;
}

function answered(sym: SymbolInfo): Condition {
  if (sym.sub?.kind === "option") return { question: sym.question, operator: "equals", value: sym.sub.value };
  if (sym.sub?.kind === "row") return { question: sym.question, row: sym.sub.value, operator: "answered" };
  return { question: sym.question, operator: "answered" };
}

function negate(c: Condition): Condition {
  if ("not" in c) return c.not;
  if ("question" in c && c.operator === "equals" && !c.row) return { ...c, operator: "notEquals" };
  if ("question" in c && c.operator === "notEquals" && !c.row) return { ...c, operator: "equals" };
  return { not: c };
}

function mapExpr(e: Expr, resolve: Resolver): Condition {
  switch (e.t) {
    case "bin": {
      if (e.op === "and" || e.op === "or") {
        const parts = [mapExpr(e.l, resolve), mapExpr(e.r, resolve)].flatMap((c) =>
          e.op === "and" && "all" in c ? c.all : e.op === "or" && "any" in c ? c.any : [c],
        );
        if (e.op === "and") return { all: parts };
        // "Q == a or Q == b" on one question is our anyOf (what our own export writes for it).
        const first = parts[0];
        if (
          first &&
          "question" in first &&
          parts.every(
            (p) =>
              "question" in p &&
              p.operator === "equals" &&
              p.row === undefined &&
              p.question === first.question &&
              typeof p.value === "string",
          )
        )
          return {
            question: first.question,
            operator: "anyOf",
            value: parts.map((p) => String((p as { value: string }).value)),
          };
        return { any: parts };
      }
      if (e.op in flip) return mapCompare(e.op, e.l, e.r, resolve);
      if (e.op === "=") throw new Unmappable("de voorwaarde geeft een vraag een waarde (=)");
      throw new Unmappable("er wordt gerekend met antwoorden");
    }
    case "not":
      return negate(mapExpr(e.e, resolve));
    case "var":
      return answered(symbolOf(e, resolve));
    case "call": {
      if (e.fn === "is_empty" && e.args.length === 1) return negate(answered(symbolOf(e.args[0]!, resolve)));
      throw new Unmappable(`de functie ${e.fn}() kennen wij niet`);
    }
    case "num":
    case "str":
      throw new Unmappable("de voorwaarde is een vaste waarde");
  }
}

function literalOf(e: Expr): string | number | null {
  if (e.t === "num") return e.v;
  if (e.t === "str") return e.v;
  return null;
}

function mapCompare(op: string, l: Expr, r: Expr, resolve: Resolver): Condition {
  let left = l;
  let right = r;
  let operator = op;
  if (literalOf(left) !== null && literalOf(right) === null) {
    left = r;
    right = l;
    operator = flip[op]!;
  }
  const lit = literalOf(right);
  if (lit === null) throw new Unmappable("twee antwoorden worden met elkaar vergeleken");
  if (left.t === "call" && left.fn === "count") return mapCount(operator, left.args, lit, resolve);
  const sym = symbolOf(left, resolve);
  const text = String(lit);

  if (text === "" && (operator === "==" || operator === "!=")) {
    const has = answered(sym);
    return operator === "!=" ? has : negate(has);
  }
  if (sym.sub?.kind === "option") {
    // A multiple-choice subquestion holds "Y" when ticked.
    if (operator !== "==" && operator !== "!=")
      throw new Unmappable("een aankruisvakje wordt met een getal vergeleken");
    const ticked = text.toUpperCase() === "Y";
    const c: Condition = { question: sym.question, operator: "equals", value: sym.sub.value };
    return ticked === (operator === "==") ? c : negate(c);
  }
  if (sym.sub?.kind === "row" || sym.type === "single") {
    const value = sym.codes.get(text);
    const base =
      sym.sub?.kind === "row" ? { question: sym.question, row: sym.sub.value } : { question: sym.question };
    if (operator === "==" || operator === "!=") {
      if (value === undefined) throw new Unmappable(`antwoordcode "${text}" bestaat niet bij deze vraag`);
      const c: Condition = { ...base, operator: "equals", value };
      return operator === "==" ? c : sym.sub ? { not: c } : negate(c);
    }
    // Ordered comparison of numeric answer codes (e.g. a 5-point scale): the codes that satisfy it.
    const limit = Number(lit);
    if (!Number.isFinite(limit)) throw new Unmappable("een antwoord wordt met een tekst vergeleken");
    const matching = [...sym.codes.entries()]
      .filter(([code]) => code.trim() !== "" && Number.isFinite(Number(code)))
      .filter(([code]) => compare(Number(code), operator, limit))
      .map(([, v]) => v);
    if ([...sym.codes.keys()].some((code) => !Number.isFinite(Number(code))))
      throw new Unmappable("antwoordcodes die geen getal zijn worden op grootte vergeleken");
    if (matching.length === 0) return { not: { ...base, operator: "answered" } as Condition };
    return sym.sub
      ? { any: matching.map((value) => ({ ...base, operator: "equals" as const, value })) }
      : { question: sym.question, operator: "anyOf", value: matching };
  }
  if (sym.type === "number" || sym.type === "agree" || sym.type === "grade" || sym.type === "birthYear") {
    const n = Number(lit);
    if (!Number.isFinite(n)) throw new Unmappable("een getal wordt met een tekst vergeleken");
    const q = sym.question;
    switch (operator) {
      case "==":
        return { question: q, operator: "equals", value: String(n) };
      case "!=":
        return { question: q, operator: "notEquals", value: String(n) };
      case ">=":
        return { question: q, operator: "atLeast", value: n };
      case "<=":
        return { question: q, operator: "atMost", value: n };
      case ">":
        return { question: q, operator: "greaterThan", value: n };
      case "<":
        return { question: q, operator: "lessThan", value: n };
    }
  }
  if (sym.type === "open" && (operator === "==" || operator === "!=")) {
    const c: Condition = { question: sym.question, operator: "equals", value: text };
    return operator === "==" ? c : negate(c);
  }
  throw new Unmappable("deze vergelijking past niet bij het soort vraag");
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "==":
      return a === b;
    default:
      return a !== b;
  }
}

/** count(Q1_SQ001, Q1_SQ002, …) or count(that.Q1.NAOK) over all options of one multiple-choice question. */
function mapCount(op: string, args: Expr[], lit: string | number, resolve: Resolver): Condition {
  const n = Number(lit);
  if (!Number.isInteger(n)) throw new Unmappable("count() wordt met iets anders dan een getal vergeleken");
  const syms = args.map((a) => symbolOf(a, resolve));
  const first = syms[0];
  if (first?.type !== "multiple" || syms.some((s) => s.question !== first.question))
    throw new Unmappable("count() telt iets anders dan de antwoorden van één meerkeuzevraag");
  const counted = syms.length === 1 && !first.sub ? (first.allOptions ?? []) : syms.map((s) => s.sub?.value);
  const all = first.allOptions ?? [];
  if (counted.length !== all.length || all.some((o) => !counted.includes(o)))
    throw new Unmappable("count() telt maar een deel van de antwoorden");
  const q = first.question;
  switch (op) {
    case ">=":
      return { question: q, operator: "countAtLeast", value: n };
    case ">":
      return { question: q, operator: "countAtLeast", value: n + 1 };
    case "<=":
      return { question: q, operator: "countAtMost", value: n };
    case "<":
      return { question: q, operator: "countAtMost", value: n - 1 };
    case "==":
      return {
        all: [
          { question: q, operator: "countAtLeast", value: n },
          { question: q, operator: "countAtMost", value: n },
        ],
      };
    default:
      return {
        any: [
          { question: q, operator: "countAtLeast", value: n + 1 },
          { question: q, operator: "countAtMost", value: n - 1 },
        ],
      };
  }
}

/** Map an already built expression (old-style conditions are turned into one first). */
export function mapExpression(expr: Expr, resolve: Resolver): MapResult {
  try {
    return { ok: true, condition: mapExpr(expr, resolve) };
  } catch (e) {
    if (e instanceof ExpressionError || e instanceof Unmappable) return { ok: false, reason: e.message };
    throw e;
  }
}
