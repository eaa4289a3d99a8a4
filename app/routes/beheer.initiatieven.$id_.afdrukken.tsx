import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import {
  PARTICIPATION_GOALS,
  PARTICIPATION_ROLES,
  type ParticipationContent,
  PLAN_QUESTIONS,
  type PlanContent,
} from "~/domain/initiatives/proceskader";
import { documentVersion } from "~/domain/initiatives/proceskader.server";
import { BASISSTAPPEN, deciderLabel } from "~/domain/initiatives/quickscan";
import { statusLabel } from "~/domain/initiatives/statuses";
import { themeLabel } from "~/domain/initiatives/themes";
import { getInitiative } from "~/domain/initiatives/triage.server";
import { listWijken } from "~/domain/places/wijken.server";
import { formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [
  { title: "Planomschrijving en participatieplan - Wij maken Heemstede" },
];

function versionParam(url: URL, name: string): number | null {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n > 0 ? n : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id_.afdrukken"]);
  const found = await getInitiative(params.id ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const url = new URL(request.url);
  const planV = versionParam(url, "plan");
  const partV = versionParam(url, "participatie");
  const plan = planV ? await documentVersion(found.idea.id, "plan_description", planV) : found.documents.plan;
  const part = partV
    ? await documentVersion(found.idea.id, "participation_plan", partV)
    : found.documents.participation;
  const wijk = (await listWijken()).find((w) => w.code === found.idea.wijkCode)?.name ?? null;
  const i = found.idea;
  return {
    idea: {
      title: i.title,
      description: i.description,
      theme: themeLabel(i.theme),
      wijk,
      status: statusLabel(i.status),
      decider: deciderLabel(i.decider),
      complex: i.complex,
      processStep: i.processStep,
      adoptedBy: i.adoptedBy,
      adoptedOn: i.adoptedOn,
      adoptionReference: i.adoptionReference,
    },
    plan: plan
      ? { version: plan.version, createdAt: plan.createdAt, content: plan.content as PlanContent }
      : null,
    participation: part
      ? {
          version: part.version,
          createdAt: part.createdAt,
          content: part.content as unknown as ParticipationContent,
        }
      : null,
  };
}

export default function PrintVersion() {
  const { idea, plan, participation } = useLoaderData<typeof loader>();
  const p = participation?.content;
  return (
    <article className="wmh-stack">
      <Heading level={1}>{idea.title}</Heading>
      <Paragraph>
        Planomschrijving en participatieplan, ter vaststelling door {idea.decider.toLowerCase()}. Thema:{" "}
        {idea.theme}. Wijk: {idea.wijk ?? "heel Heemstede"}. Status: {idea.status}.
      </Paragraph>
      <p className="wmh-no-print">Druk deze pagina af met Ctrl+P (of Cmd+P op een Mac).</p>
      <Paragraph>{idea.description}</Paragraph>

      <Heading level={2}>
        Planomschrijving{plan ? ` (versie ${plan.version}, ${formatDateTime(plan.createdAt)})` : ""}
      </Heading>
      {plan ? (
        <dl className="wmh-dl">
          {PLAN_QUESTIONS.map((q) => (
            <div key={q.key} style={{ display: "contents" }}>
              <dt>{q.label}</dt>
              <dd>{plan.content[q.key] ?? "Nog niet ingevuld"}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Paragraph>Er is nog geen planomschrijving.</Paragraph>
      )}

      <Heading level={2}>
        Participatieplan
        {participation
          ? ` (versie ${participation.version}, ${formatDateTime(participation.createdAt)})`
          : ""}
      </Heading>
      {p ? (
        <>
          <Heading level={3}>1. Ruimte</Heading>
          <Paragraph>{p.ruimte ?? "Nog niet ingevuld"}</Paragraph>
          <Paragraph>Complexiteit: {p.complexiteit ?? "Nog niet ingevuld"}</Paragraph>
          <Heading level={3}>2. Doel</Heading>
          <ul>
            {p.doelen.map((g) => (
              <li key={g}>{PARTICIPATION_GOALS.find((x) => x.value === g)?.label ?? g}</li>
            ))}
          </ul>
          {p.toelichtingDoel ? <Paragraph>{p.toelichtingDoel}</Paragraph> : null}
          <Heading level={3}>3. Deelnemers en rollen</Heading>
          {p.deelnemers.length ? (
            <table className="wmh-table">
              <thead>
                <tr>
                  <th scope="col">Wie</th>
                  <th scope="col">Rol</th>
                </tr>
              </thead>
              <tbody>
                {p.deelnemers.map((x, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id
                  <tr key={n}>
                    <td>{x.who}</td>
                    <td>{PARTICIPATION_ROLES.find((r) => r.value === x.role)?.label ?? x.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Paragraph>Nog geen deelnemers.</Paragraph>
          )}
        </>
      ) : (
        <Paragraph>Er is nog geen participatieplan.</Paragraph>
      )}

      <Heading level={2}>Basisstappen</Heading>
      <ol>
        {BASISSTAPPEN.map((s) => (
          <li key={s.step}>
            {s.staff}
            {idea.processStep >= s.step ? " (afgerond)" : ""}
          </li>
        ))}
      </ol>
      {idea.adoptedOn ? (
        <Paragraph>
          Vastgesteld door {idea.adoptedBy === "council" ? "de gemeenteraad" : "het college"} op{" "}
          {formatDate(idea.adoptedOn)}, kenmerk {idea.adoptionReference}.
        </Paragraph>
      ) : null}
    </article>
  );
}
