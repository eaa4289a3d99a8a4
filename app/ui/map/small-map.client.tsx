import { useEffect } from "react";
import { AttributionControl, MapContainer, Marker, TileLayer, useMap, ZoomControl } from "react-leaflet";
import { localise, markerIcon } from "./leaflet-parts";
import { dutchMapLabels, type MarkerStyle, type TileConfig } from "./types";

function Localise() {
  const map = useMap();
  useEffect(() => localise(map, dutchMapLabels), [map]);
  return null;
}

export default function SmallLeafletMap(props: {
  tiles: TileConfig;
  point: [number, number];
  style?: MarkerStyle;
  title: string;
}) {
  return (
    <MapContainer
      center={props.point}
      zoom={16}
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
      <Marker position={props.point} icon={markerIcon(props.style, props.title)} keyboard={false} />
      <Localise />
    </MapContainer>
  );
}
