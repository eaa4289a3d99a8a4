import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffSurvey } from "~/domain/surveys/admin.server";
import { SurveyQuestion } from "~/domain/surveys/question-types";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { InfoBlock } from "~/ui/surveys/blocks";
import surveysCss from "~/ui/surveys.css?url";

// Preview as a resident: every page of the draft, one at a time, nothing is stored.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Voorbeeld: ${data?.title ?? "enquête"} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id.voorbeeld"]);
  const id = Number.parseInt(params.id ?? "", 10);
  const found = Number.isInteger(id) && id > 0 ? await staffSurvey(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const url = new URL(request.url);
  const def = found.definition;
  const raw = Number.parseInt(url.searchParams.get("pagina") ?? "-1", 10);
  const index = Number.isInteger(raw) ? Math.max(-1, Math.min(raw, def.pages.length - 1)) : -1;
  return {
    id,
    title: def.title,
    intro: def.intro,
    estimatedMinutes: def.estimatedMinutes,
    whatHappens: def.whatHappens,
    version: found.current.version,
    index,
    total: def.pages.length,
    page: index >= 0 ? def.pages[index]! : null,
  };
}

export default function Preview() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="wmh-survey wmh-stack">
      <Alert type="info">
        Voorbeeld van versie {d.version}. Zo ziet een inwoner de vragenlijst. Antwoorden worden niet bewaard.{" "}
        <TextLink to={`/beheer/enquetes/${d.id}`}>Terug naar de editor</TextLink>
      </Alert>
      {d.page === null ? (
        <>
          <Heading level={1}>{d.title}</Heading>
          <Paragraph lead>{d.intro}</Paragraph>
          <Paragraph>Het invullen duurt ongeveer {d.estimatedMinutes} minuten.</Paragraph>
          {d.whatHappens ? (
            <>
              <Heading level={2}>Wat gebeurt er met uw antwoorden?</Heading>
              <Paragraph>{d.whatHappens}</Paragraph>
            </>
          ) : null}
        </>
      ) : (
        <>
          <p className="wmh-survey__kicker">{d.title}</p>
          <Heading level={1}>{d.page.title}</Heading>
          <Paragraph>
            Stap {d.index + 1} van {d.total}
          </Paragraph>
          {d.page.intro ? <Paragraph>{d.page.intro}</Paragraph> : null}
          {d.page.blocks.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are addressed by position
            <InfoBlock key={i} block={b} />
          ))}
          <form aria-label="Voorbeeld van de vragen" onSubmit={(e) => e.preventDefault()}>
            {d.page.questions.map((q) => (
              <SurveyQuestion key={q.key} q={q} values={{}} />
            ))}
          </form>
        </>
      )}
      <nav aria-label="Pagina's van het voorbeeld" className="wmh-button-row">
        {d.index >= 0 ? (
          <Link to={`?pagina=${d.index - 1}`} className="utrecht-link">
            Vorige pagina
          </Link>
        ) : null}
        {d.index < d.total - 1 ? (
          <Link to={`?pagina=${d.index + 1}`} className="utrecht-link">
            Volgende pagina
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
