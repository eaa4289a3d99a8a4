/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isTest = !!process.env.VITEST;

export default defineConfig({
  plugins: [isTest ? null : remix(remixConfig), tsconfigPaths()],
  server: { port: 3000 },
  // Terser with three passes: about 4 KB (gzipped) less JavaScript on every page than esbuild's
  // minifier, which the survey page's budget needs (docs/surveys.md).
  build: {
    target: "es2022",
    minify: "terser",
    terserOptions: { module: true, compress: { passes: 3 } },
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
