import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { hasAnyRole, staffAccess } from "~/domain/auth/roles";
import { representativenessNotes } from "~/domain/insights/report";
import { buildProjectReport } from "~/domain/insights/report.server";
import { reportSummary } from "~/domain/insights/summary.server";
import { themeIds } from "~/domain/insights/themes";
import { Alert, DemoBadge, formatDate, Heading, Paragraph } from "~/ui/content";
import {
  AccountabilitySection,
  CodeTable,
  ReportContents,
  SummarySection,
  ThemeSection,
} from "~/ui/insights/woonvisie-report";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: insightsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Woonvisie-input: ${data?.report.project.title ?? ""} - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.woonvisie-input_.$projectId"]);
  const id = Number(params.projectId);
  const report = Number.isSafeInteger(id) && id > 0 ? await buildProjectReport(id) : null;
  if (!report) throw new Response("Dit project bestaat niet", { status: 404 });
  const notes = report.surveys.map((s) => {
    const open = s.overview.perChannel.find((c) => c.channel === "open")?.count ?? null;
    // Hidden small counts (null) are left out: the share is then a lower bound, or absent.
    const paper = s.overview.perChannel
      .filter((c) => c.channel === "papier" || c.channel === "bureau")
      .reduce((sum, c) => sum + (c.count ?? 0), 0);
    return {
      surveyId: s.survey.id,
      notes: representativenessNotes(s.representativeness, {
        respondents: s.weighting.respondents,
        effectiveSampleSize: s.weighting.effectiveSampleSize,
        openLinkShare: open !== null && s.overview.total > 0 ? open / s.overview.total : null,
        populationIsDemo: s.populationIsDemo,
        paperShare: s.overview.total > 0 ? paper / s.overview.total : null,
      }),
    };
  });
  return {
    report,
    summary: await reportSummary(report),
    notes,
    generatedAt: new Date().toISOString(),
    canAddInput: hasAnyRole(user.roles, staffAccess["beheer.woonvisie-input_.$projectId_.inbreng"]),
    canEditSummary: hasAnyRole(user.roles, staffAccess["beheer.woonvisie-input_.$projectId_.samenvatting"]),
  };
}

export default function WoonvisieReport() {
  const { report, summary, notes, generatedAt, canAddInput, canEditSummary } = useLoaderData<typeof loader>();
  const { project, surveys, coded } = report;
  const questions = surveys.flatMap((s) => s.questions.map((q) => ({ ...q, surveyTitle: s.survey.title })));
  const maps = surveys.flatMap((s) => {
    const def = s.survey.definition.pages.flatMap((p) => p.questions);
    return s.mapQuestions.map((m) => ({ ...m, theme: def.find((q) => q.key === m.key)?.theme ?? null }));
  });
  const unthemed = coded.find((c) => c.theme === 0);
  return (
    <article className="wmh-stack wmh-report">
      <Heading level={1}>
        Woonvisie-input: {project.title} {project.isDemo ? <DemoBadge /> : null}
      </Heading>
      <Paragraph lead>
        Wat vinden inwoners en partners belangrijk voor wonen in Heemstede? Dit rapport bundelt alle
        participatiesporen als input voor de gemeenteraad. Het doel van de participatie was samen denken:
        input verzamelen, er is nog niets besloten.
      </Paragraph>
      <p className="utrecht-paragraph">Opgemaakt op {formatDate(generatedAt)}.</p>
      <div className="wmh-no-print">
        <p className="utrecht-paragraph">
          Om een PDF te maken kiest u in uw browser Afdrukken en dan Opslaan als PDF. Uitsplitsingen die u
          openklapt, komen mee in de PDF.
        </p>
        {canAddInput ? (
          <p className="utrecht-paragraph">
            <Link to={`/beheer/woonvisie-input/${project.id}/inbreng`} className="utrecht-link">
              Inbreng uit andere sporen toevoegen
            </Link>
          </p>
        ) : null}
      </div>
      {surveys.some((s) => s.populationIsDemo) || project.isDemo ? (
        <Alert type="warning">Dit rapport bevat demogegevens en voorbeeldcijfers.</Alert>
      ) : null}

      <SummarySection summary={summary} projectId={project.id} canEditSummary={canEditSummary} />
      <ReportContents />
      {themeIds.map((t) => (
        <ThemeSection key={t} t={t} questions={questions} maps={maps} report={report} />
      ))}

      {unthemed && unthemed.codes.length > 0 ? (
        <section aria-labelledby="zonder-thema">
          <Heading level={2} id="zonder-thema">
            Open antwoorden zonder thema
          </Heading>
          <CodeTable codes={unthemed.codes} caption="Open antwoorden die bij geen thema horen, naar code" />
        </section>
      ) : null}

      <AccountabilitySection report={report} notes={notes} />
    </article>
  );
}
