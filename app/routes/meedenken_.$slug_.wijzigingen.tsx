import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { changeKindLabels } from "~/domain/consultation/change-overview";
import { consultationPublic } from "~/domain/consultation/pages.server";
import consultationCss from "~/ui/consultation.css?url";
import { Heading, Paragraph } from "~/ui/content";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction = () => [{ title: "Wat is er veranderd - Wij maken Heemstede" }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const from = Number(url.searchParams.get("van"));
  const to = Number(url.searchParams.get("naar"));
  if (!Number.isInteger(from) || !Number.isInteger(to) || from <= 0 || to <= 0)
    throw new Response("Kies twee versies", { status: 404 });
  const page = await consultationPublic.changes(params.slug ?? "", from, to);
  if (!page) throw new Response("Deze versies bestaan niet", { status: 404 });
  return page;
}

export default function Changes() {
  const d = useLoaderData<typeof loader>();
  const changed = d.changes.filter((c) => c.kind !== "unchanged");
  return (
    <article className="wmh-stack wmh-article" aria-labelledby="changes-title">
      <p className="wmh-meta">
        <Link to={`/meedenken/${d.project.slug}/document`} className="utrecht-link">
          Terug naar het document
        </Link>
      </p>
      <Heading level={1} id="changes-title">
        Wat is er veranderd van versie {d.from} naar versie {d.to}?
      </Heading>
      <Paragraph lead>
        {d.title}: {changed.length === 1 ? "1 alinea is" : `${changed.length} alinea's zijn`} veranderd,{" "}
        {d.changes.length - changed.length} niet. Verwijderde woorden zijn doorgestreept, nieuwe woorden
        onderstreept. Alinea's die alleen een ander nummer kregen, staan hier niet.
      </Paragraph>
      {changed.length === 0 ? <Paragraph>Er is niets veranderd.</Paragraph> : null}
      {changed.map((c) => (
        <section
          key={`${c.kind}-${c.label}`}
          className="wmh-doc-paragraph wmh-stack wmh-change"
          aria-labelledby={`c-${c.kind}-${c.label}`}
        >
          <Heading level={2} id={`c-${c.kind}-${c.label}`}>
            {c.kind === "removed"
              ? `Alinea ${c.label} uit versie ${d.from}`
              : `Alinea ${c.label}${c.previousLabel && c.previousLabel !== c.label ? ` (was ${c.previousLabel})` : ""}`}
            , {c.chapterTitle}: <span className="wmh-change-kind">{changeKindLabels[c.kind]}</span>
          </Heading>
          {c.parts.length ? (
            <p className="utrecht-paragraph">
              {c.parts.map((part, i) =>
                part.kind === "added" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
                  <ins key={i}>
                    <span className="wmh-visually-hidden">[nieuw: </span>
                    {part.text}
                    <span className="wmh-visually-hidden">]</span>
                  </ins>
                ) : part.kind === "removed" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
                  <del key={i}>
                    <span className="wmh-visually-hidden">[weg: </span>
                    {part.text}
                    <span className="wmh-visually-hidden">]</span>
                  </del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          ) : c.kind === "removed" ? (
            <p className="utrecht-paragraph">
              <del>{c.before}</del>
            </p>
          ) : (
            <p className="utrecht-paragraph">{c.after}</p>
          )}
        </section>
      ))}
    </article>
  );
}
