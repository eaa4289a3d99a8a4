import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import {
  DocumentWorkLinks,
  DraftSection,
  PeriodSection,
  VersionsSection,
} from "~/ui/consultation/staff-document";
import { Alert, DemoBadge, Heading, Paragraph } from "~/ui/content";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Inspraakdocument"} - Inspraak - Beheer` },
];

function idOf(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Dit document bestaat niet", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak.$id"]);
  // After a Word import the page is loaded afresh (?ingelezen=1); the message is the domain's.
  const afterImport = new URL(request.url).searchParams.has("ingelezen");
  const page = await consultationStaff.document(idOf(params.id), afterImport);
  if (!page) throw new Response("Dit document bestaat niet", { status: 404 });
  return {
    imported: page.imported,
    id: page.doc.id,
    title: page.doc.title,
    isDemo: page.doc.isDemo,
    projectTitle: page.projectTitle,
    projectSlug: page.projectSlug,
    period: page.period,
    versions: page.versions.map((v) => ({
      number: v.version.number,
      status: v.version.status,
      source: v.version.source,
      publishedAt: v.version.publishedAt?.toISOString() ?? null,
      notaPublishedAt: v.version.notaPublishedAt?.toISOString() ?? null,
      paragraphs: v.paragraphs,
      reactions: v.reactions,
    })),
    draft: page.draft
      ? { number: page.draft.number, source: page.draft.source, importNotes: page.draft.importNotes }
      : null,
    draftText: page.draftText,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak.$id"]);
  const outcome = await consultationStaff.documentPost(user, idOf(params.id), await request.formData());
  if (!outcome.ok)
    return data(
      {
        ok: false as const,
        intent: outcome.intent,
        errors: outcome.errors,
        values: outcome.values,
        message: null,
      },
      { status: outcome.status },
    );
  if (outcome.intent === "import") throw redirect(`/beheer/inspraak/${idOf(params.id)}?ingelezen=1`);
  return { ok: true as const, intent: outcome.intent, errors: {}, values: {}, message: outcome.message };
}

export default function StaffConsultationDocument() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) =>
    result && !result.ok && result.intent === intent ? result.errors : undefined;
  const valuesFor = (intent: string) =>
    result && !result.ok && result.intent === intent ? result.values : undefined;
  const published = d.versions.filter((v) => v.status === "published");
  return (
    <div className="wmh-stack">
      <p>
        <Link to="/beheer/inspraak" className="utrecht-link">
          Terug naar inspraak
        </Link>
      </p>
      <Heading level={1}>
        {d.title} {d.isDemo ? <DemoBadge /> : null}
      </Heading>
      <Paragraph>
        Project: {d.projectTitle}.{" "}
        {published.length ? (
          <Link to={`/meedenken/${d.projectSlug}/document`} className="utrecht-link">
            Bekijk het document zoals inwoners het zien
          </Link>
        ) : (
          "Inwoners zien het document zodra een versie is gepubliceerd."
        )}
      </Paragraph>
      {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
      {!result && d.imported ? <Alert type="ok">{d.imported}</Alert> : null}
      {result && !result.ok && result.errors._form ? <Alert type="error">{result.errors._form}</Alert> : null}
      {published.length ? <DocumentWorkLinks id={d.id} /> : null}

      <PeriodSection period={d.period} errors={errorsFor("period")} values={valuesFor("period")} />

      <VersionsSection versions={d.versions} hasDraft={Boolean(d.draft)} />

      {d.draft ? (
        <DraftSection draft={d.draft} draftText={d.draftText} errorsFor={errorsFor} valuesFor={valuesFor} />
      ) : null}
    </div>
  );
}
