import { none } from "~/ui/surveys/editor-type-fields";
import { AGREE_SCALE } from "../definition";
import { DONT_KNOW_EXPORT, main, numberColumns, scalar } from "./export-parts";
import { fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

// Agree and grade store the same way: a number, also as option text so one (question_key,
// value_option) index counts them.
const storage: Pick<StaffPart<"agree" | "grade">, "toRows" | "fromRows" | "toFormValues"> = {
  toRows: (q, value) =>
    value.kind === "number"
      ? [row(q.key, { valueNumber: value.number, valueOption: String(value.number) })]
      : [],
  fromRows: (_q, main) =>
    main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
  toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
};

export const agree: StaffPart<"agree"> = {
  ...storage,
  editor: {
    fromForm: () => ({}),
    toForm: () => ({}),
    Fields: none,
  },
  exportColumns: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Eens/oneens, 1 tot en met 5",
        values: {
          ...Object.fromEntries(AGREE_SCALE.map((s) => [String(s.value), s.label])),
          [DONT_KNOW_EXPORT]: "Weet ik niet / geen mening",
        },
        get: (answers) => scalar(main(answers, q.key)),
      },
    ];
  },
  lss: {
    label: "eens/oneens",
    export(_q, x) {
      x.notes.push("Eens/oneens wordt in LimeSurvey een lijst met 5 antwoorden (codes 1 tot en met 5).");
      const id = x.add("L");
      AGREE_SCALE.forEach((s, i) => void x.answer(id, String(s.value), s.label, i));
      return "L";
    },
  },
};

export const grade: StaffPart<"grade"> = {
  ...storage,
  editor: {
    fromForm: () => ({}),
    toForm: () => ({}),
    Fields: none,
  },
  exportColumns: numberColumns,
  lss: {
    label: "rapportcijfer",
    export(_q, x) {
      x.notes.push("Het rapportcijfer wordt in LimeSurvey een getalvraag van 1 tot en met 10.");
      const id = x.add("N");
      x.attr(id, "min_num_value_n", "1");
      x.attr(id, "max_num_value_n", "10");
      x.attr(id, "num_value_int_only", "1");
      return "N";
    },
  },
};
