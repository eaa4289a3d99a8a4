import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, useLoaderData } from "@remix-run/react";
import { surveyResultsPage } from "~/domain/heard/heard.server";
import { Heading, Paragraph, TextLink } from "~/ui/content";
import informedCss from "~/ui/informed.css?url";
import { PublicResults } from "~/ui/insights/public-results";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: insightsCss },
  { rel: "stylesheet", href: informedCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Wat we hebben gehoord: ${data?.results.surveyTitle ?? "enquête"} - Wij maken Heemstede` },
];
// The content is the stored publication (computed once when staff publish); a short shared cache on top.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await surveyResultsPage(params.slug ?? "");
  if (!found)
    throw new Response("Van deze vragenlijst zijn (nog) geen resultaten gepubliceerd.", { status: 404 });
  return data(
    { results: found.results },
    { headers: { "Cache-Control": "public, max-age=60", "Last-Modified": found.publishedAt.toUTCString() } },
  );
}

export default function SurveyResultsPublic() {
  const { results } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <p className="wmh-kicker">Wat we hebben gehoord</p>
      <Heading level={1}>{results.surveyTitle}</Heading>
      <Paragraph lead>
        Hier leest u wat inwoners antwoordden op deze vragenlijst, en wat de gemeente daarmee doet.
      </Paragraph>
      {results.project ? (
        <Paragraph>
          <TextLink to={`/meedenken/${results.project.slug}`}>
            Naar het project {results.project.title}
          </TextLink>
        </Paragraph>
      ) : null}
      <PublicResults r={results} />
    </div>
  );
}
