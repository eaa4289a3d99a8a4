// LimeSurvey's ExpressionScript (relevance equations) → our conditions, for the subset that maps:
// ==, !=, <, <=, >, >=, and, or, !, is_empty(), the .NAOK suffix, subquestions (Q1_SQ001) and
// count(...) of selected options. Anything else gives a reason instead of a condition: the importer
// lists it in the report and never guesses (docs/import.md).

import type { Condition, QuestionType } from "../definition";

export type Expr =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "var"; name: string }
  | { t: "call"; fn: string; args: Expr[] }
  | { t: "not"; e: Expr }
  | { t: "bin"; op: string; l: Expr; r: Expr };

/** Raised for text that is not an expression we can read; the message is Dutch (for the report). */
export class ExpressionError extends Error {}

const MAX_LENGTH = 4000;
const MAX_DEPTH = 40;

type Token =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "id"; v: string }
  | { k: "op"; v: string };

const WORD_OPS: Record<string, string> = {
  and: "and",
  or: "or",
  not: "!",
  eq: "==",
  ne: "!=",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^[0-9]*\.?[0-9]+/.exec(src.slice(i, i + 40))!;
      out.push({ k: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) j++;
        v += src[j];
        j++;
      }
      if (j >= src.length) throw new ExpressionError("een tekst tussen aanhalingstekens is niet afgesloten");
      out.push({ k: "str", v });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.#]*/.exec(src.slice(i, i + 200))!;
      const word = m[0];
      const op = WORD_OPS[word.toLowerCase()];
      out.push(op ? { k: "op", v: op } : { k: "id", v: word });
      i += word.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (["==", "!=", "<=", ">=", "&&", "||"].includes(two)) {
      out.push({ k: "op", v: two === "&&" ? "and" : two === "||" ? "or" : two });
      i += 2;
      continue;
    }
    if ("<>!(),+-*/=".includes(c)) {
      out.push({ k: "op", v: c });
      i++;
      continue;
    }
    throw new ExpressionError(`het teken "${c}" kennen wij niet`);
  }
  return out;
}

/** Parse an expression (with or without the surrounding braces LimeSurvey sometimes shows). */
export function parseExpression(source: string): Expr {
  let src = source.trim();
  if (src.length > MAX_LENGTH) throw new ExpressionError("de voorwaarde is te lang");
  if (src.startsWith("{") && src.endsWith("}")) src = src.slice(1, -1);
  if (/[{}]/.test(src)) throw new ExpressionError("de voorwaarde bevat een ingesloten uitdrukking");
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => {
    const t = tokens[pos];
    return t?.k === "op" && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`"${v}" verwacht`);
    pos++;
  };
  const enter = () => {
    if (++depth > MAX_DEPTH) throw new ExpressionError("de voorwaarde is te diep genest");
  };

  function parseOr(): Expr {
    enter();
    let l = parseAnd();
    while (isOp("or")) {
      pos++;
      l = { t: "bin", op: "or", l, r: parseAnd() };
    }
    depth--;
    return l;
  }
  function parseAnd(): Expr {
    let l = parseCompare();
    while (isOp("and")) {
      pos++;
      l = { t: "bin", op: "and", l, r: parseCompare() };
    }
    return l;
  }
  function parseCompare(): Expr {
    let l = parseAdd();
    while (["==", "!=", "<", "<=", ">", ">=", "="].some(isOp)) {
      const op = (peek() as { v: string }).v;
      pos++;
      l = { t: "bin", op, l, r: parseAdd() };
    }
    return l;
  }
  function parseAdd(): Expr {
    let l = parseUnary();
    while (["+", "-", "*", "/"].some(isOp)) {
      const op = (peek() as { v: string }).v;
      pos++;
      l = { t: "bin", op, l, r: parseUnary() };
    }
    return l;
  }
  function parseUnary(): Expr {
    if (isOp("!")) {
      pos++;
      enter();
      const e = parseUnary();
      depth--;
      return { t: "not", e };
    }
    if (isOp("-")) {
      pos++;
      const e = parseUnary();
      if (e.t === "num") return { t: "num", v: -e.v };
      return { t: "bin", op: "-", l: { t: "num", v: 0 }, r: e };
    }
    return parsePrimary();
  }
  function parsePrimary(): Expr {
    const t = peek();
    if (!t) throw new ExpressionError("de voorwaarde houdt te vroeg op");
    if (t.k === "num" || t.k === "str") {
      pos++;
      return t.k === "num" ? { t: "num", v: t.v } : { t: "str", v: t.v };
    }
    if (t.k === "id") {
      pos++;
      if (isOp("(")) {
        pos++;
        const args: Expr[] = [];
        if (!isOp(")")) {
          args.push(parseOr());
          while (isOp(",")) {
            pos++;
            args.push(parseOr());
          }
        }
        expect(")");
        return { t: "call", fn: t.v.toLowerCase(), args };
      }
      return { t: "var", name: t.v };
    }
    if (t.v === "(") {
      pos++;
      const e = parseOr();
      expect(")");
      return e;
    }
    throw new ExpressionError(`"${t.v}" staat op een onverwachte plek`);
  }

  const expr = parseOr();
  if (pos < tokens.length) throw new ExpressionError("na de voorwaarde staat nog tekst");
  return expr;
}

// ---------------------------------------------------------------- mapping

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
