import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { reuseOffer } from "~/domain/panel/reuse.server";
import { thanksProject } from "~/domain/projects/projects.server";
import { surveyThanks } from "~/domain/surveys/flow.server";
import { ButtonLink, formatDate, Heading, Paragraph, TextLink } from "~/ui/content";
import surveysCss from "~/ui/surveys.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
export const meta: MetaFunction = () => [{ title: "Bedankt - Wij maken Heemstede" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await surveyThanks(params.slug ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return {
    ...found,
    slug: params.slug ?? "",
    project: await thanksProject(params.slug ?? ""),
    canReuse: (await reuseOffer(request)) !== null,
  };
}

export default function Thanks() {
  const { title, thankYou, project, slug, canReuse } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-survey wmh-stack">
      <p className="wmh-survey__kicker">{title}</p>
      <Heading level={1}>Dank u wel!</Heading>
      <Paragraph lead>{thankYou || "Uw antwoorden zijn goed ontvangen."}</Paragraph>
      {project ? (
        <section className="wmh-card">
          <Heading level={2}>Wat gebeurt er met uw antwoorden?</Heading>
          <Paragraph>
            {project.resultsExpectedOn
              ? `Wij verwachten de resultaten rond ${formatDate(project.resultsExpectedOn)}${project.datesAreDemo ? " (voorbeelddatum)" : ""}.`
              : "Wij publiceren de resultaten als de vragenlijst gesloten is en wij alle antwoorden hebben bekeken."}{" "}
            U leest ze dan op de pagina van het project.
          </Paragraph>
          <Paragraph>
            <TextLink to={`/meedenken/${project.slug}`}>Naar het project {project.title}</TextLink>
          </Paragraph>
          <Paragraph>
            <TextLink
              to={
                project.resultsPublished
                  ? `/enquete/${slug}/wat-we-hebben-gehoord`
                  : `/meedenken/${project.slug}/wat-we-hebben-gehoord`
              }
            >
              {project.resultsPublished
                ? "Lees de resultaten van deze vragenlijst"
                : "Wat we hebben gehoord: hier komen de resultaten"}
            </TextLink>
          </Paragraph>
        </section>
      ) : null}
      <section className="wmh-card wmh-card--muted">
        <Heading level={2}>Wilt u vaker meedenken?</Heading>
        <Paragraph>
          Word lid van het digipanel van Heemstede. U krijgt dan een paar keer per jaar een korte vragenlijst
          per e-mail over plannen in uw gemeente. U kunt zich altijd weer afmelden.
        </Paragraph>
        {canReuse ? (
          <>
            <Paragraph>
              Bij het aanmelden vragen wij uw geboortejaar, postcode, huishouden en soort woning. Die heeft u
              net in de vragenlijst ingevuld. Wilt u die antwoorden gebruiken? U ziet ze eerst in het
              aanmeldformulier en kunt ze daar veranderen. Er wordt niets bewaard voordat u zich aanmeldt.
            </Paragraph>
            <div className="wmh-actions">
              <ButtonLink to="/digipanel?hergebruik=ja#aanmelden">Aanmelden met mijn antwoorden</ButtonLink>
              <ButtonLink to="/digipanel#aanmelden" variant="secondary">
                Aanmelden zonder mijn antwoorden
              </ButtonLink>
            </div>
          </>
        ) : (
          <ButtonLink to="/digipanel">Aanmelden voor het digipanel</ButtonLink>
        )}
      </section>
      <Paragraph>
        <TextLink to="/meedenken">Bekijk andere manieren om mee te denken</TextLink>
      </Paragraph>
    </div>
  );
}
