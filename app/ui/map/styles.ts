import leafletCss from "leaflet/dist/leaflet.css?url";
import mapCss from "../map.css?url";

/**
 * The map's style sheets, added only when a map is fetched: Leaflet's CSS is not render-blocking on
 * pages where the map comes after the text (the list of initiatives, the quickscan), so the first
 * paint waits for less. Resolves when they are loaded, so Leaflet measures a map of the right size;
 * a failed sheet does not stop the map. A sheet the page already links is not added again.
 */
export function loadMapStyles(): Promise<unknown> {
  return Promise.all(
    [leafletCss, mapCss].map((href) => {
      if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return undefined;
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      const loaded = new Promise((resolve) => {
        link.onload = resolve;
        link.onerror = resolve;
      });
      document.head.appendChild(link);
      return loaded;
    }),
  );
}
