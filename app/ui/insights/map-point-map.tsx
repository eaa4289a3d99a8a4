import { PointsMap } from "../map/points-map";
import type { TileConfig } from "../map/types";
import { SUPPRESSED } from "./result-views";

// The map-point answers of one question on a map, next to the list (MapPointList) that stays the
// accessible alternative. Groups are rounded and suppressed in the domain (groupMapPoints).

export interface MapPointGroupView {
  lat: number;
  lng: number;
  count: number | null;
  places: string[];
  comments: string[];
  moreComments: number;
}

const labels = {
  region: (question: string) => `Kaart met de gekozen plekken: ${question}`,
  intro:
    "Elke speld is een groep plekken die mensen kozen, binnen ongeveer 250 meter van elkaar. Het getal op de speld is het aantal antwoorden; bij minder dan 10 staat er <10. Klik op een speld voor de toelichtingen. Dezelfde antwoorden staan in de tabel en de lijst hieronder.",
  noScript: "De kaart werkt alleen met JavaScript. De antwoorden staan in de tabel en de lijst hieronder.",
  place: "Plek op de kaart",
  answers: (count: number | null) => `${count === null ? SUPPRESSED : count} antwoorden`,
  more: (n: number) => `En nog ${n} toelichtingen.`,
};

export function MapPointMap({
  groups,
  question,
  tiles,
  center,
  zoom,
}: {
  groups: MapPointGroupView[];
  question: string;
  tiles: TileConfig;
  center: [number, number];
  zoom: number;
}) {
  if (groups.length === 0) return null;
  const points = groups.map((g) => ({
    lat: g.lat,
    lng: g.lng,
    title: `${g.places.length > 0 ? g.places.join(", ") : labels.place}: ${labels.answers(g.count)}`,
    lines: [...g.comments, ...(g.moreComments > 0 ? [labels.more(g.moreComments)] : [])],
    badge: g.count === null ? "<10" : String(g.count),
  }));
  return (
    <>
      <p className="utrecht-paragraph">{labels.intro}</p>
      <PointsMap
        tiles={tiles}
        points={points}
        center={center}
        zoom={zoom}
        label={labels.region(question)}
        noScriptText={labels.noScript}
      />
    </>
  );
}
