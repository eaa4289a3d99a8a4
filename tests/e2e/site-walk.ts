import type { Page } from "playwright-core";
import { accessibilityViolations, sidewaysScroll, waitForHydration } from "./support";

// Walks a set of pages given as templates ("/beheer/inspraak/:id/reacties") and collects, per page
// and width, what is wrong: a status of 400 or more, a page error (with its address), sideways
// scrolling (WCAG 1.4.10) and axe violations (WCAG 2.1 AA). A parameter is filled with the first
// id linked from the page above it in the demo data, so no list of ids has to be kept by hand.
// Used by every-staff-page.e2e.ts and every-public-page.e2e.ts.

/** A Remix route id or file name ("beheer.inspraak_.$id_.reacties") as a template
 * ("/beheer/inspraak/:id/reacties"); index and optional segments dropped. */
export function pathOf(routeId: string): string {
  const segments = routeId
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index" && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^_|_$/g, ""))
    .filter((s) => s !== "")
    .map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s));
  return `/${segments.join("/")}`;
}

export interface WalkOptions {
  /** Where links to a parameter's values are when neither the list nor the page above it has
   * them: [list pattern, page to look on, link prefix there (the list itself when not given)]. */
  via?: [RegExp, (list: string) => string, string?][];
  /** Templates whose list may be empty in a fresh demo; skipped then instead of reported. */
  mayBeEmpty?: Set<string>;
}

/** Path segments that are pages of their own, not ids. */
const NOT_IDS = new Set(["nieuw", "import", "importeren", "rondes", "routering", "afdrukken", "export"]);

export class SiteWalk {
  private readonly ids = new Map<string, string[]>();

  constructor(
    private readonly page: Page,
    private readonly options: WalkOptions = {},
  ) {
    // Page errors are collected (with the address) instead of failing at once, also on the pages
    // opened only to find an id.
    page.removeAllListeners("pageerror");
    page.on("pageerror", (error) => this.errors.push(`${page.url()}: page error ${error.message}`));
  }

  private errors: string[] = [];

  /** The ids linked from the list before a parameter (at most ten), in page order. */
  private async idsFor(list: string): Promise<string[]> {
    const known = this.ids.get(list);
    if (known !== undefined) return known;
    const places: [string, string][] = [
      [list, list],
      // For "/beheer/enquetes/1/vraag/:pagina": the page above links there.
      [list.slice(0, list.lastIndexOf("/")) || "/", list],
      ...(this.options.via ?? [])
        .filter(([pattern]) => pattern.test(list))
        .map(([, at, prefix]) => [at(list), prefix ?? list] as [string, string]),
    ];
    let ids: string[] = [];
    for (const [at, prefix] of places) {
      const res = await this.page.goto(at);
      if (!res || res.status() >= 400) continue;
      const hrefs = await this.page
        .locator(`a[href^="${prefix}/"]`)
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      const found = hrefs
        .map((h) => new RegExp(`^${prefix}/([^/?#]+)`).exec(h ?? "")?.[1])
        .filter((s): s is string => !!s && !NOT_IDS.has(s));
      ids = [...new Set(found)].slice(0, 10);
      if (ids.length > 0) break;
    }
    this.ids.set(list, ids);
    return ids;
  }

  /**
   * The template with its parameters filled, or null when none of the linked ids gives a page:
   * "/meedenken/:slug/wijzigingen" tries the linked slugs until one has a changes page (a project
   * without a consultation has none).
   */
  async resolve(template: string): Promise<string | null> {
    const i = template.split("/").findIndex((part) => part.startsWith(":"));
    if (i < 0) return template;
    const parts = template.split("/");
    for (const id of await this.idsFor(parts.slice(0, i).join("/"))) {
      const rest = await this.resolve([...parts.slice(0, i), id, ...parts.slice(i + 1)].join("/"));
      if (!rest) continue;
      // Only "not found" means "try the next id"; any other failure is reported by check().
      const res = await this.page.goto(rest);
      if (res?.status() !== 404) return rest;
    }
    return null;
  }

  /** Visits every template at one width; returns the addresses visited and every problem found. */
  async check(templates: string[], width: number): Promise<{ visited: string[]; problems: string[] }> {
    await this.page.setViewportSize({ width, height: 800 });
    const visited: string[] = [];
    const problems: string[] = [];
    for (const template of templates) {
      const url = await this.resolve(template);
      if (!url) {
        if (!this.options.mayBeEmpty?.has(template)) problems.push(`${template}: no demo item to open`);
        continue;
      }
      const res = await this.page.goto(url);
      visited.push(url);
      if (!res || res.status() >= 400) {
        problems.push(`${url}: status ${res?.status()}`);
      } else {
        await waitForHydration(this.page).catch(() => {});
        const scroll = await sidewaysScroll(this.page, url);
        if (scroll) problems.push(scroll);
        for (const v of await accessibilityViolations(this.page))
          problems.push(`${url} at ${width} px: ${v}`);
        for (const text of await this.page.evaluate(garbledText))
          problems.push(`${url}: garbled text ${JSON.stringify(text)}`);
      }
    }
    problems.push(...this.errors.splice(0));
    return { visited, problems };
  }
}

/**
 * Text a screen reader or a visitor would get from a template slip ("[object Object]", "undefined",
 * a label with line breaks): visible text and the names that assistive technology reads.
 */
function garbledText(): string[] {
  const bad = /\[object Object\]|\bundefined\b|\bNaN\b/;
  const found: string[] = [];
  for (const el of document.querySelectorAll("[aria-label], [title], [alt]"))
    for (const name of ["aria-label", "title", "alt"]) {
      const value = el.getAttribute(name);
      if (value && (bad.test(value) || /\n/.test(value))) found.push(`${name}=${value}`);
    }
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, without scripts and hidden parts
  const body = document.body?.innerText ?? "";
  for (const m of body.matchAll(/[^\n]*(\[object Object\]|\bundefined\b|\bNaN\b)[^\n]*/g)) found.push(m[0]);
  return found;
}
