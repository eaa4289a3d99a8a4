import { useEffect } from "react";
import {
  AttributionControl,
  MapContainer,
  Marker,
  Popup,
  TileLayer,
  useMap,
  ZoomControl,
} from "react-leaflet";
import { localise, markerIcon } from "./leaflet-parts";
import type { MapPoint, PointsMapProps } from "./points-map";
import { dutchMapLabels } from "./types";

function FitAndLocalise({ points }: { points: MapPoint[] }) {
  const map = useMap();
  useEffect(() => {
    localise(map, dutchMapLabels);
    if (points.length > 0)
      map.fitBounds(
        points.map((p) => [p.lat, p.lng]),
        { padding: [24, 24], maxZoom: 16 },
      );
  }, [map, points]);
  return null;
}

export default function PointsLeafletMap(props: PointsMapProps) {
  return (
    <MapContainer
      center={props.center}
      zoom={props.zoom}
      zoomControl={false}
      attributionControl={false}
      scrollWheelZoom={false}
      className="wmh-map__canvas"
    >
      <TileLayer url={props.tiles.url} attribution={props.tiles.attribution} maxZoom={19} />
      <ZoomControl
        position="topleft"
        zoomInTitle={dutchMapLabels.zoomIn}
        zoomOutTitle={dutchMapLabels.zoomOut}
      />
      <AttributionControl position="bottomright" prefix={false} />
      {props.points.map((p) => (
        // Not in the tab order: hundreds of markers would be hundreds of stops; the list below the
        // map holds the same answers for keyboard and screen-reader users.
        <Marker
          key={`${p.lat},${p.lng}`}
          position={[p.lat, p.lng]}
          icon={markerIcon(undefined, p.title)}
          keyboard={false}
        >
          <Popup>
            <strong>{p.title}</strong>
            {p.lines.length > 0 ? (
              <ul className="wmh-map-popup__lines">
                {p.lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines never reorder
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Popup>
        </Marker>
      ))}
      <FitAndLocalise points={props.points} />
    </MapContainer>
  );
}
