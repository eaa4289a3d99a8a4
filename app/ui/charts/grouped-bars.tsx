// Grouped horizontal bars drawn with HTML and CSS (not SVG), so labels are real text that wraps on a
// phone and is never cut off. The scale starts at zero; the axis shows its end value. Each series has
// its own pattern (solid, outline, hatched) and its name next to every bar, so colour is never the only
// signal. Screen readers read the groups and values as text (legend and axis are hidden from them).

export interface BarSeries {
  key: string;
  label: string;
  pattern: "solid" | "outline" | "hatched";
}

export interface BarGroup {
  label: string;
  /** Value per series key; null = no figure (drawn as "–"). */
  values: Record<string, number | null>;
}

/** A round end for the scale, from zero: 1, 2, 2.5, 5 or 10 times a power of ten, at least the largest value. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function GroupedBars({
  title,
  series,
  groups,
  format,
  max,
  whole = false,
}: {
  title: string;
  series: BarSeries[];
  groups: BarGroup[];
  format: (value: number) => string;
  /** End of the scale; default: a round number at or above the largest value. */
  max?: number;
  /** Whole numbers (counts): the middle tick is left out when it would fall between two numbers. */
  whole?: boolean;
}) {
  const end =
    max ?? niceMax(Math.max(0, ...groups.flatMap((g) => Object.values(g.values).map((v) => v ?? 0))));
  const width = (v: number) => `${Math.max(0, Math.min(100, (v / end) * 100))}%`;
  return (
    <figure className="wmh-hbars">
      <figcaption className="wmh-hbars__title">{title}</figcaption>
      <div>
        <p className="wmh-hbars__legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.key} className="wmh-hbars__legend-item">
              <span className={`wmh-hbars__swatch wmh-hbars__bar--${s.pattern}`} />
              {s.label}
            </span>
          ))}
        </p>
        <ul className="wmh-hbars__groups">
          {groups.map((g) => (
            <li key={g.label} className="wmh-hbars__group">
              <span className="wmh-hbars__label">{g.label}</span>
              {series.map((s) => {
                const v = g.values[s.key] ?? null;
                return (
                  <span key={s.key} className="wmh-hbars__row">
                    <span className="wmh-hbars__track">
                      {v !== null && v > 0 ? (
                        <span
                          className={`wmh-hbars__bar wmh-hbars__bar--${s.pattern}`}
                          style={{ width: width(v) }}
                        />
                      ) : null}
                    </span>
                    <span className="wmh-hbars__value">
                      {s.label}: {v === null ? "–" : format(v)}
                    </span>
                  </span>
                );
              })}
            </li>
          ))}
        </ul>
        <p className="wmh-hbars__row wmh-hbars__axis" aria-hidden="true">
          <span className="wmh-hbars__ticks">
            <span>{format(0)}</span>
            {!whole || Number.isInteger(end / 2) ? <span>{format(end / 2)}</span> : null}
            <span>{format(end)}</span>
          </span>
        </p>
      </div>
    </figure>
  );
}
