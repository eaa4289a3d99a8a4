import { getEnv } from "../../lib/env.server";
/** What the browser needs to draw tiles: only these two values leave the server's configuration. */
export function tileConfig() {
  const env = getEnv();
  return { url: env.MAP_TILE_URL, attribution: env.MAP_ATTRIBUTION };
}
