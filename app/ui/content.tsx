import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

// Pagination has its own module (re-exported here): pages that do not list things do not download it.
export { Pagination } from "./pagination";

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
