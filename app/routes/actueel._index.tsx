import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { newsProjectOptions, publicNewsPage } from "~/domain/news/news.server";
import { countPages, pageParam } from "~/lib/forms";
import { formatDate, Heading, Pagination, Paragraph } from "~/ui/content";
import informedCss from "~/ui/informed.css?url";
import { NewsImage } from "~/ui/news";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: informedCss },
  { rel: "alternate", type: "application/atom+xml", title: "Actueel (Atom)", href: "/actueel.xml" },
];
export const meta: MetaFunction = () => [{ title: "Actueel - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  const options = await newsProjectOptions(false);
  const wanted = url.searchParams.get("project") || null;
  const project = wanted ? (options.find((o) => o.slug === wanted) ?? null) : null;
  if (wanted && !project) throw new Response("Dit project bestaat niet", { status: 404 });
  const news = await publicNewsPage(page, project?.slug ?? null);
  const pageCount = countPages(news.total, news.pageSize);
  if (page > pageCount) throw new Response("Deze pagina bestaat niet", { status: 404 });
  return {
    page,
    pageCount,
    total: news.total,
    project: project ? { slug: project.slug, title: project.title } : null,
    projects: options.map((o) => ({ value: o.slug, label: o.title })),
    items: news.rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      publishAt: r.publishAt!.toISOString(),
      projectTitle: r.projectTitle,
      image: r.image && r.imageAlt ? { image: r.image, alt: r.imageAlt } : null,
    })),
  };
}

export default function Actueel() {
  const d = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Actueel</Heading>
      <Paragraph lead>
        Nieuws over meedenken en meedoen in Heemstede
        {d.project ? `, over het project ${d.project.title}` : ""}.
      </Paragraph>
      <Form method="get" className="wmh-filter">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="filter-project">
              Toon nieuws over
            </label>
          </div>
          <select
            id="filter-project"
            name="project"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={d.project?.slug ?? ""}
          >
            <option value="">Alle projecten</option>
            {d.projects.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Toon
        </button>
      </Form>
      <p className="wmh-meta" aria-live="polite">
        {d.total === 1 ? "1 bericht" : `${d.total} berichten`}
      </p>
      {d.items.length === 0 ? <Paragraph>Er zijn nog geen berichten.</Paragraph> : null}
      <ul className="wmh-plain-list">
        {d.items.map((n) => (
          <li key={n.slug} className="wmh-card">
            <Heading level={2}>
              <Link to={`/actueel/${n.slug}`} className="utrecht-link">
                {n.title}
              </Link>
            </Heading>
            <p className="wmh-meta">
              <time dateTime={n.publishAt}>{formatDate(n.publishAt)}</time>
              {n.projectTitle ? ` · ${n.projectTitle}` : null}
            </p>
            {n.image ? (
              <NewsImage image={n.image.image} alt={n.image.alt} sizes="(max-width: 40rem) 100vw, 20rem" />
            ) : null}
            <Paragraph>{n.summary}</Paragraph>
          </li>
        ))}
      </ul>
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        searchParams={searchParams}
        label="Pagina's met nieuws"
      />
      <Paragraph>
        <a href="/actueel.xml" className="utrecht-link">
          Volg dit nieuws in uw feedlezer (Atom)
        </a>
      </Paragraph>
    </div>
  );
}
