import { type ReactNode, useCallback, useState } from "react";
import { formatCoordinate, pointOf } from "./coordinates";
import type { Bounds, PointMapProps } from "./point-picker";
import type { TileConfig } from "./types";
import { useClientComponent } from "./use-client-component";

// Point at a place on a map, for residents: coordinates are never shown. The map (loaded lazily)
// writes the point into hidden fields and posts `kaart=ja`, so the server knows the map was used.
// Without JavaScript, or when the map cannot load, the caller's fallback is shown instead (for
// example an address field and a wijk choice).

export interface PlacePickerProps {
  latName: string;
  lngName: string;
  legend: ReactNode;
  instructions: ReactNode;
  defaultLat?: string;
  defaultLng?: string;
  error?: string;
  tiles: TileConfig;
  center: [number, number];
  zoom: number;
  bounds: Bounds;
  /** Shown without JavaScript and when the map fails to load. */
  fallback: ReactNode;
  /** Shown while the map loads. */
  loading: ReactNode;
  /** Spoken after a point was set (no coordinates). */
  chosenText: string;
  outsideText: string;
}

export function PlacePicker(props: PlacePickerProps) {
  const [point, setPoint] = useState(() => pointOf(props.defaultLat, props.defaultLng));
  const [announcement, setAnnouncement] = useState("");
  const {
    component: PointMap,
    failed,
    started,
  } = useClientComponent<PointMapProps>(() => import("./point-picker-map.client"));
  const id = `veld-${props.latName}`;
  const chosen = props.chosenText;
  const onPick = useCallback(
    (lat: number, lng: number) => {
      setPoint([lat, lng]);
      setAnnouncement(chosen);
    },
    [chosen],
  );
  const outside = props.outsideText;
  const onOutside = useCallback(() => setAnnouncement(outside), [outside]);

  if (!started || failed) return <>{props.fallback}</>;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wmh-place-picker${props.error ? " utrecht-form-fieldset--invalid" : ""}`}
      id={id}
      tabIndex={-1}
      aria-describedby={`${id}-uitleg${props.error ? ` ${id}-error` : ""}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      <div className="utrecht-form-field-description" id={`${id}-uitleg`}>
        {props.instructions}
      </div>
      {props.error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
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
            describedBy={`${id}-uitleg`}
          />
        ) : (
          <div className="wmh-map__fallback">{props.loading}</div>
        )}
      </div>
      {PointMap ? (
        <>
          <input type="hidden" name="kaart" value="ja" />
          <input type="hidden" name={props.latName} value={point ? formatCoordinate(point[0]) : ""} />
          <input type="hidden" name={props.lngName} value={point ? formatCoordinate(point[1]) : ""} />
        </>
      ) : null}
      <p className="wmh-point-picker__status" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
