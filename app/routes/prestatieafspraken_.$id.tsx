import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publicAgreement } from "~/domain/monitor/pages.server";
import { kindLabels, prioriteitLabels, tertiaalLabel } from "~/domain/monitor/vocabulary";
import { formatDate, Heading, Paragraph, TextLink } from "~/ui/content";
import { AgreementFacts, Reactions, Timeline } from "~/ui/monitor/agreement";
import { DocumentText } from "~/ui/monitor/stoplicht";
import monitorCss from "~/ui/monitor.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: monitorCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.agreement.number}: ${data.agreement.title}` : "Afspraak"} - Prestatieafspraken - Wij maken Heemstede`,
  },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await publicAgreement(params.id);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return found;
}

export default function PublicAgreement() {
  const { agreement, parties, timeline, reactions, years } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <p className="wmh-no-print">
        <TextLink to="/prestatieafspraken">Terug naar alle prestatieafspraken</TextLink>
      </p>
      <Heading level={1}>
        {agreement.number}: {agreement.title}
      </Heading>
      <AgreementFacts agreement={agreement} parties={parties} years={years} basePath="/prestatieafspraken" />
      <section aria-labelledby="afspraak" className="wmh-stack">
        <Heading level={2} id="afspraak">
          Wat is afgesproken
        </Heading>
        <DocumentText text={agreement.text} />
      </section>
      <section aria-labelledby="verloop" className="wmh-stack">
        <Heading level={2} id="verloop">
          Hoe staat het ervoor?
        </Heading>
        {timeline.length === 0 ? (
          <Paragraph>Er is nog geen bevestigde stand van deze afspraak.</Paragraph>
        ) : (
          <Timeline entries={timeline} showStatus={false} />
        )}
      </section>
      <section aria-labelledby="reacties" className="wmh-stack">
        <Heading level={2} id="reacties">
          Reacties van de huurdersorganisaties
        </Heading>
        {reactions.length === 0 ? (
          <Paragraph>Er zijn nog geen reacties.</Paragraph>
        ) : (
          <Reactions reactions={reactions} />
        )}
      </section>
      <p className="utrecht-paragraph wmh-meta">
        {kindLabels[agreement.kind]} {agreement.key}
        {agreement.prioriteit ? ` · ${prioriteitLabels[agreement.prioriteit]}` : ""} · bijgewerkt{" "}
        {timeline[0]
          ? `${tertiaalLabel(timeline[0].year, timeline[0].tertiaal).toLowerCase()}, ${formatDate(timeline[0].createdAt)}`
          : "nog niet"}
      </p>
    </div>
  );
}
