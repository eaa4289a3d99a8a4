import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consultationPublic } from "~/domain/consultation/pages.server";
import consultationCss from "~/ui/consultation.css?url";
import { DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Document"} - Wij maken Heemstede` },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("versie");
  const version = asked ? Number(asked) : undefined;
  if (asked && (!Number.isInteger(version) || version! <= 0))
    throw new Response("Deze versie bestaat niet", { status: 404 });
  const page = await consultationPublic.document(params.slug ?? "", version);
  if (!page) throw new Response("Dit document bestaat niet", { status: 404 });
  return {
    ...page,
    startsAt: page.startsAt?.toISOString() ?? null,
    endsAt: page.endsAt?.toISOString() ?? null,
    version: { ...page.version, publishedAt: page.version.publishedAt?.toISOString() ?? null },
  };
}

function PeriodText({
  period,
  startsAt,
  endsAt,
}: {
  period: string;
  startsAt: string | null;
  endsAt: string | null;
}) {
  if (period === "open")
    return (
      <>
        U kunt reageren tot en met <strong>{formatDateTime(endsAt!)}</strong>.
      </>
    );
  if (period === "upcoming")
    return (
      <>
        U kunt reageren vanaf {formatDateTime(startsAt!)} tot {formatDateTime(endsAt!)}.
      </>
    );
  if (period === "closed") return <>De reactieperiode is voorbij (tot {formatDateTime(endsAt!)}).</>;
  return <>De reactieperiode is nog niet bekend.</>;
}

function Reactions({ items }: { items: { id: number; who: string; text: string | null }[] }) {
  if (!items.length) return null;
  return (
    <details>
      <summary>{items.length === 1 ? "1 reactie" : `${items.length} reacties`} lezen</summary>
      <ul className="wmh-reactions">
        {items.map((r) => (
          <li key={r.id}>
            <strong>{r.who}:</strong>{" "}
            {r.text === null ? (
              <em>Deze reactie wordt eerst nagekeken op persoonsgegevens.</em>
            ) : (
              <span className="wmh-reaction-text">{r.text}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

export default function ConsultationDocument() {
  const d = useLoaderData<typeof loader>();
  const slug = d.project.slug;
  const canReact = d.period === "open" && d.isLatest;
  return (
    <article className="wmh-stack wmh-article" aria-labelledby="doc-title">
      <p className="wmh-meta">
        <Link to="/meedenken" className="utrecht-link">
          Meedenken
        </Link>{" "}
        /{" "}
        <Link to={`/meedenken/${slug}`} className="utrecht-link">
          {d.project.title}
        </Link>{" "}
        / document
      </p>
      <Heading level={1} id="doc-title">
        {d.title} {d.isDemo ? <DemoBadge /> : null}
      </Heading>
      <Paragraph lead>
        Versie {d.version.number}
        {d.version.publishedAt ? `, gepubliceerd op ${formatDateTime(d.version.publishedAt)}` : ""}.{" "}
        {d.isLatest ? null : "Er is een nieuwere versie. "}
      </Paragraph>
      <section className="wmh-card wmh-card--muted wmh-stack" aria-labelledby="reageren">
        <Heading level={2} id="reageren">
          Reageren
        </Heading>
        <Paragraph>
          <PeriodText period={d.period} startsAt={d.startsAt} endsAt={d.endsAt} />
        </Paragraph>
        {canReact ? (
          <Paragraph>
            Reageer op één alinea met de link onder die alinea, of{" "}
            <Link to={`/meedenken/${slug}/reageren`} className="utrecht-link">
              reageer op het hele document
            </Link>
            . Uw naam en e-mailadres maken wij nooit openbaar.
          </Paragraph>
        ) : null}
        <ul>
          {d.versions.length > 1
            ? d.versions
                .filter((v) => v.number !== d.version.number)
                .map((v) => (
                  <li key={v.number}>
                    <Link to={`?versie=${v.number}`} className="utrecht-link">
                      Lees versie {v.number}
                    </Link>
                  </li>
                ))
            : null}
          {d.versions.length > 1 ? (
            <li>
              <Link
                to={`/meedenken/${slug}/wijzigingen?van=${d.versions[1]!.number}&naar=${d.versions[0]!.number}`}
                className="utrecht-link"
              >
                Wat is er veranderd in versie {d.versions[0]!.number}?
              </Link>
            </li>
          ) : null}
          {d.versions
            .filter((v) => v.hasNota)
            .map((v) => (
              <li key={`nota-${v.number}`}>
                <Link to={`/meedenken/${slug}/reactienota/${v.number}`} className="utrecht-link">
                  Reactienota bij versie {v.number}
                </Link>
              </li>
            ))}
        </ul>
      </section>

      {d.wholeDocument.length ? (
        <section aria-labelledby="geheel" className="wmh-stack">
          <Heading level={2} id="geheel">
            Reacties op het hele document
          </Heading>
          <Reactions items={d.wholeDocument} />
        </section>
      ) : null}

      {d.chapters.map((c) => (
        <section key={c.chapter} aria-labelledby={`hoofdstuk-${c.chapter}`} className="wmh-stack">
          <Heading level={2} id={`hoofdstuk-${c.chapter}`}>
            {c.chapter}. {c.title}
          </Heading>
          {c.paragraphs.map((p) => (
            <section
              key={p.id}
              id={`alinea-${p.label}`}
              className="wmh-doc-paragraph wmh-stack"
              aria-labelledby={`a-${p.id}`}
            >
              <Heading level={3} id={`a-${p.id}`}>
                Alinea {p.label}
              </Heading>
              <p className="utrecht-paragraph">{p.text}</p>
              <Reactions items={p.reactions} />
              {canReact ? (
                <p>
                  <Link to={`/meedenken/${slug}/reageren?alinea=${p.id}`} className="utrecht-link">
                    Reageer op alinea {p.label}
                  </Link>
                </p>
              ) : null}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
