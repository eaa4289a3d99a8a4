import { Link } from "@remix-run/react";
import { DemoBadge } from "../content";

/** What a card shows of one initiative. */
export interface InitiativeSummary {
  id: string;
  title: string;
  summary: string;
  themeLabel: string;
  statusLabel: string;
  wijkName: string | null;
  isDemo: boolean;
}

/** One initiative in a list (map page, home page): title as link, then theme, status and wijk in text. */
export function InitiativeCard(props: {
  initiative: InitiativeSummary;
  headingLevel: 2 | 3;
  /** False: say in text that this one has no marker on the map. */
  onMap?: boolean;
}) {
  const i = props.initiative;
  const Tag = `h${props.headingLevel}` as const;
  const summary = i.summary.length > 220 ? `${i.summary.slice(0, 217).trimEnd()}…` : i.summary;
  return (
    <li className="wmh-card">
      <Tag className={`utrecht-heading-${props.headingLevel + 1}`}>
        <Link to={`/initiatieven/${i.id}`} className="utrecht-link">
          {i.title}
        </Link>{" "}
        {i.isDemo ? <DemoBadge /> : null}
      </Tag>
      <ul className="wmh-initiative-meta">
        <li>
          <span className="wmh-visually-hidden">Thema: </span>
          {i.themeLabel}
        </li>
        <li>Status: {i.statusLabel}</li>
        {i.wijkName ? <li>Wijk: {i.wijkName}</li> : null}
        {props.onMap === false ? <li>Niet op de kaart</li> : null}
      </ul>
      <p className="utrecht-paragraph">{summary}</p>
    </li>
  );
}
