import {
  AttributionControl,
  MapContainer,
  type MapContainerProps,
  TileLayer,
  ZoomControl,
} from "react-leaflet";
import { dutchMapLabels, type TileConfig } from "./types";

type MapFrameProps = Omit<
  MapContainerProps,
  "zoomControl" | "attributionControl" | "scrollWheelZoom" | "className"
> & { tiles: TileConfig };

/**
 * The frame every Leaflet map on the site shares: no scroll-wheel zoom, the tile layer, and the zoom
 * and attribution controls placed by hand (with Dutch titles). Map-specific options and layers come
 * from the caller; the layers are drawn after the controls.
 */
export function MapFrame({ tiles, children, ...options }: MapFrameProps) {
  return (
    <MapContainer
      {...options}
      zoomControl={false}
      attributionControl={false}
      scrollWheelZoom={false}
      className="wmh-map__canvas"
    >
      <TileLayer url={tiles.url} attribution={tiles.attribution} maxZoom={19} />
      <ZoomControl
        position="topleft"
        zoomInTitle={dutchMapLabels.zoomIn}
        zoomOutTitle={dutchMapLabels.zoomOut}
      />
      <AttributionControl position="bottomright" prefix={false} />
      {children}
    </MapContainer>
  );
}
