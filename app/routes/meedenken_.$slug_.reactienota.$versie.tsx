import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consultationPublic } from "~/domain/consultation/pages.server";
import { NotaView } from "~/ui/consultation/nota-view";
import consultationCss from "~/ui/consultation.css?url";
import { formatDate, Heading, Paragraph } from "~/ui/content";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reactienota ${data?.title ?? ""} - Wij maken Heemstede` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const version = Number(params.versie);
  if (!Number.isInteger(version) || version <= 0)
    throw new Response("Deze reactienota bestaat niet", { status: 404 });
  const page = await consultationPublic.nota(params.slug ?? "", version);
  if (!page) throw new Response("Deze reactienota bestaat niet (nog niet)", { status: 404 });
  return {
    title: page.title,
    project: page.project,
    version: page.version.number,
    publishedAt: page.version.notaPublishedAt!.toISOString(),
    nota: page.nota,
  };
}

export default function PublicNota() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="wmh-stack wmh-article" aria-labelledby="nota-title">
      <p className="wmh-meta wmh-no-print">
        <Link to={`/meedenken/${d.project.slug}`} className="utrecht-link">
          {d.project.title}
        </Link>{" "}
        /{" "}
        <Link to={`/meedenken/${d.project.slug}/document?versie=${d.version}`} className="utrecht-link">
          document
        </Link>{" "}
        / reactienota
      </p>
      <Heading level={1} id="nota-title">
        Reactienota: {d.title}, versie {d.version}
      </Heading>
      <Paragraph lead>
        In deze nota leest u per alinea welke reacties er kwamen, het antwoord van de gemeente en wat zij
        ermee doet. Gepubliceerd op {formatDate(d.publishedAt)}. U kunt deze pagina afdrukken.
      </Paragraph>
      <NotaView {...d.nota} />
    </article>
  );
}
