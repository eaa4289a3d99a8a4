import { Link } from "@remix-run/react";
import { DemoBadge } from "../content";

/** One initiative in a list (map page, home page): title as link, then theme, status and wijk in text. */
export function InitiativeCard(props: {
  to: string;
  title: string;
  summary: string;
  theme: string;
  status: string;
  wijk: string | null;
  isDemo: boolean;
  headingLevel: 2 | 3;
  /** False: say in text that this one has no marker on the map. */
  onMap?: boolean;
}) {
  const Tag = `h${props.headingLevel}` as const;
  const summary = props.summary.length > 220 ? `${props.summary.slice(0, 217).trimEnd()}…` : props.summary;
  return (
    <li className="wmh-card">
      <Tag className={`utrecht-heading-${props.headingLevel + 1}`}>
        <Link to={props.to} className="utrecht-link">
          {props.title}
        </Link>{" "}
        {props.isDemo ? <DemoBadge /> : null}
      </Tag>
      <ul className="wmh-initiative-meta">
        <li>
          <span className="wmh-visually-hidden">Thema: </span>
          {props.theme}
        </li>
        <li>Status: {props.status}</li>
        {props.wijk ? <li>Wijk: {props.wijk}</li> : null}
        {props.onMap === false ? <li>Niet op de kaart</li> : null}
      </ul>
      <p className="utrecht-paragraph">{summary}</p>
    </li>
  );
}
