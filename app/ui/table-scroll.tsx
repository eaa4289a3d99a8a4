import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen: the table scrolls sideways inside this region, never the page
 * (WCAG 1.4.10). The region is reachable with Tab so keyboard users can scroll it (axe
 * scrollable-region-focusable), and is named after the table: give the caption's text as `label`,
 * or the caption's id as `labelledBy`. Styles: `.wmh-table-scroll` in heemstede.css (the survey
 * page's blocks use the class directly, to keep this module out of its JavaScript).
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: { children: ReactNode } & (
  | { label: string; labelledBy?: never }
  | { labelledBy: string; label?: never }
)) {
  return (
    <section
      className="wmh-table-scroll"
      aria-label={label}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  );
}
