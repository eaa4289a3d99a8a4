import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicNewsItem } from "~/domain/news/news.server";
import { DemoBadge, formatDate, Heading, Paragraph } from "~/ui/content";
import informedCss from "~/ui/informed.css?url";
import { NewsBody, NewsImage } from "~/ui/news";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: informedCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Nieuws"} - Wij maken Heemstede` },
  { name: "description", content: data?.summary ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await publicNewsItem(params.slug ?? "");
  if (!found) throw new Response("Dit bericht bestaat niet", { status: 404 });
  const { item } = found;
  return {
    title: item.title,
    summary: item.summary,
    body: item.body,
    publishAt: item.publishAt!.toISOString(),
    isDemo: item.isDemo,
    project: found.projectSlug ? { slug: found.projectSlug, title: found.projectTitle! } : null,
    image: found.image && item.imageAlt ? { image: found.image, alt: item.imageAlt } : null,
  };
}

export default function NewsItem() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="wmh-stack wmh-article">
      <p className="wmh-meta">
        <Link to="/actueel" className="utrecht-link">
          Actueel
        </Link>
      </p>
      <Heading level={1}>
        {d.title} {d.isDemo ? <DemoBadge /> : null}
      </Heading>
      <p className="wmh-meta">
        Gepubliceerd op <time dateTime={d.publishAt}>{formatDate(d.publishAt)}</time>
      </p>
      <Paragraph lead>{d.summary}</Paragraph>
      {d.image ? <NewsImage image={d.image.image} alt={d.image.alt} /> : null}
      <NewsBody body={d.body} />
      {d.project ? (
        <Paragraph>
          Dit bericht hoort bij het project{" "}
          <Link to={`/meedenken/${d.project.slug}`} className="utrecht-link">
            {d.project.title}
          </Link>
          .
        </Paragraph>
      ) : null}
    </article>
  );
}
