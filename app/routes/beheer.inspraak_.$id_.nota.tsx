import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import { NotaView } from "~/ui/consultation/nota-view";
import consultationCss from "~/ui/consultation.css?url";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction = () => [{ title: "Reactienota - Inspraak - Beheer" }];

function idOf(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Dit document bestaat niet", { status: 404 });
  return id;
}

async function versionOf(id: number, request: Request) {
  const asked = Number(new URL(request.url).searchParams.get("versie"));
  const versions = await consultationStaff.notaVersions(id);
  const chosen = versions.find((v) => v.number === asked) ?? versions.at(-1);
  return { versions, chosen };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak_.$id_.nota"]);
  const id = idOf(params.id);
  const { versions, chosen } = await versionOf(id, request);
  const page = chosen ? await consultationStaff.nota(id, chosen.number) : null;
  return {
    id,
    versions: versions.map((v) => v.number),
    page: page
      ? {
          title: page.title,
          projectSlug: page.project.slug,
          version: page.version.number,
          publishedAt: page.version.notaPublishedAt?.toISOString() ?? null,
          nota: page.nota,
          open: page.open,
          period: page.period,
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak_.$id_.nota"]);
  const form = await request.formData();
  const outcome = await consultationStaff.publishNota(user, idOf(params.id), Number(form.get("versie")));
  if (!outcome.ok) return data({ ok: false as const, message: outcome.error }, { status: outcome.status });
  return { ok: true as const, message: outcome.message };
}

export default function StaffNota() {
  const { id, versions, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <p className="wmh-no-print">
        <Link to={`/beheer/inspraak/${id}`} className="utrecht-link">
          Terug naar het document
        </Link>
      </p>
      {!page ? (
        <>
          <Heading level={1}>Reactienota</Heading>
          <Paragraph>Er is nog geen gepubliceerde versie.</Paragraph>
        </>
      ) : (
        <>
          <Heading level={1}>
            Reactienota bij {page.title}, versie {page.version}
          </Heading>
          {versions.length > 1 ? (
            <Paragraph>
              Andere versies:{" "}
              {versions
                .filter((v) => v !== page.version)
                .map((v) => (
                  <Link key={v} to={`?versie=${v}`} className="utrecht-link">
                    versie {v}{" "}
                  </Link>
                ))}
            </Paragraph>
          ) : null}
          {result ? <Alert type={result.ok ? "ok" : "error"}>{result.message}</Alert> : null}
          {page.publishedAt ? (
            <Alert type="info">
              Gepubliceerd op {formatDateTime(page.publishedAt)}.{" "}
              <Link
                to={`/meedenken/${page.projectSlug}/reactienota/${page.version}`}
                className="utrecht-link"
              >
                Bekijk de openbare reactienota
              </Link>
            </Alert>
          ) : (
            <div className="wmh-card wmh-card--muted wmh-stack wmh-no-print">
              <Heading level={2}>Klaar om te publiceren?</Heading>
              <ul>
                <li>
                  Reactieperiode:{" "}
                  {page.period === "closed" || page.period === "not_set"
                    ? "voorbij"
                    : "loopt nog (eerst afwachten)"}
                </li>
                <li>Reacties nog niet in een punt: {page.open.unassigned}</li>
                <li>Punten zonder antwoord, besluit of reden: {page.open.unanswered}</li>
                <li>Punten met mogelijk persoonsgegevens: {page.open.personalData}</li>
              </ul>
              <Form method="post">
                <input type="hidden" name="versie" value={page.version} />
                <Paragraph>
                  Na publiceren staat de nota op de projectpagina en krijgt iedereen die reageerde een e-mail
                  met een link.
                </Paragraph>
                <SubmitButton>Reactienota publiceren</SubmitButton>
              </Form>
            </div>
          )}
          <NotaView {...page.nota} />
        </>
      )}
    </div>
  );
}
