// The parts of an agreement page shared by the public page and the partners' and staff pages.
import type { ReactNode } from "react";
import {
  kindLabels,
  type Prioriteit,
  prioriteitLabels,
  type Stoplicht,
  tertiaalLabel,
  type UpdateStatus,
  updateStatusLabels,
} from "~/domain/monitor/vocabulary";
import { formatDate, formatDateTime } from "~/ui/content";
import { DocumentText, StoplichtBadge } from "./stoplicht";

interface AgreementLike {
  key: string;
  number: string;
  kind: "kader" | "jaar";
  theme: number;
  subThemeLabel: string | null;
  firstYear: number;
  lastYear: number;
  prioriteit: Prioriteit | null;
  prioriteitAsWritten: string | null;
  partiesAsWritten: string | null;
}

export function AgreementFacts({
  agreement,
  parties,
  years,
  basePath,
}: {
  agreement: AgreementLike;
  parties: { organisationId: string; name: string; role: "trekker" | "party" }[];
  years: { id: number; firstYear: number; lastYear: number }[];
  basePath: string;
}) {
  const trekkers = parties.filter((p) => p.role === "trekker").map((p) => p.name);
  const others = parties.filter((p) => p.role === "party").map((p) => p.name);
  const period =
    agreement.firstYear === agreement.lastYear
      ? String(agreement.firstYear)
      : `${agreement.firstYear} tot en met ${agreement.lastYear}`;
  return (
    <dl className="wmh-facts">
      <dt>Soort</dt>
      <dd>
        {kindLabels[agreement.kind]} ({period})
      </dd>
      <dt>Thema</dt>
      <dd>
        {agreement.theme}
        {agreement.subThemeLabel ? `, ${agreement.subThemeLabel}` : ""}
      </dd>
      <dt>Trekker</dt>
      <dd>{trekkers.join(", ") || "Niet genoemd"}</dd>
      {others.length ? (
        <>
          <dt>Andere partijen</dt>
          <dd>{others.join(", ")}</dd>
        </>
      ) : null}
      {agreement.prioriteit || agreement.prioriteitAsWritten ? (
        <>
          <dt>Prioriteit</dt>
          <dd>
            {agreement.prioriteit ? prioriteitLabels[agreement.prioriteit] : null}
            {agreement.prioriteitAsWritten &&
            agreement.prioriteitAsWritten !==
              (agreement.prioriteit ? prioriteitLabels[agreement.prioriteit] : "")
              ? ` (in de monitor: ${agreement.prioriteitAsWritten})`
              : null}
          </dd>
        </>
      ) : null}
      {years.length > 1 ? (
        <>
          <dt>Loopt in</dt>
          <dd>
            {years.map((y, i) => (
              <span key={y.id}>
                {i > 0 ? ", " : ""}
                <a className="utrecht-link" href={`${basePath}/${y.id}`}>
                  {y.firstYear}
                </a>
              </span>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export interface TimelineItem {
  id: number;
  year: number;
  tertiaal: number;
  organisationName: string;
  stoplicht: Stoplicht;
  explanation: string;
  authorName: string;
  createdAt: string | Date;
  status: UpdateStatus;
  reviewNote: string | null;
}

export function Timeline({
  entries,
  showStatus,
  actions,
}: {
  entries: TimelineItem[];
  showStatus: boolean;
  actions?: (entry: TimelineItem) => ReactNode;
}) {
  return (
    <ol className="wmh-timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <h3 className="utrecht-heading-3">{tertiaalLabel(e.year, e.tertiaal)}</h3>
          <p className="utrecht-paragraph">
            <StoplichtBadge stoplicht={e.stoplicht} />
          </p>
          <DocumentText text={e.explanation} />
          <p className="utrecht-paragraph wmh-meta">
            {e.organisationName} · {e.authorName} · {formatDateTime(e.createdAt)}
          </p>
          {showStatus ? (
            <p className="utrecht-paragraph">
              <strong>{updateStatusLabels[e.status]}</strong>
              {e.reviewNote ? `: ${e.reviewNote}` : ""}
            </p>
          ) : null}
          {actions?.(e)}
        </li>
      ))}
    </ol>
  );
}

export function Reactions({
  reactions,
}: {
  reactions: {
    id: number;
    year: number;
    tertiaal: number;
    organisationName: string;
    text: string;
    authorName: string;
    updatedAt: string | Date;
  }[];
}) {
  return (
    <ul className="wmh-agreement-list">
      {reactions.map((r) => (
        <li key={r.id}>
          <h3 className="utrecht-heading-3">
            {r.organisationName}, {tertiaalLabel(r.year, r.tertiaal).toLowerCase()}
          </h3>
          <DocumentText text={r.text} />
          <p className="utrecht-paragraph wmh-meta">
            {r.authorName} · {formatDate(r.updatedAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
