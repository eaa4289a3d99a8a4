import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen: the table scrolls sideways inside this region, never the page
 * (WCAG 1.4.10). The region is reachable with Tab so keyboard users can scroll it (axe
 * scrollable-region-focusable), and is named after the table (give the caption's text).
 * Styles: `.wmh-table-scroll` in heemstede.css.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="wmh-table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
