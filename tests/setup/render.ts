// Render tests: unmount after each test so screens never leak into the next one.
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

beforeEach(() => {
  // The stub router cannot take React Router's v7 future flags (the app's real router has them via
  // Remix); its one-time notice about them is not a problem of the page under test.
  const warn = console.warn;
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes("React Router Future Flag Warning")) return;
    warn(...args);
  });
});
afterEach(() => cleanup());
