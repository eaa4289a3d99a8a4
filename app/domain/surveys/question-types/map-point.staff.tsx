import { SelectField, TextArea, TextField } from "~/ui/form";
import { formValue as v } from "~/ui/surveys/editor-parts";
import { choiceLabels } from "../definition";
import { optionLines, parseOptionLines, str } from "../editor";
import { main, roundCoordinate } from "./export-parts";
import { fieldName } from "./fields";
import type { AnswerValue } from "./shared";
import { row, type StaffPart } from "./staff";

export const mapPoint: StaffPart<"mapPoint"> = {
  toRows(q, value) {
    if (value.kind !== "point") return [];
    const rows = [
      row(q.key, {
        valueLat: value.lat ?? null,
        valueLng: value.lng ?? null,
        valueOption: value.location ?? null,
        valueText: value.comment ?? null,
      }),
    ];
    if (value.address) rows.push(row(q.key, { subKey: "adres", valueText: value.address }));
    return rows;
  },
  fromRows(_q, main, rows) {
    const address = rows.find((r) => r.subKey === "adres")?.valueText ?? undefined;
    const value: AnswerValue = { kind: "point" };
    if (main?.valueLat != null && main.valueLng != null)
      Object.assign(value, { lat: main.valueLat, lng: main.valueLng });
    if (main?.valueOption) value.location = main.valueOption;
    if (main?.valueText) value.comment = main.valueText;
    if (address) value.address = address;
    return value;
  },
  toFormValues: (q, value) =>
    value.kind === "point"
      ? {
          ...(value.location ? { [fieldName(q.key, "locatie")]: value.location } : {}),
          ...(value.address ? { [fieldName(q.key, "adres")]: value.address } : {}),
          ...(value.comment ? { [fieldName(q.key, "opmerking")]: value.comment } : {}),
          ...(!value.location && value.lat !== undefined
            ? { [fieldName(q.key, "lat")]: String(value.lat), [fieldName(q.key, "lng")]: String(value.lng) }
            : {}),
        }
      : {},
  editor: {
    fromForm: (values) => ({
      locations: parseOptionLines(str(values, "options")),
      allowAddress: str(values, "allowAddress") !== "nee",
      commentLabel: str(values, "commentLabel") || "Toelichting",
    }),
    toForm: (q) => ({
      options: optionLines(q.locations),
      allowAddress: q.allowAddress ? "" : "nee",
      commentLabel: q.commentLabel,
    }),
    Fields: (p) => (
      <>
        <TextArea
          name="options"
          label="Plekken om uit te kiezen"
          description="Eén per regel: naam; breedtegraad; lengtegraad. Bijvoorbeeld: Omgeving station; 52.3594; 4.6095"
          defaultValue={v(p.values, "options")}
          error={p.errors.options}
          rows={6}
        />
        <SelectField
          name="allowAddress"
          label="Mag iemand ook een adres invullen?"
          required
          options={[
            { value: "", label: "Ja" },
            { value: "nee", label: "Nee" },
          ]}
          defaultValue={v(p.values, "allowAddress")}
        />
        <TextField
          name="commentLabel"
          label="Vraag bij de toelichting"
          defaultValue={v(p.values, "commentLabel", "Toelichting")}
        />
      </>
    ),
  },
  exportColumns: (q, tools) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_plek`,
        description: "Gekozen plek",
        values: choiceLabels(q),
        get: (answers) => main(answers, q.key)?.valueOption ?? null,
      },
      {
        ...base,
        key: `${q.key}_lat`,
        description: "Breedtegraad, afgerond op ongeveer 100 meter",
        values: {},
        get: (answers) => roundCoordinate(main(answers, q.key)?.valueLat ?? null),
      },
      {
        ...base,
        key: `${q.key}_lng`,
        description: "Lengtegraad, afgerond op ongeveer 100 meter",
        values: {},
        get: (answers) => roundCoordinate(main(answers, q.key)?.valueLng ?? null),
      },
      {
        ...base,
        key: `${q.key}_toelichting`,
        description: "Toelichting (persoonsgegevens verwijderd; een adres wordt nooit geëxporteerd)",
        values: {},
        get: (answers) => {
          const t = main(answers, q.key)?.valueText;
          return t ? tools.redact(t) : null;
        },
      },
    ];
  },
  lss: {
    label: "plek in Heemstede",
    export(_q, x) {
      x.notes.push("Een plek op de kaart kent LimeSurvey niet; het wordt een korte tekstvraag.");
      x.add("S");
      return "S";
    },
  },
};
