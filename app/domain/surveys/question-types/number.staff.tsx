import { CheckboxField, TextField } from "~/ui/form";
import { formValue as v } from "~/ui/surveys/editor-parts";
import { NumberSetting } from "~/ui/surveys/editor-type-fields";
import { optionalInt, str } from "../editor";
import { main, numberColumns } from "./export-parts";
import { fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

const storage: Pick<StaffPart<"number" | "birthYear">, "toRows" | "fromRows" | "toFormValues"> = {
  toRows: (q, value) => (value.kind === "number" ? [row(q.key, { valueNumber: value.number })] : []),
  fromRows: (_q, main) =>
    main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
  toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
};

export const number: StaffPart<"number"> = {
  ...storage,
  editor: {
    fromForm: (values) => ({
      min: optionalInt(str(values, "min")),
      max: optionalInt(str(values, "max")),
      integer: str(values, "decimals") !== "ja",
      unit: str(values, "unit") || undefined,
    }),
    toForm: (q) => ({
      min: q.min === undefined ? "" : String(q.min),
      max: q.max === undefined ? "" : String(q.max),
      decimals: q.integer ? "" : "ja",
      unit: q.unit ?? "",
    }),
    Fields: (p) => (
      <>
        <NumberSetting {...p} name="min" label="Kleinste getal" />
        <NumberSetting {...p} name="max" label="Grootste getal" />
        <TextField
          name="unit"
          label="Eenheid, bijvoorbeeld jaar"
          size="short"
          defaultValue={v(p.values, "unit")}
          error={p.errors.unit}
        />
        <CheckboxField
          name="decimals"
          label="Getallen met een komma toestaan"
          defaultChecked={v(p.values, "decimals") === "ja"}
        />
      </>
    ),
  },
  exportColumns: numberColumns,
  lss: {
    label: "getal",
    export(q, x) {
      const id = x.add("N");
      if (q.min !== undefined) x.attr(id, "min_num_value_n", String(q.min));
      if (q.max !== undefined) x.attr(id, "max_num_value_n", String(q.max));
      if (q.integer) x.attr(id, "num_value_int_only", "1");
      if (q.unit) x.attr(id, "suffix", q.unit);
      return "N";
    },
  },
};

export const birthYear: StaffPart<"birthYear"> = {
  ...storage,
  editor: {
    fromForm: (values) => ({ minAge: optionalInt(str(values, "minAge")) ?? 0 }),
    toForm: (q) => ({ minAge: String(q.minAge) }),
    Fields: (p) => <NumberSetting {...p} name="minAge" label="Minimumleeftijd" fallback="0" />,
  },
  exportColumns: (q, tools) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_leeftijdsgroep`,
        description: "Leeftijdsgroep bij het invullen (het geboortejaar zelf wordt niet geëxporteerd)",
        values: Object.fromEntries(tools.ageBands.map((b) => [b.key, b.label])),
        get: (answers, ctx) => {
          const a = main(answers, q.key);
          return a?.valueNumber ? tools.ageBand(ctx.submittedYear - a.valueNumber) : null;
        },
      },
    ];
  },
  lss: {
    label: "geboortejaar",
    export(_q, x) {
      x.notes.push("Het geboortejaar wordt in LimeSurvey een getalvraag.");
      const id = x.add("N");
      x.attr(id, "min_num_value_n", "1900");
      x.attr(id, "num_value_int_only", "1");
      return "N";
    },
  },
};
