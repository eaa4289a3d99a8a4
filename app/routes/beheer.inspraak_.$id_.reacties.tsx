import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import { publicRespondent } from "~/domain/consultation/reactions";
import { redactPersonalData } from "~/domain/insights/personal-data";
import { LooseReactionsSection, PersonalDataSection, PointsSection } from "~/ui/consultation/reactions";
import consultationCss from "~/ui/consultation.css?url";
import { Alert, Heading, Paragraph } from "~/ui/content";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction = () => [{ title: "Reacties - Inspraak - Beheer" }];

function idOf(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Dit document bestaat niet", { status: 404 });
  return id;
}

function options(request: Request) {
  const url = new URL(request.url);
  const version = Number(url.searchParams.get("versie")) || undefined;
  const sort = url.searchParams.get("sortering") === "thema" ? ("theme" as const) : ("paragraph" as const);
  return { version, sort };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak_.$id_.reacties"]);
  const opts = options(request);
  const page = await consultationStaff.reactions(idOf(params.id), opts);
  if (!page) throw new Response("Dit document bestaat niet", { status: 404 });
  return {
    id: page.doc.id,
    title: page.doc.title,
    sort: opts.sort,
    versions: page.versions.filter((v) => v.status === "published").map((v) => v.number),
    version: page.version
      ? { number: page.version.number, notaPublished: !!page.version.notaPublishedAt }
      : null,
    reactions: page.reactions.map((r) => ({
      id: r.id,
      paragraphLabel: r.paragraphLabel,
      who: publicRespondent(r),
      text: r.text,
      redacted: r.personalData.length ? redactPersonalData(r.text) : null,
      personalData: r.personalData,
      theme: r.theme,
      suggestedTheme: r.suggestedTheme,
      pointId: r.pointId,
    })),
    points: page.points.map((p) => ({
      id: p.id,
      summary: p.summary,
      paragraphLabel: p.paragraphLabel,
      theme: p.theme,
      answer: p.answer,
      decision: p.decision,
      reason: p.reason,
      changedParagraphId: p.changedParagraphId,
      changeNote: p.changeNote,
      reactionIds: p.reactionIds,
    })),
    later: page.later,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak_.$id_.reacties"]);
  const form = await request.formData();
  const version = Number(form.get("versie"));
  const outcome = await consultationStaff.reactionsPost(user, idOf(params.id), version, form);
  const intent = String(form.get("intent") ?? "");
  if (!outcome.ok)
    return data(
      { ok: false as const, intent, errors: outcome.errors, values: outcome.values, message: null },
      { status: outcome.status },
    );
  return { ok: true as const, intent, errors: {}, values: {}, message: outcome.message };
}

export default function StaffReactions() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const base = `/beheer/inspraak/${d.id}/reacties`;
  const query = (sort: string, version?: number) =>
    `${base}?sortering=${sort}${version ? `&versie=${version}` : d.version ? `&versie=${d.version.number}` : ""}`;
  const version = d.version;
  if (!version)
    return (
      <ReactionsPage d={d}>
        <Paragraph>Er is nog geen gepubliceerde versie, dus nog geen reacties.</Paragraph>
      </ReactionsPage>
    );
  const flagged = d.reactions.filter((r) => r.personalData.length);
  return (
    <ReactionsPage d={d}>
      <Paragraph>
        Versie {version.number}: {d.reactions.length} bevestigde reacties, {d.points.length} punten.{" "}
        {d.versions.length > 1
          ? d.versions
              .filter((n) => n !== version.number)
              .map((n) => (
                <Link key={n} to={query(d.sort, n)} className="utrecht-link">
                  Naar versie {n}{" "}
                </Link>
              ))
          : null}
      </Paragraph>
      {version.notaPublished ? (
        <Alert type="info">De reactienota van deze versie is gepubliceerd. De punten liggen vast.</Alert>
      ) : null}
      {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
      {failed?.errors._form ? <Alert type="error">{failed.errors._form}</Alert> : null}
      <LooseReactionsSection
        d={{ ...d, version }}
        loose={d.reactions.filter((r) => r.pointId === null)}
        failed={failed}
        sortLink={
          <Link to={query(d.sort === "theme" ? "paragraaf" : "thema")} className="utrecht-link">
            Sorteer op {d.sort === "theme" ? "alinea" : "thema"}
          </Link>
        }
      />
      {flagged.length ? (
        <PersonalDataSection flagged={flagged} version={version.number} failed={failed} />
      ) : null}
      <PointsSection d={d} version={version} failed={failed} />
    </ReactionsPage>
  );
}

/** The back link and the heading above every state of the page. */
function ReactionsPage({ d, children }: { d: { id: number; title: string }; children: ReactNode }) {
  return (
    <div className="wmh-stack">
      <p>
        <Link to={`/beheer/inspraak/${d.id}`} className="utrecht-link">
          Terug naar het document
        </Link>
      </p>
      <Heading level={1}>Reacties op {d.title}</Heading>
      {children}
    </div>
  );
}
