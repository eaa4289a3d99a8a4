import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function Heading({ level, children, id }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`utrecht-heading-${level}`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={`utrecht-paragraph${lead ? " utrecht-paragraph--lead" : ""}`}>{children}</p>;
}

export function TextLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="utrecht-link utrecht-link--html-a">
      {children}
    </Link>
  );
}

export function ButtonLink({
  to,
  children,
  variant = "primary",
}: {
  to: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
}) {
  return (
    <Link
      to={to}
      className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${variant}-action`}
    >
      {children}
    </Link>
  );
}

export function Alert({
  type = "info",
  children,
  role,
}: {
  type?: "info" | "ok" | "warning" | "error";
  children: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={role ?? (type === "error" ? "alert" : "status")}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function DemoBadge() {
  return <span className="wmh-demo-badge">Demo</span>;
}

/** Page links that keep the other query parameters; works without JavaScript. */
export function Pagination({
  page,
  pageCount,
  searchParams,
  label = "Paginering",
}: {
  page: number;
  pageCount: number;
  searchParams: URLSearchParams;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("pagina", String(p));
    return `?${params.toString()}`;
  };
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  return (
    <nav className="wmh-pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} className="utrecht-link">
              Vorige<span className="wmh-visually-hidden"> pagina</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">
                <span className="wmh-visually-hidden">Pagina </span>
                {p}
              </span>
            ) : (
              <Link to={href(p)} className="utrecht-link">
                <span className="wmh-visually-hidden">Pagina </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} className="utrecht-link">
              Volgende<span className="wmh-visually-hidden"> pagina</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(value));
}

export function formatDate(value: string | Date): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(
    new Date(value),
  );
}
