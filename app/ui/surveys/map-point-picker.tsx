import { HEEMSTEDE_BOUNDS } from "~/domain/surveys/constants";
import { PointPicker } from "../map/point-picker";
import { loadMapStyles } from "../map/styles";
import type { TileConfig } from "../map/types";

// The map of the map-point question: fetched after the survey page works (see MapPointQuestion),
// so neither this nor Leaflet counts against the page's first load.

/** The map opens on the town centre with all of Heemstede in view. */
const CENTER: [number, number] = [52.3505, 4.6125];
const ZOOM = 14;

/** The map's style sheets, added only when the map is fetched (the survey route does not link them). */
export const loadStyles = loadMapStyles;

const labels = {
  instructions:
    "Klik of tik op de kaart op de plek die u bedoelt. Met het toetsenbord: ga naar de kaart en verplaats de speld met de pijltjestoetsen (met Shift in grotere stappen). Met + en - zoomt u in en uit.",
  outside: "Deze plek ligt niet in Heemstede. Kies een plek in Heemstede.",
};

export interface SurveyPointPickerProps {
  latName: string;
  lngName: string;
  legend: string;
  description: string;
  defaultLat: string;
  defaultLng: string;
  tiles: TileConfig;
  onPicked: () => void;
}

export default function SurveyPointPicker(props: SurveyPointPickerProps) {
  return (
    <PointPicker {...props} center={CENTER} zoom={ZOOM} bounds={HEEMSTEDE_BOUNDS} showMap labels={labels} />
  );
}
