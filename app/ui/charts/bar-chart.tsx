// Server-rendered SVG charts. They know nothing of the domain: labels, values and optional intervals.
// Every chart is paired with a table holding the same data; the SVG is described as such for screen readers.

export interface Bar {
  label: string;
  /** Share 0..1 (or any value up to `max`); null draws nothing (e.g. suppressed). */
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** A second value drawn as a thin marker, e.g. the weighted share. */
  compare?: number | null;
}

const COLORS = { bar: "#00577a", whisker: "#1a1a1a", compare: "#b34700", grid: "#c5ced3", text: "#1a1a1a" };

function percent(x: number) {
  return `${Math.round(x * 100)}%`;
}

/** Horizontal bars with 95% interval whiskers; optional compare marker (weighted share). */
export function BarChart({
  bars,
  max = 1,
  description,
  compareLabel,
  format = percent,
}: {
  bars: Bar[];
  max?: number;
  /** Short text for screen readers, e.g. "Staafdiagram; de cijfers staan in de tabel hieronder." */
  description: string;
  compareLabel?: string;
  format?: (x: number) => string;
}) {
  const labelWidth = 220;
  const chartWidth = 360;
  const rowHeight = 28;
  const top = compareLabel ? 24 : 6;
  const height = top + bars.length * rowHeight + 22;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(v, max)) / max) * chartWidth;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  return (
    <svg
      className="wmh-chart"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${labelWidth + chartWidth + 60} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {compareLabel ? (
        <g>
          <rect x={labelWidth} y={6} width={10} height={10} fill={COLORS.bar} />
          <text x={labelWidth + 14} y={15} fontSize="11" fill={COLORS.text}>
            ongewogen (met 95%-interval)
          </text>
          <rect x={labelWidth + 190} y={4} width={3} height={14} fill={COLORS.compare} />
          <text x={labelWidth + 198} y={15} fontSize="11" fill={COLORS.text}>
            {compareLabel}
          </text>
        </g>
      ) : null}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={height - 18} stroke={COLORS.grid} strokeWidth="1" />
          <text x={x(t)} y={height - 4} fontSize="11" textAnchor="middle" fill={COLORS.text}>
            {format(t)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 18} fontSize="12" textAnchor="end" fill={COLORS.text}>
              {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
            </text>
            {b.value === null ? (
              <text x={labelWidth + 4} y={y + 18} fontSize="11" fill={COLORS.text}>
                minder dan 10
              </text>
            ) : (
              <>
                <rect
                  x={labelWidth}
                  y={y + 6}
                  width={x(b.value) - labelWidth}
                  height={16}
                  fill={COLORS.bar}
                />
                {b.low != null && b.high != null ? (
                  <g stroke={COLORS.whisker} strokeWidth="1.5">
                    <line x1={x(b.low)} x2={x(b.high)} y1={y + 14} y2={y + 14} />
                    <line x1={x(b.low)} x2={x(b.low)} y1={y + 9} y2={y + 19} />
                    <line x1={x(b.high)} x2={x(b.high)} y1={y + 9} y2={y + 19} />
                  </g>
                ) : null}
                {b.compare != null ? (
                  <rect x={x(b.compare) - 1.5} y={y + 3} width={3} height={22} fill={COLORS.compare} />
                ) : null}
                <text x={x(b.high ?? b.value) + 6} y={y + 18} fontSize="11" fill={COLORS.text}>
                  {format(b.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical columns, e.g. responses per week. */
export function ColumnChart({
  columns,
  description,
}: {
  columns: { label: string; value: number | null }[];
  description: string;
}) {
  const height = 180;
  const bottom = 30;
  const width = Math.max(300, columns.length * 48 + 40);
  const max = Math.max(1, ...columns.map((c) => c.value ?? 0));
  const colWidth = (width - 40) / Math.max(1, columns.length);
  return (
    <svg
      className="wmh-chart"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1={30} x2={width} y1={height - bottom} y2={height - bottom} stroke={COLORS.grid} />
      {columns.map((c, i) => {
        const h = c.value === null ? 0 : ((c.value ?? 0) / max) * (height - bottom - 20);
        const x = 34 + i * colWidth;
        return (
          <g key={c.label}>
            <rect x={x} y={height - bottom - h} width={colWidth * 0.7} height={h} fill={COLORS.bar} />
            <text
              x={x + colWidth * 0.35}
              y={height - bottom - h - 4}
              fontSize="11"
              textAnchor="middle"
              fill={COLORS.text}
            >
              {c.value === null ? "<10" : c.value}
            </text>
            <text
              x={x + colWidth * 0.35}
              y={height - 12}
              fontSize="10"
              textAnchor="middle"
              fill={COLORS.text}
            >
              {c.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
