import L from "leaflet";
import type { MapLabels, MarkerStyle } from "./types";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A marker as HTML: coloured symbol plus hidden text, so screen readers hear the title. */
export function markerIcon(style: MarkerStyle | undefined, title: string): L.DivIcon {
  const symbol = style?.symbol ?? "•";
  const color = style?.color ?? "#4a4a4a";
  return L.divIcon({
    className: "wmh-marker-icon",
    html: `<span class="wmh-marker" style="background:${color}" aria-hidden="true">${escapeHtml(symbol)}</span><span class="wmh-visually-hidden">${escapeHtml(title)}${style ? `, ${escapeHtml(style.label)}` : ""}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

export function clusterIcon(count: number, labels: MapLabels): L.DivIcon {
  const size = count < 10 ? 32 : count < 100 ? 38 : 46;
  return L.divIcon({
    className: "wmh-marker-icon",
    html: `<span class="wmh-marker wmh-marker--cluster" style="width:${size}px;height:${size}px" aria-hidden="true">${count}</span><span class="wmh-visually-hidden">${escapeHtml(labels.cluster(count))}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

/** A pin that shows a short text, e.g. the number of answers at a place (the title is read out). */
export function badgeIcon(badge: string, title: string): L.DivIcon {
  return L.divIcon({
    className: "wmh-marker-icon",
    html: `<span class="wmh-marker wmh-marker--cluster" style="width:38px;height:38px" aria-hidden="true">${escapeHtml(badge)}</span><span class="wmh-visually-hidden">${escapeHtml(title)}</span>`,
    iconSize: [38, 38],
    iconAnchor: [19, 19],
    popupAnchor: [0, -18],
  });
}

/** Leaflet's own English texts on controls, in Dutch. */
export function localise(map: L.Map, labels: MapLabels) {
  map.on("popupopen", (e) => {
    const button = (e as L.PopupEvent).popup.getElement()?.querySelector(".leaflet-popup-close-button");
    button?.setAttribute("aria-label", labels.closePopup);
    button?.setAttribute("title", labels.closePopup);
  });
  map.getContainer().setAttribute("aria-label", labels.region);
  map.getContainer().setAttribute("role", "application");
  map.getContainer().setAttribute("aria-roledescription", "kaart");
}
