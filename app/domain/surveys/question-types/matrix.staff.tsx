import { TextArea } from "~/ui/form";
import { formValue as v } from "~/ui/surveys/editor-parts";
import { OptionLines } from "~/ui/surveys/editor-type-fields";
import { choiceLabels } from "../definition";
import { optionLines, parseOptionLines, str } from "../editor";
import { type ExportAnswer, main, scalar } from "./export-parts";
import { DONT_KNOW_VALUE, fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

export const matrix: StaffPart<"matrix"> = {
  toRows: (q, value) =>
    value.kind === "matrix"
      ? Object.entries(value.rows).map(([sub, v]) =>
          row(q.key, { subKey: sub, valueOption: v, dontKnow: v === null }),
        )
      : [],
  fromRows: (_q, _main, rows) => ({
    kind: "matrix",
    rows: Object.fromEntries(
      rows.filter((r) => r.subKey !== "").map((r) => [r.subKey, r.dontKnow ? null : r.valueOption]),
    ),
  }),
  toFormValues: (q, value) =>
    value.kind === "matrix"
      ? Object.fromEntries(
          Object.entries(value.rows).map(([sub, v]) => [
            fieldName(q.key, sub),
            v === null ? DONT_KNOW_VALUE : v,
          ]),
        )
      : {},
  editor: {
    fromForm: (values) => ({
      rows: parseOptionLines(str(values, "options")),
      scale: parseOptionLines(str(values, "scale")),
    }),
    toForm: (q) => ({ options: optionLines(q.rows), scale: optionLines(q.scale) }),
    Fields: (p) => (
      <>
        <OptionLines {...p} label="Rijen" />
        <TextArea
          name="scale"
          label="Schaal (kolommen)"
          description="Eén per regel."
          required
          defaultValue={v(p.values, "scale")}
          error={p.errors.scale}
          rows={4}
        />
      </>
    ),
  },
  exportColumns: (q) => {
    const base = { question: q.text };
    return q.rows.map((row) => ({
      ...base,
      key: `${q.key}_${row.value}`,
      description: `Rij: ${row.label}`,
      values: choiceLabels(q),
      get: (answers: ExportAnswer[]) => scalar(main(answers, q.key, row.value)),
    }));
  },
  lss: {
    label: "matrix",
    export(q, x) {
      const id = x.add("F");
      [...x.coded.rows.entries()].forEach(
        ([value, code], i) => void x.sub(id, code, q.rows.find((r) => r.value === value)!.label, i),
      );
      x.options.forEach(([value, code], i) => void x.answer(id, code, x.label(value), i));
      return "F";
    },
  },
};
