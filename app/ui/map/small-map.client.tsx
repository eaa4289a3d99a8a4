import { useEffect } from "react";
import { Marker, useMap } from "react-leaflet";
import { localise, markerIcon } from "./leaflet-parts";
import { MapFrame } from "./map-frame.client";
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
    <MapFrame center={props.point} zoom={16} tiles={props.tiles}>
      <Marker position={props.point} icon={markerIcon(props.style, props.title)} keyboard={false} />
      <Localise />
    </MapFrame>
  );
}
