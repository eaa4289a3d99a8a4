import { type AnswerValue, fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

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
};
