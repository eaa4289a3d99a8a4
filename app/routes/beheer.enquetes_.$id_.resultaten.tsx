import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { requireRole } from "~/domain/auth/auth.server";
import { hasAnyRole, staffAccess } from "~/domain/auth/roles";
import { getSurveyResults } from "~/domain/insights/results.server";
import { tileConfig } from "~/domain/places/tiles.server";
import { DemoBadge, Heading } from "~/ui/content";
import {
  OpenAndMapSection,
  QuestionsSection,
  RepresentativenessSection,
  ResponseSection,
  ResultsContents,
  ResultsExports,
} from "~/ui/insights/survey-results";
import insightsCss from "~/ui/insights.css?url";
import mapCss from "~/ui/map.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: insightsCss },
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Resultaten ${data?.results.survey.title ?? ""} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.resultaten"]);
  const id = Number(params.id);
  const results = Number.isSafeInteger(id) && id > 0 ? await getSurveyResults(id) : null;
  if (!results) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return {
    results,
    canCode: hasAnyRole(user.roles, staffAccess["beheer.enquetes_.$id_.coderen.$vraag"]),
    canExport: hasAnyRole(user.roles, staffAccess["beheer.enquetes_.$id_.export.$formaat"]),
    tiles: tileConfig(),
  };
}

export default function SurveyResultsPage() {
  const { results, canCode, canExport, tiles } = useLoaderData<typeof loader>();
  const { survey } = results;
  return (
    <div className="wmh-stack">
      <Heading level={1}>
        Resultaten: {survey.title} {survey.isDemo ? <DemoBadge /> : null}
      </Heading>
      <ResultsContents />
      {canExport ? <ResultsExports surveyId={survey.id} /> : null}

      <ResponseSection overview={results.overview} />

      <RepresentativenessSection results={results} />

      <QuestionsSection questions={results.questions} />

      <OpenAndMapSection results={results} canCode={canCode} tiles={tiles} />
    </div>
  );
}
