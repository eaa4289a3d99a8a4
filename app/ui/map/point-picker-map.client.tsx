import L from "leaflet";
import { useEffect, useMemo } from "react";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import { localise, markerIcon } from "./leaflet-parts";
import { MapFrame } from "./map-frame.client";
import { type PointMapProps, pointPickerLabels } from "./point-picker";
import { dutchMapLabels } from "./types";

const inside = (b: PointMapProps["bounds"], lat: number, lng: number) =>
  lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;

/** Click or tap sets the point; arrow keys move it (by screen pixels, so the step follows the zoom). */
function PickLayer(props: PointMapProps) {
  const map = useMap();
  const { bounds, point, onPick, onOutside, describedBy } = props;

  useEffect(() => {
    localise(map, dutchMapLabels);
    const c = map.getContainer();
    c.setAttribute("aria-label", pointPickerLabels.mapName);
    c.setAttribute("aria-describedby", describedBy);
    c.tabIndex = 0;
  }, [map, describedBy]);

  useMapEvents({
    click(e) {
      if (inside(bounds, e.latlng.lat, e.latlng.lng)) onPick(e.latlng.lat, e.latlng.lng);
      else onOutside();
    },
  });

  useEffect(() => {
    const c = map.getContainer();
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== c || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "+" || e.key === "=") {
        map.zoomIn();
        e.preventDefault();
        return;
      }
      if (e.key === "-" || e.key === "_") {
        map.zoomOut();
        e.preventDefault();
        return;
      }
      const delta = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[e.key];
      if (!delta) return;
      e.preventDefault();
      const step = e.shiftKey ? 50 : 10;
      const from = point ? L.latLng(point[0], point[1]) : map.getCenter();
      const px = map.project(from).add(L.point(delta[0]! * step, delta[1]! * step));
      const to = point ? map.unproject(px) : from;
      const lat = Math.min(Math.max(to.lat, bounds.south), bounds.north);
      const lng = Math.min(Math.max(to.lng, bounds.west), bounds.east);
      onPick(lat, lng);
      map.panInside(L.latLng(lat, lng), { padding: [40, 40] });
    };
    c.addEventListener("keydown", onKey);
    return () => c.removeEventListener("keydown", onKey);
  }, [map, point, bounds, onPick]);

  const icon = useMemo(() => markerIcon(undefined, pointPickerLabels.marker), []);
  if (!point) return null;
  return (
    <Marker
      position={point}
      icon={icon}
      keyboard={false}
      draggable
      eventHandlers={{
        dragend: (e) => {
          const ll = (e.target as L.Marker).getLatLng();
          if (inside(bounds, ll.lat, ll.lng)) onPick(ll.lat, ll.lng);
          else {
            (e.target as L.Marker).setLatLng(point);
            onOutside();
          }
        },
      }}
    />
  );
}

export default function PointPickerMap(props: PointMapProps) {
  const b = props.bounds;
  const maxBounds: L.LatLngBoundsLiteral = [
    [b.south - 0.02, b.west - 0.03],
    [b.north + 0.02, b.east + 0.03],
  ];
  return (
    <MapFrame
      center={props.point ?? props.center}
      zoom={props.point ? 16 : props.zoom}
      minZoom={12}
      maxZoom={19}
      maxBounds={maxBounds}
      keyboard={false}
      tiles={props.tiles}
    >
      <PickLayer {...props} />
    </MapFrame>
  );
}
