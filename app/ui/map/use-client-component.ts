import { type ComponentType, useEffect, useState } from "react";
import { loadMapStyles } from "./styles";

// Leaflet touches `window` when imported, and weighs most of a map page's JavaScript: it is
// loaded only in the browser, only where a map shows, after the page itself works. Without
// JavaScript the fallback stays. A plain dynamic import in an effect, not React.lazy: nothing
// ever suspends, so navigations never wait on Leaflet. With `enabled` false nothing is loaded.
// Leaflet's style sheet comes with it (loadMapStyles): pages need not link it render-blocking.
export function useClientComponent<P>(load: () => Promise<{ default: ComponentType<P> }>, enabled = true) {
  const [state, setState] = useState<{ component?: ComponentType<P>; failed?: boolean; started?: boolean }>(
    {},
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per mount, when enabled
  useEffect(() => {
    if (!enabled || state.component) return;
    let live = true;
    setState({ started: true });
    Promise.all([load(), loadMapStyles()])
      .then(([m]) => live && setState({ component: m.default, started: true }))
      .catch(() => live && setState({ failed: true, started: true }));
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
