import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { dutchMapLabels, type MarkerStyle, type TileConfig } from "./types";

// Leaflet touches `window` when imported, and weighs most of the map page's JavaScript: it is
// loaded only in the browser, only on pages with a map, after the page itself works. Without
// JavaScript the fallback (pointing to the list) stays.
const LeafletMap = lazy(() => import("./leaflet-map.client"));
const SmallLeafletMap = lazy(() => import("./small-map.client"));

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Fallback({ children }: { children: ReactNode }) {
  return <div className="wmh-map__fallback">{children}</div>;
}

export interface InitiativesMapProps {
  tiles: TileConfig;
  /** GeoJSON endpoint with the current filters; bbox and zoom are added by the map. */
  dataUrl: string;
  center: [number, number];
  zoom: number;
  styles: MarkerStyle[];
  statusLabels: Record<string, string>;
  label: string;
  noScriptText: string;
}

export function InitiativesMap(props: InitiativesMapProps) {
  const hydrated = useHydrated();
  const fallback = <Fallback>{hydrated ? dutchMapLabels.loading : props.noScriptText}</Fallback>;
  return (
    <section className="wmh-map" aria-label={props.label}>
      {hydrated ? (
        <Suspense fallback={fallback}>
          <LeafletMap {...props} />
        </Suspense>
      ) : (
        fallback
      )}
    </section>
  );
}

export function SmallMap(props: {
  tiles: TileConfig;
  point: [number, number];
  style?: MarkerStyle;
  title: string;
  label: string;
}) {
  const hydrated = useHydrated();
  const fallback = <Fallback>{hydrated ? dutchMapLabels.loading : ""}</Fallback>;
  return (
    <section className="wmh-map wmh-map--small" aria-label={props.label}>
      {hydrated ? (
        <Suspense fallback={fallback}>
          <SmallLeafletMap {...props} />
        </Suspense>
      ) : (
        fallback
      )}
    </section>
  );
}

/** The legend in text: symbol, colour and name of each kind of marker. */
export function MapLegend({ styles, title }: { styles: MarkerStyle[]; title: string }) {
  return (
    <div className="wmh-map-legend">
      <h2 className="utrecht-heading-3" id="legenda">
        {title}
      </h2>
      <ul aria-labelledby="legenda">
        {styles.map((s) => (
          <li key={s.value}>
            <span
              className="wmh-marker wmh-marker--legend"
              style={{ background: s.color }}
              aria-hidden="true"
            >
              {s.symbol}
            </span>{" "}
            {s.label}
          </li>
        ))}
        <li>
          <span className="wmh-marker wmh-marker--cluster wmh-marker--legend" aria-hidden="true">
            12
          </span>{" "}
          Groep initiatieven dicht bij elkaar, met het aantal
        </li>
      </ul>
    </div>
  );
}
