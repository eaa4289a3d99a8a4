// Page speed on a mid-range phone: Lighthouse's mobile profile (4× CPU slowdown, 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, empty cache) in Debian's Chromium. Prints FCP, LCP and bytes per page,
// the median of several runs, next to a baseline measured in the same run: the same page with the whole
// NL Design System CSS (what every page loaded before it was trimmed). Target: LCP <= 1.2 s.
// Run: npm run bench:pages [-- --runs 5]
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import { startAppServer } from "../tests/support/app-server";
import { benchDatabase } from "./database";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const pages = [
  ["home", "/"],
  ["quickscan", "/idee/nieuw"],
  ["survey", "/enquete/woonvisie"],
  ["initiatieven", "/initiatieven"],
] as const;
// Served gzipped, as the app serves its own CSS.
const fullCss = gzipSync(
  readFileSync("node_modules/@utrecht/design-tokens/dist/theme.css", "utf8") +
    readFileSync("node_modules/@utrecht/component-library-css/dist/index.css", "utf8"),
);

interface Sample {
  fcp: number;
  lcp: number;
  bytes: number;
}

async function measure(browser: Browser, url: string, fullLibraryCss: boolean): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
  });
  const page = await context.newPage();
  if (fullLibraryCss)
    await page.route(/nl-design-system-[^/]*\.css$/, (r) =>
      r.fulfill({ body: fullCss, contentType: "text/css", headers: { "Content-Encoding": "gzip" } }),
    );
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(500);
  const timing = await page.evaluate(
    () =>
      new Promise<{ fcp: number; lcp: number }>((resolve) => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve({ fcp, lcp: entries[entries.length - 1]?.startTime ?? Number.NaN });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return { ...timing, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  execSync("npx tsx app/cli/build-if-needed.ts", { stdio: "inherit" });
  const database = await benchDatabase("wmh_bench_pages", { migrate: false });
  const server = await startAppServer(database.url, { JOBS_ENABLED: "false" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    console.log(`Median of ${runs} runs, mobile profile (4x CPU, 150 ms RTT, 1.6 Mbit/s), empty cache.`);
    console.log("page          FCP ms   LCP ms    KB  | before: FCP ms  LCP ms    KB | LCP ratio now/before");
    for (const [name, path] of pages) {
      const now: Sample[] = [];
      const before: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate, so both see the same machine load.
        now.push(await measure(browser, server.baseUrl + path, false));
        before.push(await measure(browser, server.baseUrl + path, true));
      }
      const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
      const row = [
        name.padEnd(12),
        m(now, "fcp").toFixed(0).padStart(7),
        m(now, "lcp").toFixed(0).padStart(8),
        (m(now, "bytes") / 1024).toFixed(0).padStart(5),
        " |",
        m(before, "fcp").toFixed(0).padStart(13),
        m(before, "lcp").toFixed(0).padStart(7),
        (m(before, "bytes") / 1024).toFixed(0).padStart(5),
        " |",
        (m(now, "lcp") / m(before, "lcp")).toFixed(2).padStart(6),
        m(now, "lcp") <= 1200 ? "  target met" : "  over 1.2 s",
      ];
      console.log(row.join(" "));
    }
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
  }
}

await main();
process.exit(0);
