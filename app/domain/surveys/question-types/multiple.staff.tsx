import { NumberSetting, OptionLines, OtherOption } from "~/ui/surveys/editor-type-fields";
import { optionalInt, optionLines, parseOptionLines, str } from "../editor";
import { DONT_KNOW_EXPORT, type ExportAnswer, main } from "./export-parts";
import { fieldName, OTHER_VALUE } from "./fields";
import { row, type StaffPart } from "./staff";

export const multiple: StaffPart<"multiple"> = {
  toRows: (q, value) =>
    value.kind === "options"
      ? [row(q.key, { valueOptions: value.options, valueText: value.other ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueOptions
      ? { kind: "options", options: main.valueOptions, ...(main.valueText ? { other: main.valueText } : {}) }
      : undefined,
  toFormValues: (q, value) =>
    value.kind === "options"
      ? {
          [fieldName(q.key)]: value.options,
          ...(value.other ? { [fieldName(q.key, OTHER_VALUE)]: value.other } : {}),
        }
      : {},
  editor: {
    fromForm: (values) => ({
      options: parseOptionLines(str(values, "options")),
      other: str(values, "other") === "ja",
      max: optionalInt(str(values, "max")),
    }),
    toForm: (q) => ({
      options: optionLines(q.options),
      other: q.other ? "ja" : "",
      max: q.max ? String(q.max) : "",
    }),
    Fields: (p) => (
      <>
        <OptionLines {...p} label="Antwoordmogelijkheden" />
        <OtherOption {...p} />
        <NumberSetting {...p} name="max" label="Hoeveel antwoorden mag iemand hoogstens kiezen?" />
      </>
    ),
  },
  exportColumns: (q) => {
    const base = { question: q.text };
    return q.options.map((o) => ({
      ...base,
      key: `${q.key}_${o.value}`,
      description: `Gekozen: ${o.label} (1 = ja, 0 = nee)`,
      values: { "1": "Gekozen", "0": "Niet gekozen" },
      get: (answers: ExportAnswer[]) => {
        const a = main(answers, q.key);
        if (!a) return null;
        if (a.dontKnow) return DONT_KNOW_EXPORT;
        return a.valueOptions?.includes(o.value) ? 1 : 0;
      },
    }));
  },
  lss: {
    label: "meer antwoorden kiezen",
    export(q, x) {
      const id = x.add("M", q.other);
      x.options.forEach(([value, code], i) => void x.sub(id, code, x.label(value), i));
      if (q.max) x.attr(id, "max_answers", String(q.max));
      return "M";
    },
  },
};
