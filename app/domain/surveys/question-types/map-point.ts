import { HEEMSTEDE_BOUNDS } from "../constants";
import {
  type AnswerValue,
  fieldName,
  first,
  messages,
  parseNumber,
  type QuestionTypeRules,
  row,
} from "./shared";

/**
 * Plek in Heemstede: a place from the list, a point on the map (or two number fields without
 * JavaScript) and/or an address, plus a comment. The list choice wins.
 */
export const mapPoint: QuestionTypeRules<"mapPoint"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const locationValue = first(raw, fieldName(q.key, "locatie"));
    const address = q.allowAddress ? first(raw, fieldName(q.key, "adres")) : "";
    const comment = first(raw, fieldName(q.key, "opmerking")).replace(/\r\n/g, "\n");
    const latText = first(raw, fieldName(q.key, "lat"));
    const lngText = first(raw, fieldName(q.key, "lng"));
    if (comment.length > 1000) return { error: messages.tooLong(1000) };
    if (address.length > 200) return { error: messages.tooLong(200) };
    const value: Extract<AnswerValue, { kind: "point" }> = { kind: "point" };
    if (locationValue) {
      const location = q.locations.find((l) => l.value === locationValue);
      if (!location) return { error: messages.invalidChoice };
      Object.assign(value, { location: location.value, lat: location.lat, lng: location.lng });
    } else if (latText || lngText) {
      const lat = parseNumber(latText);
      const lng = parseNumber(lngText);
      if (lat === null || lng === null) return { error: messages.pointIncomplete };
      const b = HEEMSTEDE_BOUNDS;
      if (lat < b.south || lat > b.north || lng < b.west || lng > b.east)
        return { error: messages.pointOutside };
      Object.assign(value, { lat, lng });
    }
    if (address) value.address = address;
    if (value.lat === undefined && !value.address) {
      if (comment) return { error: messages.pointMissing };
      return empty(messages.pointMissing);
    }
    if (comment) value.comment = comment;
    return { value };
  },
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
