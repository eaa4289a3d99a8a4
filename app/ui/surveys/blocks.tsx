import type { Block } from "~/domain/surveys/definition";

// Woon-DNA blocks: short text, or key figures as a server-rendered SVG bar chart with the same
// figures in a table (the table is what screen readers and printouts use).

const nf = new Intl.NumberFormat("nl-NL");

function formatFigure(value: number, unit?: string) {
  if (!unit) return nf.format(value);
  return unit === "%" ? `${nf.format(value)}%` : `${nf.format(value)} ${unit}`;
}

export function BarChart({ figures }: { figures: { label: string; value: number; unit?: string }[] }) {
  const max = Math.max(...figures.map((f) => Math.abs(f.value)), 1);
  const rowHeight = 34;
  const labelWidth = 0;
  const width = 600;
  const height = figures.length * rowHeight + 8;
  return (
    <svg
      className="wmh-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      aria-hidden="true"
      focusable="false"
    >
      {figures.map((f, i) => {
        const barWidth = Math.max(2, (Math.abs(f.value) / max) * (width - labelWidth - 140));
        const y = i * rowHeight + 4;
        return (
          <g key={f.label}>
            <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 12} className="wmh-chart__bar" />
            <text x={labelWidth + barWidth + 8} y={y + rowHeight / 2} className="wmh-chart__value">
              {formatFigure(f.value, f.unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function InfoBlock({ block, headingLevel = 2 }: { block: Block; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
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
        <div className="wmh-table-wrap">
          <table className="utrecht-table wmh-figures__table">
            <caption className="wmh-visually-hidden">{block.title}</caption>
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
        </div>
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
