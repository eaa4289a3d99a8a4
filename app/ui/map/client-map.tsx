import type { ReactNode } from "react";
import { dutchMapLabels, type MarkerStyle, type TileConfig } from "./types";
import { useClientComponent } from "./use-client-component";

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
  const {
    component: LeafletMap,
    failed,
    started,
  } = useClientComponent<InitiativesMapProps>(() => import("./leaflet-map.client"));
  return (
    <section className="wmh-map" aria-label={props.label}>
      {LeafletMap ? (
        <LeafletMap {...props} />
      ) : (
        <Fallback>
          {failed ? dutchMapLabels.loadError : started ? dutchMapLabels.loading : props.noScriptText}
        </Fallback>
      )}
    </section>
  );
}

export interface SmallMapProps {
  tiles: TileConfig;
  point: [number, number];
  style?: MarkerStyle;
  title: string;
  label: string;
}

export function SmallMap(props: SmallMapProps) {
  const {
    component: SmallLeafletMap,
    failed,
    started,
  } = useClientComponent<SmallMapProps>(() => import("./small-map.client"));
  return (
    <section className="wmh-map wmh-map--small" aria-label={props.label}>
      {SmallLeafletMap ? (
        <SmallLeafletMap {...props} />
      ) : (
        <Fallback>{failed ? dutchMapLabels.loadError : started ? dutchMapLabels.loading : ""}</Fallback>
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
