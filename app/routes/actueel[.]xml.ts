import { publicFeed } from "~/domain/news/news.server";

// /actueel.xml — Atom feed of the published news items.
export async function loader() {
  return new Response(await publicFeed(), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
