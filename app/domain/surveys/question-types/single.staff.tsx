import { OptionLines, OtherOption } from "~/ui/surveys/editor-type-fields";
import { choiceLabels } from "../definition";
import { optionLines, parseOptionLines, str } from "../editor";
import { DONT_KNOW_EXPORT, type ExportAnswer, main, scalar } from "./export-parts";
import { fieldName, OTHER_VALUE } from "./fields";
import { row, type StaffPart } from "./staff";

export const single: StaffPart<"single"> = {
  toRows: (q, value) =>
    value.kind === "option"
      ? [row(q.key, { valueOption: value.option, valueText: value.other ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueOption
      ? { kind: "option", option: main.valueOption, ...(main.valueText ? { other: main.valueText } : {}) }
      : undefined,
  toFormValues: (q, value) =>
    value.kind === "option"
      ? {
          [fieldName(q.key)]: value.option,
          ...(value.other ? { [fieldName(q.key, OTHER_VALUE)]: value.other } : {}),
        }
      : {},
  editor: {
    fromForm: (values) => ({
      options: parseOptionLines(str(values, "options")),
      other: str(values, "other") === "ja",
    }),
    toForm: (q) => ({ options: optionLines(q.options), other: q.other ? "ja" : "" }),
    Fields: (p) => (
      <>
        <OptionLines {...p} label="Antwoordmogelijkheden" />
        <OtherOption {...p} />
      </>
    ),
  },
  exportColumns: (q, tools) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Gekozen antwoord",
        values: { ...choiceLabels(q), [DONT_KNOW_EXPORT]: "Weet ik niet / geen mening" },
        get: (answers) => scalar(main(answers, q.key)),
      },
      ...(q.other
        ? [
            {
              ...base,
              key: `${q.key}_anders`,
              description: "Tekst bij 'anders, namelijk' (persoonsgegevens verwijderd)",
              values: {},
              get: (answers: ExportAnswer[]) => {
                const t = answers.find((a) => a.questionKey === q.key && a.valueText)?.valueText;
                return t ? tools.redact(t) : null;
              },
            },
          ]
        : []),
    ];
  },
  lss: {
    label: "één antwoord kiezen",
    export(q, x) {
      const id = x.add("L", q.other);
      x.options.forEach(([value, code], i) => void x.answer(id, code, x.label(value), i));
      return "L";
    },
  },
};
