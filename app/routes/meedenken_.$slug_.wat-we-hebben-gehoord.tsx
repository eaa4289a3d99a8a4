import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, useLoaderData } from "@remix-run/react";
import { projectResults } from "~/domain/heard/heard.server";
import { Heading, Paragraph, TextLink } from "~/ui/content";
import informedCss from "~/ui/informed.css?url";
import { PublicResults } from "~/ui/insights/public-results";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: insightsCss },
  { rel: "stylesheet", href: informedCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Wat we hebben gehoord: ${data?.project.title ?? "project"} - Wij maken Heemstede` },
];
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await projectResults(params.slug ?? "");
  if (!page) throw new Response("Dit project bestaat niet", { status: 404 });
  return data(page, { headers: { "Cache-Control": "public, max-age=60" } });
}

export default function ProjectResultsPublic() {
  const { project, results } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <p className="wmh-kicker">{project.title}</p>
      <Heading level={1}>Wat we hebben gehoord</Heading>
      <Paragraph lead>Wat inwoners ons vertelden in dit project, en wat de gemeente daarmee doet.</Paragraph>
      <Paragraph>
        <TextLink to={`/meedenken/${project.slug}`}>Terug naar het project {project.title}</TextLink>
      </Paragraph>
      {results.length === 0 ? (
        <Paragraph>
          Er zijn nog geen resultaten. Wij zetten ze hier zodra een vragenlijst gesloten is en wij alle
          antwoorden hebben bekeken. Wilt u een bericht als ze er zijn? Volg dan dit project via{" "}
          <TextLink to="/blijf-op-de-hoogte">Blijf op de hoogte</TextLink>.
        </Paragraph>
      ) : (
        results.map((r) => (
          <section key={r.surveySlug} aria-labelledby={`enquete-${r.surveySlug}`} className="wmh-stack">
            <Heading level={2} id={`enquete-${r.surveySlug}`}>
              {r.surveyTitle}
            </Heading>
            <PublicResults r={r} headingLevel={3} />
          </section>
        ))
      )}
    </div>
  );
}
