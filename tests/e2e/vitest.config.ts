import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: playwright-core drives Debian's Chromium against a real server started once
// for the run (global-setup.ts) on its own database. Files run one after another.
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: "node",
  },
});
