import type { FormValues } from "../../lib/forms";
import { type Block, blockSchema, type SurveyDefinition } from "./definition";
import { type EditResult, finish, str, zodErrors } from "./editor";

// The editor's woon-DNA blocks: text and key figures on an info page, as pure edits on a definition.

/** Figure lines as staff type them: "Label | 355 | woningen". */
export function parseFigureLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [label = "", value = "", unit] = line.split("|").map((s) => s.trim());
      return { label, value: Number(value.replace(/\./g, "").replace(",", ".")), ...(unit ? { unit } : {}) };
    });
}

export function blockToForm(block: Block): FormValues {
  if (block.kind === "text") return { kind: "text", title: block.title ?? "", text: block.text };
  return {
    kind: "figures",
    title: block.title,
    text: block.text ?? "",
    figures: block.figures.map((f) => `${f.label} | ${f.value}${f.unit ? ` | ${f.unit}` : ""}`).join("\n"),
    source: block.source ?? "",
    isExample: block.isExample ? "ja" : "",
    chart: block.chart,
  };
}

export function upsertBlock(
  def: SurveyDefinition,
  pageKey: string,
  index: number | null,
  values: FormValues,
): EditResult {
  const kind = str(values, "kind") === "text" ? "text" : "figures";
  const input =
    kind === "text"
      ? { kind, title: str(values, "title") || undefined, text: str(values, "text") }
      : {
          kind,
          title: str(values, "title"),
          text: str(values, "text") || undefined,
          figures: parseFigureLines(str(values, "figures")),
          source: str(values, "source") || undefined,
          isExample: str(values, "isExample") === "ja",
          chart: str(values, "chart") === "none" ? "none" : "bar",
        };
  const parsed = blockSchema.safeParse(input);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error);
    if (kind === "figures" && Object.keys(errors).some((k) => k === "figures"))
      errors.figures =
        "Zet op elke regel: omschrijving | getal | eenheid, bijvoorbeeld: Nieuwe woningen | 355 | woningen.";
    return { ok: false, errors };
  }
  const pages = def.pages.map((p) => {
    if (p.key !== pageKey) return p;
    const blocks = [...p.blocks];
    if (index === null) blocks.push(parsed.data);
    else blocks[index] = parsed.data;
    return { ...p, blocks };
  });
  return finish({ ...def, pages });
}

export function deleteBlock(def: SurveyDefinition, pageKey: string, index: number): EditResult {
  return finish({
    ...def,
    pages: def.pages.map((p) =>
      p.key === pageKey ? { ...p, blocks: p.blocks.filter((_, i) => i !== index) } : p,
    ),
  });
}
