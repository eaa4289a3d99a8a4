import { none } from "~/ui/surveys/editor-type-fields";
import { main } from "./export-parts";
import { fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

export const postcode: StaffPart<"postcode"> = {
  toRows: (q, value) =>
    value.kind === "postcode"
      ? [row(q.key, { valueText: value.postcode, valueOption: value.wijk ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueText
      ? {
          kind: "postcode",
          postcode: main.valueText,
          ...(main.valueOption ? { wijk: main.valueOption } : {}),
        }
      : undefined,
  toFormValues: (q, value) => (value.kind === "postcode" ? { [fieldName(q.key)]: value.postcode } : {}),
  editor: {
    fromForm: () => ({}),
    toForm: () => ({}),
    Fields: none,
  },
  exportColumns: (q, tools) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_wijk`,
        description: "Wijk van de postcode (de postcode zelf wordt niet geëxporteerd)",
        values: tools.wijkLabels,
        get: (answers) => main(answers, q.key)?.valueOption ?? null,
      },
    ];
  },
  lss: {
    label: "postcode",
    export(_q, x) {
      x.notes.push(
        "De postcodevraag wordt in LimeSurvey een korte tekstvraag; de wijk wordt daar niet bepaald.",
      );
      x.add("S");
      return "S";
    },
  },
};
