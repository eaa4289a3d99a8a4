// The NL Design System CSS ships every component and every design token (about 460 KB, 38 KB gzipped) and
// blocks the first paint of every page; the site uses a few dozen of its classes. PurgeCSS keeps only the
// rules whose classes occur in our source, and the custom properties (tokens) those rules use. Only the
// library's file (app/ui/nl-design-system.css) is purged; our own stylesheets are small and kept whole.
import { readdirSync, readFileSync } from "node:fs";
import purgeCSSPlugin from "@fullhuman/postcss-purgecss";

// Tokens our own stylesheets use (they are not part of the purged file, so PurgeCSS cannot see them).
const ownCss = readdirSync("app", { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".css") && !f.endsWith("nl-design-system.css"))
  .map((f) => readFileSync(`app/${f}`, "utf8"))
  .join("\n");
const tokensWeUse = [...new Set([...ownCss.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]))];

const purge = purgeCSSPlugin({
  content: ["./app/**/*.{ts,tsx}"],
  variables: true,
  keyframes: true,
  fontFace: true,
  safelist: {
    variables: tokensWeUse,
    // Class names built from a variable in app/ui (heading level, alert type, button variant, field kind).
    standard: [/^utrecht-heading-\d$/, /^utrecht-theme$/, /^heemstede-theme$/],
    greedy: [
      /^utrecht-alert--/,
      /^utrecht-button--/,
      /^utrecht-button-link--/,
      /^utrecht-form-field--/,
      /^utrecht-form-label--/,
    ],
  },
});

const purgeLibraryOnly = {
  postcssPlugin: "purge-nl-design-system",
  async OnceExit(root, helpers) {
    const file = root.source?.input.file ?? "";
    if (!file.includes("nl-design-system.css")) return;
    await purge.OnceExit(root, helpers);
  },
};

export default { plugins: [purgeLibraryOnly] };
