import { useEffect } from "react";
import { Marker, Popup, useMap } from "react-leaflet";
import { badgeIcon, localise, markerIcon } from "./leaflet-parts";
import { MapFrame } from "./map-frame.client";
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
    <MapFrame center={props.center} zoom={props.zoom} tiles={props.tiles}>
      {props.points.map((p) => (
        // Not in the tab order: hundreds of markers would be hundreds of stops; the list below the
        // map holds the same answers for keyboard and screen-reader users.
        <Marker
          key={`${p.lat},${p.lng}`}
          position={[p.lat, p.lng]}
          icon={p.badge ? badgeIcon(p.badge, p.title) : markerIcon(undefined, p.title)}
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
    </MapFrame>
  );
}
