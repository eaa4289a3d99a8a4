import { dutchMapLabels, type TileConfig } from "./types";
import { useClientComponent } from "./use-client-component";

// A read-only map of points with a popup each. Leaflet is loaded lazily, in the browser only; the
// caller always shows the same information as text as well (the map is never the only way).

export interface MapPoint {
  lat: number;
  lng: number;
  /** Marker name for screen readers and the popup heading. */
  title: string;
  /** Lines in the popup (rendered as text, escaped). */
  lines: string[];
  /** Short text on the pin itself, e.g. the number of answers there. */
  badge?: string;
}

export interface PointsMapProps {
  tiles: TileConfig;
  points: MapPoint[];
  /** Shown when there are no points to fit the map to. */
  center: [number, number];
  zoom: number;
  label: string;
  /** Shown instead of the map without JavaScript. */
  noScriptText: string;
}

export function PointsMap(props: PointsMapProps) {
  const {
    component: PointsLeafletMap,
    failed,
    started,
  } = useClientComponent<PointsMapProps>(() => import("./points-map.client"));
  return (
    <section className="wmh-map wmh-map--points" aria-label={props.label}>
      {PointsLeafletMap ? (
        <PointsLeafletMap {...props} />
      ) : (
        <div className="wmh-map__fallback">
          {failed ? dutchMapLabels.loadError : started ? dutchMapLabels.loading : props.noScriptText}
        </div>
      )}
    </section>
  );
}
