import { Link } from "@remix-run/react";

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
