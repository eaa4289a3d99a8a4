import { useCallback, useState } from "react";
import { formatCoordinate, pointOf } from "./coordinates";
import { PointFields, type PointFieldsProps, pointFieldId, pointFieldLabels } from "./point-fields";
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

export interface PointPickerProps extends Omit<PointFieldsProps, "labels" | "children" | "onInput"> {
  tiles: TileConfig;
  center: [number, number];
  zoom: number;
  /** Points outside are refused on the map; the map cannot be panned far beyond. */
  bounds: Bounds;
  /** Load and show the map (for example when the resident chose "a point on the map"). */
  showMap: boolean;
  /** Texts that differ from the defaults below (for example the range the caller accepts). */
  labels?: Partial<typeof pointPickerLabels>;
  /** Told after the map set a point (for example to clear another way of choosing). */
  onPicked?: () => void;
}

export const pointPickerLabels = {
  ...pointFieldLabels,
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

export function PointPicker(props: PointPickerProps) {
  const labels = { ...pointPickerLabels, ...props.labels };
  const latId = pointFieldId(props.latName);
  const lngId = pointFieldId(props.lngName);
  const instructionsId = `${latId}-kaart-uitleg`;
  const [point, setPoint] = useState(() => pointOf(props.defaultLat, props.defaultLng));
  const [announcement, setAnnouncement] = useState("");
  const onPicked = props.onPicked;
  const { component: PointMap, failed } = useClientComponent<PointMapProps>(
    () => import("./point-picker-map.client"),
    props.showMap,
  );

  // The map writes into the same named fields, so the form posts the same either way.
  const onPick = useCallback(
    (lat: number, lng: number) => {
      const la = formatCoordinate(lat);
      const ln = formatCoordinate(lng);
      const latInput = document.getElementById(latId) as HTMLInputElement | null;
      const lngInput = document.getElementById(lngId) as HTMLInputElement | null;
      if (latInput) latInput.value = la;
      if (lngInput) lngInput.value = ln;
      setPoint([lat, lng]);
      setAnnouncement(labels.chosen(la, ln));
      onPicked?.();
    },
    [latId, lngId, labels.chosen, onPicked],
  );
  const onOutside = useCallback(() => setAnnouncement(labels.outside), [labels.outside]);
  // Typing moves the marker too.
  const onInput = () => {
    const typed = pointOf(
      (document.getElementById(latId) as HTMLInputElement | null)?.value,
      (document.getElementById(lngId) as HTMLInputElement | null)?.value,
    );
    if (typed) setPoint(typed);
  };

  return (
    <PointFields
      latName={props.latName}
      lngName={props.lngName}
      legend={props.legend}
      description={props.description}
      defaultLat={props.defaultLat}
      defaultLng={props.defaultLng}
      latError={props.latError}
      lngError={props.lngError}
      labels={labels}
      onInput={onInput}
    >
      {props.showMap ? (
        <div className="wmh-point-picker__map">
          <p className="utrecht-paragraph" id={instructionsId}>
            {labels.instructions}
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
              <div className="wmh-map__fallback">{failed ? labels.loadError : labels.loading}</div>
            )}
          </div>
        </div>
      ) : null}
      <p className="wmh-point-picker__status" role="status" aria-live="polite">
        {announcement}
      </p>
    </PointFields>
  );
}
