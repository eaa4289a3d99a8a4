import { CheckboxField } from "~/ui/form";
import { formValue as v } from "~/ui/surveys/editor-parts";
import { NumberSetting } from "~/ui/surveys/editor-type-fields";
import { optionalInt, str } from "../editor";
import { type ExportAnswer, main } from "./export-parts";
import { fieldName } from "./fields";
import { row, type StaffPart } from "./staff";

export const open: StaffPart<"open"> = {
  toRows: (q, value) => (value.kind === "text" ? [row(q.key, { valueText: value.text })] : []),
  fromRows: (_q, main) => (main?.valueText != null ? { kind: "text", text: main.valueText } : undefined),
  toFormValues: (q, value) => (value.kind === "text" ? { [fieldName(q.key)]: value.text } : {}),
  editor: {
    fromForm: (values) => ({
      maxLength: optionalInt(str(values, "maxLength")) ?? 1000,
      multiline: str(values, "singleLine") !== "ja",
    }),
    toForm: (q) => ({ maxLength: String(q.maxLength), singleLine: q.multiline ? "" : "ja" }),
    Fields: (p) => (
      <>
        <NumberSetting {...p} name="maxLength" label="Hoeveel tekens hoogstens?" fallback="1000" />
        <CheckboxField
          name="singleLine"
          label="Kort antwoord (één regel)"
          defaultChecked={v(p.values, "singleLine") === "ja"}
        />
      </>
    ),
  },
  exportColumns: (q, tools) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Open antwoord (persoonsgegevens vervangen door [… verwijderd])",
        values: {},
        get: (answers) => {
          const t = main(answers, q.key)?.valueText;
          return t ? tools.redact(t) : null;
        },
      },
      {
        ...base,
        key: `${q.key}_codes`,
        description: "Codes van het open antwoord (gescheiden door ' | ')",
        values: {},
        get: (answers, ctx) => {
          const a = main(answers, q.key) as (ExportAnswer & { id?: number }) | undefined;
          return a?.id ? ctx.codeLabels(a.id) || null : null;
        },
      },
    ];
  },
  lss: {
    label: "open antwoord",
    export(q, x) {
      const type = q.multiline ? (q.maxLength > 1000 ? "U" : "T") : "S";
      const id = x.add(type);
      x.attr(id, "maximum_chars", String(q.maxLength));
      return type;
    },
  },
};
