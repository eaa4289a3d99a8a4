import { Link } from "@remix-run/react";
import type L from "leaflet";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Marker, Popup, useMap, useMapEvents } from "react-leaflet";
import type { InitiativesMapProps } from "./client-map";
import { clusterIcon, localise, markerIcon } from "./leaflet-parts";
import { MapFrame } from "./map-frame.client";
import { dutchMapLabels, type PointFeature } from "./types";

const labels = dutchMapLabels;
/** Room around the outermost markers, in pixels: a marker is 30 px wide, a cluster up to 46. */
const MARKER_MARGIN = 32;

function Features(props: InitiativesMapProps & { onStatus: (s: string) => void }) {
  const map = useMap();
  const [features, setFeatures] = useState<PointFeature[]>([]);
  const controller = useRef<AbortController | null>(null);
  const styles = useMemo(() => new Map(props.styles.map((s) => [s.value, s])), [props.styles]);
  const { dataUrl, onStatus } = props;

  // The first load asks for every match (no bbox) and fits the view around them, so on a narrow
  // phone no marker sits half outside the map's edge; later loads follow the visible area.
  const fitted = useRef(false);
  const load = useCallback(() => {
    const b = map.getBounds().pad(0.2);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(",");
    const first = !fitted.current;
    const area = first ? "" : `bbox=${bbox}&`;
    const url = `${dataUrl}${dataUrl.includes("?") ? "&" : "?"}${area}zoom=${map.getZoom()}`;
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    fetch(url, { signal: c.signal, headers: { Accept: "application/geo+json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: { features: PointFeature[] }) => {
        setFeatures(data.features);
        onStatus("");
        if (first && !fitted.current) {
          fitted.current = true;
          const points = data.features.map(
            (f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]] as [number, number],
          );
          if (points.length)
            map.fitBounds(points, { padding: [MARKER_MARGIN, MARKER_MARGIN], maxZoom: 16, animate: false });
        }
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") onStatus(labels.loadError);
      });
  }, [map, dataUrl, onStatus]);

  // New filters: fit again around what they match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the data URL changes
  useEffect(() => {
    fitted.current = false;
  }, [dataUrl]);

  useEffect(() => {
    localise(map, labels);
    load();
    return () => controller.current?.abort();
  }, [map, load]);
  useMapEvents({ moveend: load });

  return (
    <>
      {features.map((f) => {
        const [lng, lat] = f.geometry.coordinates;
        const p = f.properties;
        if (p.kind === "cluster") {
          return (
            <Marker
              key={f.id}
              position={[lat, lng]}
              icon={clusterIcon(p.count ?? 0, labels)}
              title={labels.cluster(p.count ?? 0)}
              eventHandlers={{
                click: () => {
                  const [w, s, e, n] = p.bbox ?? [lng, lat, lng, lat];
                  if (w === e && s === n) map.setView([lat, lng], p.expansionZoom ?? map.getZoom() + 2);
                  else
                    map.fitBounds(
                      [
                        [s, w],
                        [n, e],
                      ] as L.LatLngBoundsLiteral,
                      { padding: [30, 30], maxZoom: p.expansionZoom },
                    );
                },
              }}
            />
          );
        }
        const style = p.theme ? styles.get(p.theme) : undefined;
        return (
          <Marker key={f.id} position={[lat, lng]} icon={markerIcon(style, p.title ?? "")} title={p.title}>
            <Popup>
              <p className="wmh-popup__title">
                <Link to={p.url ?? "#"}>{p.title}</Link>
              </p>
              <p className="wmh-popup__meta">
                {style?.label}
                {p.status ? ` · ${props.statusLabels[p.status] ?? p.status}` : ""}
              </p>
              <p className="wmh-popup__meta">
                <Link to={p.url ?? "#"}>{labels.more}</Link>
              </p>
            </Popup>
          </Marker>
        );
      })}
    </>
  );
}

export default function LeafletMap(props: InitiativesMapProps) {
  const [status, setStatus] = useState("");
  return (
    <>
      <MapFrame center={props.center} zoom={props.zoom} minZoom={11} maxZoom={19} tiles={props.tiles}>
        <Features {...props} onStatus={setStatus} />
      </MapFrame>
      <p className="wmh-map__status" role="status">
        {status}
      </p>
    </>
  );
}
