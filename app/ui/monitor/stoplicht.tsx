// The stoplicht in the monitor: always a shape and a text label next to the colour (WCAG 1.4.1), and
// server-rendered stacked bars whose figures are repeated in a table. No client JavaScript needed.
import { useId } from "react";
import type { Counts } from "~/domain/monitor/rules";
import { barWidths } from "~/domain/monitor/rules";
import { STOPLICHTEN, type Stoplicht, type StoplichtShape, stoplichtInfo } from "~/domain/monitor/vocabulary";
import { TableScroll } from "~/ui/table-scroll";

function ShapePath({ shape }: { shape: StoplichtShape }) {
  switch (shape) {
    case "circle":
      return <circle cx="8" cy="8" r="6.5" fill="currentColor" />;
    case "triangle":
      return <polygon points="8,1 15,15 1,15" fill="currentColor" />;
    case "square":
      return <rect x="1.5" y="1.5" width="13" height="13" fill="currentColor" />;
    case "check":
      return (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.3 8.3l2.5 2.5 5-5.2" stroke="#fff" strokeWidth="2" fill="none" />
        </>
      );
    case "cross":
      return <path d="M2.5 2.5l11 11M13.5 2.5l-11 11" stroke="currentColor" strokeWidth="3" fill="none" />;
    case "dash":
      return (
        <>
          <circle
            cx="8"
            cy="8"
            r="6"
            stroke="currentColor"
            strokeWidth="2"
            strokeDasharray="3 2"
            fill="none"
          />
          <path d="M5 8h6" stroke="currentColor" strokeWidth="2" />
        </>
      );
  }
}

export function StoplichtShapeIcon({ stoplicht }: { stoplicht: Stoplicht }) {
  return (
    <svg
      className={`wmh-sl-icon wmh-sl--${stoplicht}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <ShapePath shape={stoplichtInfo[stoplicht].shape} />
    </svg>
  );
}

/** Shape + label, e.g. "▲ Geel". */
export function StoplichtBadge({ stoplicht }: { stoplicht: Stoplicht }) {
  return (
    <span className={`wmh-sl wmh-sl--${stoplicht}`}>
      <StoplichtShapeIcon stoplicht={stoplicht} />
      <span className="wmh-sl-label">{stoplichtInfo[stoplicht].label}</span>
    </span>
  );
}

export function StoplichtLegend() {
  return (
    <ul className="wmh-sl-legend" aria-label="Betekenis van de stoplichten">
      {STOPLICHTEN.map((s) => (
        <li key={s}>
          <StoplichtBadge stoplicht={s} />: {stoplichtInfo[s].meaning.toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

export interface CountRow {
  label: string;
  counts: Counts;
}

/** One stacked bar per row; each part shows its shape and count. Hidden from screen readers: the table has the figures. */
export function StoplichtBars({ rows }: { rows: CountRow[] }) {
  return (
    <div className="wmh-sl-bars" aria-hidden="true">
      {rows.map((row) => (
        <div className="wmh-sl-bar-row" key={row.label}>
          <div className="wmh-sl-bar-label">
            {row.label} <span className="wmh-sl-bar-total">({row.counts.total})</span>
          </div>
          <div className="wmh-sl-bar">
            {barWidths(row.counts).map((part) => (
              <span
                key={part.stoplicht}
                className={`wmh-sl-bar-part wmh-sl-bg--${part.stoplicht}`}
                style={{ width: `${part.percent}%` }}
                title={`${stoplichtInfo[part.stoplicht].label}: ${part.count}`}
              >
                <StoplichtShapeIcon stoplicht={part.stoplicht} />
                <span>{part.count}</span>
              </span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The same figures as a table: the accessible and printable form of the chart. */
export function StoplichtTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: CountRow[];
}) {
  const captionId = useId();
  return (
    // A narrow screen scrolls the table, not the page; the region can be reached with Tab (axe
    // scrollable-region-focusable) and is named by the table's caption.
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table wmh-sl-table">
        <caption className="utrecht-table__caption" id={captionId}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {rowHeader}
            </th>
            {STOPLICHTEN.map((s) => (
              <th scope="col" className="utrecht-table__header-cell wmh-num" key={s}>
                <StoplichtBadge stoplicht={s} />
              </th>
            ))}
            <th scope="col" className="utrecht-table__header-cell wmh-num">
              Totaal
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr className="utrecht-table__row" key={row.label}>
              <th scope="row" className="utrecht-table__header-cell">
                {row.label}
              </th>
              {STOPLICHTEN.map((s) => (
                <td className="utrecht-table__cell wmh-num" key={s}>
                  {row.counts[s]}
                </td>
              ))}
              <td className="utrecht-table__cell wmh-num">{row.counts.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Text with paragraphs ("\n\n") and lines ("\n") from the documents. */
export function DocumentText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
        <p className="utrecht-paragraph wmh-pre-line" key={i}>
          {para}
        </p>
      ))}
    </>
  );
}
