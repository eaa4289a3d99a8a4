import { type ReactNode, useCallback, useState } from "react";
import { TextField } from "../form";
import type { TileConfig } from "./types";
import { useClientComponent } from "./use-client-component";

// Choose one point: two plain number fields that work without JavaScript, and, once asked for,
// a Leaflet map (loaded lazily) that writes into the same fields. Knows nothing of the domain:
// names, bounds and texts come from the caller; the server checks the values again.

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface PointPickerProps {
  latName: string;
  lngName: string;
  legend: ReactNode;
  description?: ReactNode;
  defaultLat?: string;
  defaultLng?: string;
  latError?: string;
  lngError?: string;
  tiles: TileConfig;
  center: [number, number];
  zoom: number;
  /** Points outside are refused on the map; the map cannot be panned far beyond. */
  bounds: Bounds;
  /** Load and show the map (for example when the resident chose "a point on the map"). */
  showMap: boolean;
}

export const pointPickerLabels = {
  lat: "Breedtegraad",
  lng: "Lengtegraad",
  latDescription: "Een getal tussen 50 en 54, bijvoorbeeld 52,3505.",
  lngDescription: "Een getal tussen 3 en 8, bijvoorbeeld 4,6125.",
  mapName: "Kaart om een plek te kiezen",
  instructions:
    "Klik of tik op de kaart op de plek van uw idee. Met het toetsenbord: ga naar de kaart en verplaats de speld met de pijltjestoetsen (met Shift in grotere stappen). Met + en - zoomt u in en uit.",
  marker: "Gekozen plek",
  chosen: (lat: string, lng: string) => `Gekozen plek: breedtegraad ${lat}, lengtegraad ${lng}.`,
  outside: "Deze plek ligt buiten het gebied. Kies een plek dichterbij.",
  loading: "De kaart wordt geladen…",
  loadError: "De kaart kon niet worden geladen. Vul de breedtegraad en lengtegraad hieronder in.",
};

export interface PointMapProps {
  tiles: TileConfig;
  center: [number, number];
  zoom: number;
  bounds: Bounds;
  point: [number, number] | null;
  onPick: (lat: number, lng: number) => void;
  onOutside: () => void;
  describedBy: string;
}

/** "52,35" or "52.35" → 52.35; null otherwise. */
function parse(value: string | undefined): number | null {
  const v = value?.trim().replace(",", ".");
  if (!v || !/^-?\d{1,3}(\.\d+)?$/.test(v)) return null;
  return Number(v);
}
const format = (n: number) => n.toFixed(5).replace(".", ",");

export function PointPicker(props: PointPickerProps) {
  const latId = `veld-${props.latName}`;
  const lngId = `veld-${props.lngName}`;
  const instructionsId = `${latId}-kaart-uitleg`;
  const [point, setPoint] = useState<[number, number] | null>(() => {
    const lat = parse(props.defaultLat);
    const lng = parse(props.defaultLng);
    return lat !== null && lng !== null ? [lat, lng] : null;
  });
  const [announcement, setAnnouncement] = useState("");
  const { component: PointMap, failed } = useClientComponent<PointMapProps>(
    () => import("./point-picker-map.client"),
    props.showMap,
  );

  // The map writes into the same named fields, so the form posts the same either way.
  const onPick = useCallback(
    (lat: number, lng: number) => {
      const la = format(lat);
      const ln = format(lng);
      const latInput = document.getElementById(latId) as HTMLInputElement | null;
      const lngInput = document.getElementById(lngId) as HTMLInputElement | null;
      if (latInput) latInput.value = la;
      if (lngInput) lngInput.value = ln;
      setPoint([lat, lng]);
      setAnnouncement(pointPickerLabels.chosen(la, ln));
    },
    [latId, lngId],
  );
  const onOutside = useCallback(() => setAnnouncement(pointPickerLabels.outside), []);
  // Typing moves the marker too.
  const onInput = () => {
    const lat = parse((document.getElementById(latId) as HTMLInputElement | null)?.value);
    const lng = parse((document.getElementById(lngId) as HTMLInputElement | null)?.value);
    if (lat !== null && lng !== null) setPoint([lat, lng]);
  };

  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wmh-point-picker"
      aria-describedby={props.description ? `${latId}-uitleg` : undefined}
      onInput={onInput}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.description ? (
        <div className="utrecht-form-field-description" id={`${latId}-uitleg`}>
          {props.description}
        </div>
      ) : null}
      {props.showMap ? (
        <div className="wmh-point-picker__map">
          <p className="utrecht-paragraph" id={instructionsId}>
            {pointPickerLabels.instructions}
          </p>
          <div className="wmh-map wmh-map--picker">
            {PointMap ? (
              <PointMap
                tiles={props.tiles}
                center={props.center}
                zoom={props.zoom}
                bounds={props.bounds}
                point={point}
                onPick={onPick}
                onOutside={onOutside}
                describedBy={instructionsId}
              />
            ) : (
              <div className="wmh-map__fallback">
                {failed ? pointPickerLabels.loadError : pointPickerLabels.loading}
              </div>
            )}
          </div>
        </div>
      ) : null}
      <p className="wmh-point-picker__status" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="wmh-point-picker__fields">
        <TextField
          id={latId}
          name={props.latName}
          label={pointPickerLabels.lat}
          description={pointPickerLabels.latDescription}
          inputMode="decimal"
          size="short"
          maxLength={20}
          defaultValue={props.defaultLat}
          error={props.latError}
        />
        <TextField
          id={lngId}
          name={props.lngName}
          label={pointPickerLabels.lng}
          description={pointPickerLabels.lngDescription}
          inputMode="decimal"
          size="short"
          maxLength={20}
          defaultValue={props.defaultLng}
          error={props.lngError}
        />
      </div>
    </fieldset>
  );
}
