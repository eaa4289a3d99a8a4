/// <reference types="vitest/config" />
import fs from "node:fs";
import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isTest = !!process.env.VITEST;

/**
 * The licence notices of every package in the browser bundle, in one file served with it
 * (/assets/third-party-licenses.txt). Terser drops the notices from the chunks themselves: the survey
 * page then downloads them nowhere, and the notices still ship with the code (as webpack's
 * extractComments does).
 */
function thirdPartyLicenses(): Plugin {
  let ssr = false;
  return {
    name: "third-party-licenses",
    apply: "build",
    configResolved(config) {
      ssr = !!config.build.ssr;
    },
    generateBundle(_options, bundle) {
      if (ssr) return;
      const dirs = new Map<string, string>();
      for (const chunk of Object.values(bundle))
        if (chunk.type === "chunk")
          for (const id of Object.keys(chunk.modules)) {
            const m = id.replace(/^\0/, "").match(/^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//);
            if (m?.[1] && m[2]) dirs.set(m[2], m[1]);
          }
      const parts = [...dirs]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, dir]) => {
          const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
          const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.\w+)?$/i.test(f));
          const text = file
            ? fs.readFileSync(path.join(dir, file), "utf8").trim()
            : `License: ${pkg.license}`;
          return `${name} ${pkg.version}\n\n${text}\n`;
        });
      this.emitFile({
        type: "asset",
        fileName: "assets/third-party-licenses.txt",
        source: parts.join(`\n${"-".repeat(72)}\n\n`),
      });
    },
  };
}

export default defineConfig({
  plugins: [isTest ? null : remix(remixConfig), isTest ? null : thirdPartyLicenses(), tsconfigPaths()],
  server: { port: 3000 },
  // Terser with three passes: about 4 KB (gzipped) less JavaScript on every page than esbuild's
  // minifier, which the survey page's budget needs (docs/surveys.md). Without comments: the licence
  // notices (0.7 KB gzipped on the survey page) are in assets/third-party-licenses.txt instead.
  build: {
    target: "es2022",
    minify: "terser",
    terserOptions: { module: true, compress: { passes: 3 }, format: { comments: false } },
  },
  // Leaflet is imported lazily; pre-bundle it so the dev server never re-optimises mid-session
  // (which would load a second copy of React).
  optimizeDeps: { include: ["leaflet", "react-leaflet"] },
  test: {
    // A warning in a test is a failing test (tests/setup/fail-on-console.ts).
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/fail-on-console.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          // Route components rendered with Remix's stub router in a DOM (no server, no database).
          name: "render",
          include: ["tests/render/**/*.test.tsx"],
          setupFiles: ["tests/setup/fail-on-console.ts", "tests/setup/render.ts"],
          environment: "happy-dom",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/fail-on-console.ts", "tests/setup/per-file-db.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
