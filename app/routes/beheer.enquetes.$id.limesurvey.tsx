import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { limeSurveyExportReport } from "~/domain/surveys/import/import.server";
import { itemStatusLabels } from "~/domain/surveys/import/report";
import { Heading, Paragraph } from "~/ui/content";

export const meta: MetaFunction = () => [
  { title: "Exporteren naar LimeSurvey - Beheer - Wij maken Heemstede" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id.limesurvey"]);
  const id = Number.parseInt(params.id ?? "", 10);
  const found = Number.isInteger(id) && id > 0 ? await limeSurveyExportReport(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return { id, ...found };
}

export default function LimeSurveyExport() {
  const { id, report } = useLoaderData<typeof loader>();
  const changed = report.items.filter((i) => i.status !== "asIs");
  return (
    <div className="wmh-stack">
      <Heading level={2}>Exporteren naar LimeSurvey</Heading>
      <Paragraph>
        U kunt deze enquête downloaden als .lss-bestand en inlezen in LimeSurvey (versie 4 of nieuwer).
        Antwoorden en persoonlijke gegevens gaan niet mee. Leest u het bestand later weer bij ons in, dan
        krijgt u dezelfde enquête terug.
      </Paragraph>
      <p>
        <a
          className="utrecht-button utrecht-button--primary-action"
          href={`/beheer/enquetes/${id}/lss`}
          download
        >
          Download het .lss-bestand
        </a>
      </p>
      <Heading level={3}>Wat in LimeSurvey anders wordt</Heading>
      {changed.length === 0 ? (
        <Paragraph>Alle vragen gaan ongewijzigd mee.</Paragraph>
      ) : (
        <ul className="wmh-import-report">
          {changed.map((item) => (
            <li key={`${item.code}|${item.text}|${item.to}`}>
              <strong>{item.text}</strong> ({itemStatusLabels[item.status].toLowerCase()}: {item.from} wordt{" "}
              {item.to})
              <ul>
                {item.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        {report.counts.asIs} {report.counts.asIs === 1 ? "onderdeel gaat" : "onderdelen gaan"} ongewijzigd
        mee.
      </Paragraph>
    </div>
  );
}
