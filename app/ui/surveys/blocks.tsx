import { useId } from "react";
import type { Block } from "~/domain/surveys/definition";

// Woon-DNA blocks: short text, or key figures as a server-rendered SVG bar chart with the same
// figures in a table (the table is what screen readers and printouts use).

const nf = new Intl.NumberFormat("nl-NL");

function formatFigure(value: number, unit?: string) {
  if (!unit) return nf.format(value);
  return unit === "%" ? `${nf.format(value)}%` : `${nf.format(value)} ${unit}`;
}

/**
 * Bars in HTML so labels wrap instead of being cut off. Drawn from zero: percentages against 100%
 * (a 68% bar fills 68% of the track), other figures against the largest. The table below holds
 * the same figures for screen readers, so the chart itself is hidden from them.
 */
export function BarChart({ figures }: { figures: { label: string; value: number; unit?: string }[] }) {
  const max = figures.every((f) => f.unit === "%")
    ? Math.max(100, ...figures.map((f) => Math.abs(f.value)))
    : Math.max(...figures.map((f) => Math.abs(f.value)), 1);
  return (
    <ul className="wmh-bars" aria-hidden="true">
      {figures.map((f) => (
        <li key={f.label} className="wmh-bars__row">
          <span className="wmh-bars__label">{f.label}</span>
          <span className="wmh-bars__line">
            <span className="wmh-bars__track">
              <span
                className="wmh-bars__bar"
                style={{ width: `${Math.min(100, (Math.abs(f.value) / max) * 100)}%` }}
              />
            </span>
            <span className="wmh-bars__value">{formatFigure(f.value, f.unit)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function InfoBlock({ block, headingLevel = 2 }: { block: Block; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  const captionId = useId();
  if (block.kind === "text")
    return (
      <section className="wmh-card wmh-card--muted wmh-info-block">
        {block.title ? <H className={`utrecht-heading-${headingLevel}`}>{block.title}</H> : null}
        {block.text.split(/\n{2,}/).map((p) => (
          <p key={p} className="utrecht-paragraph">
            {p}
          </p>
        ))}
      </section>
    );
  return (
    <section className="wmh-card wmh-info-block">
      <H className={`utrecht-heading-${headingLevel}`}>
        {block.title}
        {block.isExample ? <span className="wmh-example-badge"> Voorbeeldcijfers</span> : null}
      </H>
      {block.text ? <p className="utrecht-paragraph">{block.text}</p> : null}
      <div className="wmh-figures">
        {block.chart === "bar" ? <BarChart figures={block.figures} /> : null}
        {/* A narrow screen scrolls the table, not the page; the region can be reached with Tab. */}
        <section
          className="wmh-table-scroll"
          aria-labelledby={captionId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
          tabIndex={0}
        >
          <table className="utrecht-table wmh-figures__table">
            <caption id={captionId}>{block.title} in cijfers</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Onderwerp
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  Cijfer
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {block.figures.map((f) => (
                <tr key={f.label} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {f.label}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {formatFigure(f.value, f.unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {block.isExample ? (
        <p className="utrecht-paragraph wmh-source">
          Dit zijn voorbeeldcijfers. De gemeente vervangt ze door officiële cijfers.
        </p>
      ) : block.source ? (
        <p className="utrecht-paragraph wmh-source">Bron: {block.source}</p>
      ) : null}
    </section>
  );
}
