// LimeSurvey's ExpressionScript (relevance equations) parsed into a tree, for the subset that maps: ==, !=,
// <, <=, >, >=, and, or, !, function calls and variables. Bounded in length and depth (docs/import.md).

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
