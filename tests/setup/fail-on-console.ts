// A warning or error printed during a test fails that test: it usually means a real problem.
import { afterEach, beforeEach, vi } from "vitest";

const messages: string[] = [];
beforeEach(() => {
  messages.length = 0;
  for (const level of ["error", "warn"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      messages.push(`console.${level}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  if (messages.length) throw new Error(`Unexpected console output:\n${messages.join("\n")}`);
});
