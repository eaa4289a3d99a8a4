// Fetches the map of the map-point question. Plain JavaScript on purpose: esbuild does not rewrite
// .js files, so the parentheses below survive, and Vite then leaves this import alone instead of
// wrapping it in its preload helper (0.7 KB gzipped that the survey page would load up front and
// that keeps it over its 100 KB budget). The chunk's own imports still load normally; its style
// sheets are added by loadStyles (the preload helper would have done that).
export const loadMapPointPicker = () =>
  // biome-ignore format: the parentheses are the point
  import(("./map-point-picker")).then((m) => m.loadStyles().then(() => m));
