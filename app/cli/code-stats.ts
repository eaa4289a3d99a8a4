// Prints the figures of the before/after table in docs/architecture.md: the largest source files and the
// functions over 80 lines. Run: npx tsx app/cli/code-stats.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const all = files("app");
const sizes = all.map((f) => ({ f, lines: readFileSync(f, "utf8").split("\n").length }));
sizes.sort((a, b) => b.lines - a.lines);
console.log("Largest files:");
for (const s of sizes.slice(0, 8)) console.log(`  ${s.lines}\t${s.f}`);

const long: { name: string; lines: number }[] = [];
for (const f of all) {
  const source = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name =
        (node as ts.FunctionDeclaration).name?.getText() ??
        (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");
      // Components are counted too: a long JSX tree is a long function.
      if (end - start + 1 > 80) long.push({ name: `${f}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
console.log(`Functions over 80 lines: ${long.length}`);
for (const l of long.slice(0, 10)) console.log(`  ${l.lines}\t${l.name}`);
