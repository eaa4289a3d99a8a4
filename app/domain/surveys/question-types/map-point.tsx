import { type ComponentType, useCallback, useEffect, useState } from "react";
import { PointFields, pointFieldId } from "~/ui/map/point-fields";
import type { TileConfig } from "~/ui/map/types";
import { loadMapPointPicker } from "~/ui/surveys/load-map-point-picker";
import { mapPointLabels } from "~/ui/surveys/map-point-labels";
import type { SurveyPointPickerProps } from "~/ui/surveys/map-point-picker";
import { HEEMSTEDE_BOUNDS } from "../constants";
import type { QuestionOf } from "../definition";
import { DontKnowBox, Group, str } from "./parts";
import {
  type AnswerValue,
  fieldId,
  fieldName,
  first,
  messages,
  parseNumber,
  type RawValues,
  type ResidentPart,
} from "./shared";

/**
 * Plek in Heemstede: a place from the list, a point on the map (or two number fields without
 * JavaScript) and/or an address, plus a comment. The list choice wins.
 */
export const mapPoint: ResidentPart<"mapPoint"> = {
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
  Component: MapPointQuestion,
};

/**
 * A place in Heemstede plus a comment: a list of places and an address field (always), and a point
 * on a map. Without JavaScript the point is two number fields; with JavaScript the point picker with
 * its Leaflet map replaces them once fetched (both lazily, so the survey page stays under 100 KB) and
 * fills in the same fields. The list choice wins on the server, so clicking the map clears it.
 */
function MapPointQuestion({
  q,
  values,
  error,
  tiles,
}: {
  q: QuestionOf<"mapPoint">;
  values: RawValues;
  error?: string;
  tiles?: TileConfig;
}) {
  const id = fieldId(q.key);
  const locationName = fieldName(q.key, "locatie");
  const addressName = fieldName(q.key, "adres");
  const commentName = fieldName(q.key, "opmerking");
  const latName = fieldName(q.key, "lat");
  const lngName = fieldName(q.key, "lng");
  const [picker, setPicker] = useState<{
    Picker: ComponentType<SurveyPointPickerProps>;
    lat: string;
    lng: string;
  } | null>(null);
  useEffect(() => {
    if (!tiles) return;
    let live = true;
    // On failure the number fields simply stay.
    loadMapPointPicker()
      .then((m) => {
        const typed = (name: string) =>
          (document.getElementById(pointFieldId(name)) as HTMLInputElement | null)?.value ?? "";
        if (live) setPicker({ Picker: m.default, lat: typed(latName), lng: typed(lngName) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tiles, latName, lngName]);
  const clearList = useCallback(() => {
    const select = document.getElementById(`${id}-locatie`) as HTMLSelectElement | null;
    if (select) select.value = "";
  }, [id]);
  const legend =
    q.locations.length > 0 || q.allowAddress ? mapPointLabels.mapLegend : mapPointLabels.mapLegendOnly;
  return (
    <Group q={q} error={error} className="wmh-mappoint">
      {q.locations.length > 0 ? (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${id}-locatie`}>
            {mapPointLabels.list}
          </label>
          <select
            id={`${id}-locatie`}
            name={locationName}
            defaultValue={str(values, locationName)}
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="">{mapPointLabels.noListChoice}</option>
            {q.locations.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {q.allowAddress ? (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${id}-adres`}>
            {q.locations.length > 0 ? mapPointLabels.addressAfterList : mapPointLabels.address}
          </label>
          <input
            id={`${id}-adres`}
            name={addressName}
            type="text"
            maxLength={200}
            autoComplete="off"
            defaultValue={str(values, addressName)}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
      ) : null}
      {picker && tiles ? (
        <picker.Picker
          latName={latName}
          lngName={lngName}
          legend={legend}
          description={mapPointLabels.mapDescription}
          defaultLat={picker.lat}
          defaultLng={picker.lng}
          tiles={tiles}
          onPicked={clearList}
        />
      ) : tiles ? (
        <PointFields
          latName={latName}
          lngName={lngName}
          legend={legend}
          description={mapPointLabels.mapDescription}
          defaultLat={str(values, latName).replace(".", ",")}
          defaultLng={str(values, lngName).replace(".", ",")}
        />
      ) : null}
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${id}-opmerking`}>
          {q.commentLabel} <span className="wmh-optional">(niet verplicht)</span>
        </label>
        <textarea
          id={`${id}-opmerking`}
          name={commentName}
          rows={3}
          maxLength={1000}
          defaultValue={str(values, commentName)}
          className="utrecht-textarea utrecht-textarea--html-textarea"
        />
      </div>
      <DontKnowBox q={q} values={values} />
    </Group>
  );
}
