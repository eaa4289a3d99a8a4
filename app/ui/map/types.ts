// What the map components need to know; nothing of initiatives or themes (those are passed in).

export interface MarkerStyle {
  value: string;
  label: string;
  /** One or two letters shown in the marker, so colour is never the only clue. */
  symbol: string;
  color: string;
}

export interface MapLabels {
  /** Accessible name of the map region. */
  region: string;
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  /** "{count} initiatieven hier. Zoom in." */
  cluster: (count: number) => string;
  loading: string;
  loadError: string;
  /** Link text in a popup. */
  more: string;
}

export const dutchMapLabels: MapLabels = {
  region: "Kaart",
  zoomIn: "Inzoomen",
  zoomOut: "Uitzoomen",
  closePopup: "Sluiten",
  cluster: (count) => `${count} initiatieven bij elkaar. Klik om in te zoomen.`,
  loading: "De kaart wordt geladen…",
  loadError: "De kaart kon niet worden geladen. Gebruik de lijst.",
  more: "Bekijk het initiatief",
};

export interface TileConfig {
  url: string;
  attribution: string;
}

export interface PointFeatureProps {
  kind: "initiative" | "cluster";
  id?: string;
  title?: string;
  theme?: string;
  status?: string;
  url?: string;
  count?: number;
  expansionZoom?: number;
  bbox?: [number, number, number, number];
}

export interface PointFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: PointFeatureProps;
}
