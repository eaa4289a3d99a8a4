import { type ReactNode, useEffect, useState } from "react";

export type MapListView = "lijst" | "kaart";

const STORAGE_KEY = "wmh-kaart-of-lijst";
const WIDE = "(min-width: 60rem)";

/**
 * A list and its map on one page. Without JavaScript (and before hydration) the list comes first
 * and no map is offered: the map needs JavaScript. With JavaScript a "Lijst | Kaart" switch shows
 * one of the two on a narrow screen; from 60rem both stand side by side and the switch is hidden.
 * The map is mounted only when it can be seen, so Leaflet never measures a hidden box.
 */
export function MapListSwitch(props: {
  list: ReactNode;
  map: ReactNode;
  /** Accessible name of the switch, e.g. "Toon de initiatieven als". */
  label: string;
}) {
  const [enhanced, setEnhanced] = useState(false);
  const [view, setView] = useState<MapListView>("lijst");
  const [wide, setWide] = useState(false);

  useEffect(() => {
    setEnhanced(true);
    if (sessionStorage.getItem(STORAGE_KEY) === "kaart") setView("kaart");
    const query = window.matchMedia(WIDE);
    setWide(query.matches);
    const onChange = (e: MediaQueryListEvent) => setWide(e.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  const choose = (v: MapListView) => {
    setView(v);
    sessionStorage.setItem(STORAGE_KEY, v);
  };

  return (
    <>
      {enhanced ? (
        <fieldset className="wmh-view-switch">
          <legend className="wmh-visually-hidden">{props.label}</legend>
          {(["lijst", "kaart"] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="wmh-view-switch__button"
              aria-pressed={view === v}
              onClick={() => choose(v)}
            >
              {v === "lijst" ? "Lijst" : "Kaart"}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div className="wmh-map-page" data-view={enhanced ? view : "lijst"} data-map={enhanced || undefined}>
        <div className="wmh-map-page__list">{props.list}</div>
        {enhanced && (wide || view === "kaart") ? (
          <div className="wmh-map-page__map wmh-stack">{props.map}</div>
        ) : null}
      </div>
    </>
  );
}
