import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { themeLabelList } from "~/domain/projects/labels";
import { projectPage } from "~/domain/projects/projects.server";
import { descriptionAfterSummary } from "~/domain/projects/text";
import informedCss from "~/ui/informed.css?url";
import {
  ConsultationCard,
  FollowProject,
  HeardSection,
  NowSection,
  PhasesSection,
  ProjectFooter,
  ProjectIntro,
  ProjectNewsSection,
} from "~/ui/projects/project-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: informedCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.project.title ?? "Project"} - Wij maken Heemstede` },
  { name: "description", content: data?.project.summary ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await projectPage(params.slug ?? "");
  if (!page) throw new Response("Dit project bestaat niet", { status: 404 });
  const { project } = page;
  return {
    project: {
      id: project.id,
      slug: project.slug,
      title: project.title,
      summary: project.summary,
      description: descriptionAfterSummary(project.summary, project.description),
      status: project.status,
      contactEmail: project.contactEmail,
      themes: themeLabelList(project.themes),
      isDemo: project.isDemo,
    },
    phases: page.phases.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      state: p.state,
      datesAreDemo: p.datesAreDemo,
      surveys: p.surveys.map((s) => ({
        slug: s.slug,
        title: s.title,
        open: s.open,
        resultsPublished: s.resultsPublished,
      })),
      news: p.news.map((n) => ({ slug: n.slug, title: n.title })),
      bijeenkomsten: p.bijeenkomsten.map((b) => ({ title: b.title, href: b.href })),
    })),
    current: page.current ? { title: page.current.title } : null,
    next: page.next ? { title: page.next.title, startsOn: page.next.startsOn } : null,
    openSurveys: page.openSurveys.map((s) => ({
      slug: s.slug,
      title: s.title,
      closesAt: s.closesAt?.toISOString() ?? null,
    })),
    bijeenkomsten: page.bijeenkomsten.map((b) => ({
      title: b.title,
      href: b.href,
      startsAt: b.startsAt.toISOString(),
      place: b.place,
    })),
    news: page.news.map((n) => ({
      slug: n.slug,
      title: n.title,
      summary: n.summary,
      publishAt: n.publishAt?.toISOString() ?? "",
    })),
    resultsPublished: page.resultsPublished.map((s) => ({ slug: s.slug, title: s.title })),
    anyDemoDates: page.phases.some((p) => p.datesAreDemo),
    consultation: page.consultation
      ? {
          ...page.consultation,
          startsAt: page.consultation.startsAt?.toISOString() ?? null,
          endsAt: page.consultation.endsAt?.toISOString() ?? null,
        }
      : null,
  };
}

export default function ProjectPage() {
  const d = useLoaderData<typeof loader>();
  const { project } = d;
  return (
    <article className="wmh-stack wmh-article" aria-labelledby="project-title">
      <ProjectIntro project={project} />

      <NowSection d={d} />

      <FollowProject projectId={project.id} />

      <HeardSection project={project} resultsPublished={d.resultsPublished} />
      {d.consultation ? <ConsultationCard project={project} consultation={d.consultation} /> : null}

      <PhasesSection d={d} />

      {d.news.length > 0 ? <ProjectNewsSection project={project} news={d.news} /> : null}

      <ProjectFooter project={project} />
    </article>
  );
}
