// Views of survey results: a chart and the same data as a table. Props are plain data, so this file
// needs nothing from the domain (docs/architecture.md: app/ui knows nothing of the domain).

import { TableScroll } from "~/ui/table-scroll";
import { BarChart } from "../charts/bar-chart";

export const nl = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? "–" : `${nl.format(Math.round(x * 1000) / 10)}%`;
}
export function interval(ci: { low: number; high: number } | null | undefined): string {
  return ci
    ? `${nl.format(Math.round(ci.low * 1000) / 10)}–${nl.format(Math.round(ci.high * 1000) / 10)}%`
    : "–";
}
export const SUPPRESSED = "minder dan 10";

interface Cell {
  value: string;
  label: string;
  count: number | null;
  percent: number | null;
  ci: { low: number; high: number } | null;
  weightedPercent: number | null;
  weightedCi: { low: number; high: number } | null;
  suppressed: boolean;
}
interface DistributionView {
  subKey: string;
  subLabel: string | null;
  base: number;
  shown: boolean;
  effectiveBase: number;
  cells: Cell[];
  mean: { unweighted: number; weighted: number } | null;
}
interface BreakdownView {
  variable: string;
  label: string;
  groups: {
    category: string;
    label: string;
    base: number | null;
    shown: boolean;
    cells: {
      value: string;
      label: string;
      count: number | null;
      percent: number | null;
      suppressed: boolean;
    }[];
  }[];
}
export interface QuestionView {
  key: string;
  text: string;
  type: string;
  distributions: DistributionView[];
  breakdowns: BreakdownView[];
}

/** A results table: scrollable and focusable, with its caption (also the scroll region's name). */
export function ResultsTable({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table className="utrecht-table wmh-results-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}

/** The classes of a header cell, a cell and a cell with a number. */
export const th = "utrecht-table__header-cell";
export const td = "utrecht-table__cell";
export const tdNum = "utrecht-table__cell utrecht-table__cell--numeric";

export function DistributionTable({ d, caption }: { d: DistributionView; caption: string }) {
  return (
    <ResultsTable caption={caption}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={th}>
            Antwoord
          </th>
          <th scope="col" className={th}>
            Aantal
          </th>
          <th scope="col" className={th}>
            Ongewogen
          </th>
          <th scope="col" className={th}>
            95%-interval
          </th>
          <th scope="col" className={th}>
            Gewogen
          </th>
          <th scope="col" className={th}>
            95%-interval gewogen
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {d.cells.map((c) => (
          <tr key={c.value} className="utrecht-table__row">
            <th scope="row" className={td}>
              {c.label}
            </th>
            {c.suppressed ? (
              <td className={td} colSpan={5}>
                {SUPPRESSED}
              </td>
            ) : (
              <>
                <td className={tdNum}>{c.count}</td>
                <td className={tdNum}>{pct(c.percent)}</td>
                <td className={tdNum}>{interval(c.ci)}</td>
                <td className={tdNum}>{pct(c.weightedPercent)}</td>
                <td className={tdNum}>{interval(c.weightedCi)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}

export function QuestionResultView({
  q,
  headingLevel = 3,
  showBreakdowns = true,
}: {
  q: QuestionView;
  headingLevel?: 2 | 3 | 4;
  showBreakdowns?: boolean;
}) {
  const H = `h${headingLevel}` as const;
  return (
    <section className="wmh-question-result" aria-labelledby={`vraag-${q.key}`}>
      <H id={`vraag-${q.key}`} className={`utrecht-heading-${headingLevel}`}>
        {q.text}
      </H>
      {q.distributions.map((d) => {
        const caption = `${d.subLabel ? `${d.subLabel}: ` : ""}antwoorden van ${d.shown ? d.base : SUPPRESSED} respondenten${
          d.shown ? ` (effectief ${nl.format(Math.round(d.effectiveBase))} na weging)` : ""
        }`;
        if (!d.shown)
          return (
            <p key={d.subKey} className="utrecht-paragraph">
              {d.subLabel ? `${d.subLabel}: ` : ""}minder dan 10 antwoorden; niet getoond.
            </p>
          );
        return (
          <div key={d.subKey} className="wmh-distribution">
            {d.subLabel ? <p className="utrecht-paragraph wmh-sublabel">{d.subLabel}</p> : null}
            {d.mean ? (
              <p className="utrecht-paragraph">
                Gemiddeld {nl.format(d.mean.unweighted)} (gewogen {nl.format(d.mean.weighted)}).
              </p>
            ) : null}
            {d.cells.length > 0 ? (
              <>
                <BarChart
                  description={`Staafdiagram van ${caption}; de cijfers staan in de tabel hieronder.`}
                  compareLabel="gewogen"
                  bars={d.cells.map((c) => ({
                    label: c.label,
                    value: c.percent,
                    low: c.ci?.low,
                    high: c.ci?.high,
                    compare: c.weightedPercent,
                  }))}
                />
                <DistributionTable d={d} caption={caption} />
              </>
            ) : null}
          </div>
        );
      })}
      {showBreakdowns && q.breakdowns.length > 0 && q.distributions[0]?.shown ? (
        <details className="wmh-breakdowns">
          <summary>Uitsplitsing naar leeftijd, woonsituatie, wijk en huishouden</summary>
          {q.breakdowns.map((b) => (
            <BreakdownTable key={b.variable} b={b} question={q.text} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function BreakdownTable({ b, question }: { b: BreakdownView; question: string }) {
  const values = b.groups[0]?.cells ?? [];
  return (
    <ResultsTable caption={`${question}, naar ${b.label.toLowerCase()} (percentage per groep, ongewogen)`}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={th}>
            {b.label}
          </th>
          <th scope="col" className={th}>
            Aantal
          </th>
          {values.map((v) => (
            <th key={v.value} scope="col" className={th}>
              {v.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {b.groups.map((g) => (
          <tr key={g.category} className="utrecht-table__row">
            <th scope="row" className={td}>
              {g.label}
            </th>
            {g.shown ? (
              <>
                <td className={tdNum}>{g.base}</td>
                {g.cells.map((c) => (
                  <td key={c.value} className={tdNum}>
                    {c.suppressed ? SUPPRESSED : pct(c.percent)}
                  </td>
                ))}
              </>
            ) : (
              <td className={td} colSpan={values.length + 1}>
                {SUPPRESSED} respondenten in deze groep
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}

export interface RepresentativenessView {
  variable: string;
  label: string;
  rows: {
    category: string;
    label: string;
    respondents: number | null;
    sampleShare: number | null;
    weightedShare: number | null;
    populationShare: number | null;
    suppressed: boolean;
  }[];
}

export function RepresentativenessTable({ r }: { r: RepresentativenessView }) {
  return (
    <>
      <BarChart
        description={`Staafdiagram: respondenten en inwoners naar ${r.label.toLowerCase()}; de cijfers staan in de tabel hieronder.`}
        compareLabel="inwoners van Heemstede"
        bars={r.rows.map((row) => ({
          label: row.label,
          value: row.sampleShare,
          compare: row.populationShare,
        }))}
      />
      <ResultsTable caption={`Respondenten en inwoners naar ${r.label.toLowerCase()}`}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={th}>
              {r.label}
            </th>
            <th scope="col" className={th}>
              Respondenten
            </th>
            <th scope="col" className={th}>
              Aandeel respondenten
            </th>
            <th scope="col" className={th}>
              Na weging
            </th>
            <th scope="col" className={th}>
              Aandeel inwoners
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {r.rows.map((row) => (
            <tr key={row.category} className="utrecht-table__row">
              <th scope="row" className={td}>
                {row.label}
              </th>
              <td className={tdNum}>{row.suppressed ? SUPPRESSED : row.respondents}</td>
              <td className={tdNum}>{row.suppressed ? "–" : pct(row.sampleShare)}</td>
              <td className={tdNum}>{row.suppressed ? "–" : pct(row.weightedShare)}</td>
              <td className={tdNum}>{pct(row.populationShare)}</td>
            </tr>
          ))}
        </tbody>
      </ResultsTable>
    </>
  );
}

/** Map-point answers as a list: counts per place (hidden under 10) and the comments. */
export interface MapPointListData {
  places: { label: string; count: number | null }[];
  /** Answers without a listed place; null when suppressed. */
  elsewhere: number | null;
  comments: { location: string | null; comment: string }[];
  commentCount: number;
}

export function MapPointList({ summary, caption }: { summary: MapPointListData; caption: string }) {
  const { places, elsewhere, comments, commentCount } = summary;
  return (
    <>
      <TableScroll label={`${caption}: gekozen plekken`}>
        <table className="utrecht-table wmh-results-table">
          <caption className="utrecht-table__caption">{caption}: gekozen plekken</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Plek
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Aantal
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {places.map((p) => (
              <tr key={p.label} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__cell">
                  {p.label}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  {p.count === null ? SUPPRESSED : p.count}
                </td>
              </tr>
            ))}
            {elsewhere !== 0 ? (
              <tr className="utrecht-table__row">
                <th scope="row" className="utrecht-table__cell">
                  Zelf aangewezen op de kaart
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  {elsewhere === null ? SUPPRESSED : elsewhere}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      {commentCount > 0 ? (
        <details>
          <summary>Toelichtingen ({commentCount})</summary>
          {commentCount > comments.length ? (
            <p className="utrecht-paragraph">
              De eerste {comments.length} toelichtingen. Alle toelichtingen staan in de export.
            </p>
          ) : null}
          <ul>
            {comments.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list that never reorders
              <li key={i}>
                {p.location ? <span className="wmh-tag">{p.location}</span> : null}
                {p.comment}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
