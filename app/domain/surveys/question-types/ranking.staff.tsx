import { NumberSetting, OptionLines } from "~/ui/surveys/editor-type-fields";
import { optionalInt, optionLines, parseOptionLines, str } from "../editor";
import { type ExportAnswer, main, scalar } from "./export-parts";
import { fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

export const ranking: StaffPart<"ranking"> = {
  toRows: (q, value) =>
    value.kind === "ranking"
      ? value.order.map((item, i) => row(q.key, { subKey: item, valueNumber: i + 1 }))
      : [],
  fromRows(_q, _main, rows) {
    const ranked = rows.filter((r) => r.subKey !== "" && r.valueNumber != null);
    ranked.sort((a, b) => a.valueNumber! - b.valueNumber!);
    return { kind: "ranking", order: ranked.map((r) => r.subKey) };
  },
  toFormValues: (q, value) =>
    value.kind === "ranking"
      ? Object.fromEntries(value.order.map((item, i) => [fieldName(q.key, item), String(i + 1)]))
      : {},
  editor: {
    fromForm: (values) => ({
      items: parseOptionLines(str(values, "options")),
      top: optionalInt(str(values, "top")),
    }),
    toForm: (q) => ({ options: optionLines(q.items), top: q.top ? String(q.top) : "" }),
    Fields: (p) => (
      <>
        <OptionLines {...p} label="Onderwerpen om te rangschikken" />
        <NumberSetting {...p} name="top" label="Hoeveel onderwerpen rangschikken? (leeg is alle)" />
      </>
    ),
  },
  exportColumns: (q) => {
    const base = { question: q.text };
    return q.items.map((item) => ({
      ...base,
      key: `${q.key}_${item.value}`,
      description: `Plaats van: ${item.label} (1 = belangrijkst)`,
      values: {},
      get: (answers: ExportAnswer[]) => scalar(main(answers, q.key, item.value)),
    }));
  },
  lss: {
    label: "rangorde",
    export(q, x) {
      const id = x.add("R");
      x.options.forEach(([value, code], i) => void x.answer(id, code, x.label(value), i));
      if (q.top) x.attr(id, "max_answers", String(q.top));
      return "R";
    },
  },
};
