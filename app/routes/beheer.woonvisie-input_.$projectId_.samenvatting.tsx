import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { handleSummaryPost, summaryPage } from "~/domain/insights/summary.server";
import { type FieldErrors, str } from "~/lib/forms";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextArea } from "~/ui/form";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: insightsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Samenvatting aanpassen: ${data?.project.title ?? ""} - Beheer - Wij maken Heemstede` },
];

const ACCESS = staffAccess["beheer.woonvisie-input_.$projectId_.samenvatting"];

function projectId(params: LoaderFunctionArgs["params"]): number {
  const id = Number(params.projectId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Dit project bestaat niet", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ACCESS);
  const page = await summaryPage(projectId(params));
  if (!page) throw new Response("Dit project bestaat niet", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ACCESS);
  const id = projectId(params);
  const outcome = await handleSummaryPost({ id: user.id, email: user.email }, id, await request.formData());
  switch (outcome.kind) {
    case "notFound":
      throw new Response("Dit project bestaat niet", { status: 404 });
    case "badRequest":
      throw new Response("Dit verzoek klopt niet", { status: 400 });
    case "invalid":
      return data({ theme: outcome.theme, errors: outcome.errors, values: outcome.values }, { status: 400 });
    case "saved":
    case "reset":
      // Back to the same theme on the page, with a message there.
      return redirect(
        `/beheer/woonvisie-input/${id}/samenvatting?klaar=${outcome.kind === "saved" ? "opgeslagen" : "teruggezet"}&thema=${outcome.theme}#thema-${outcome.theme}`,
      );
  }
}

export default function SummaryEditor() {
  const { project, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const doneTheme = Number(searchParams.get("thema"));
  const done = searchParams.get("klaar");
  return (
    <div className="wmh-stack">
      <Heading level={1}>Samenvatting aanpassen: {project.title}</Heading>
      <Paragraph>
        De samenvatting staat vooraan in het rapport. Per thema staan er de drie belangrijkste uitkomsten,
        geschreven uit de cijfers. U kunt de tekst per thema aanpassen voordat u het rapport afdrukt. Zet op
        elke regel één uitkomst en noem de cijfers waar die op rust. Noem nooit aantallen van minder dan 10
        mensen.{" "}
        <Link to={`/beheer/woonvisie-input/${project.id}#samenvatting`} className="utrecht-link">
          Terug naar het rapport
        </Link>
      </Paragraph>
      {themes.map((t) => {
        const errors: FieldErrors = actionData && actionData.theme === t.theme ? actionData.errors : {};
        const typed = actionData && actionData.theme === t.theme ? str(actionData.values, "text") : undefined;
        return (
          <section key={t.theme} className="wmh-card" aria-labelledby={`thema-${t.theme}`}>
            <Heading level={2} id={`thema-${t.theme}`}>
              Thema {t.theme}: {t.label}
            </Heading>
            {doneTheme === t.theme && done ? (
              <Alert type="ok">
                {done === "opgeslagen"
                  ? "Uw tekst is opgeslagen. Het rapport toont nu deze tekst."
                  : "De tekst uit de cijfers staat weer in het rapport."}
              </Alert>
            ) : null}
            <Paragraph>
              {t.edited
                ? `Aangepast${t.edited.updatedBy ? ` door ${t.edited.updatedBy}` : ""} op ${formatDateTime(t.edited.updatedAt)}.`
                : "Nu staat de tekst uit de cijfers in het rapport."}
            </Paragraph>
            <details>
              <summary>Tekst uit de cijfers en de cijfers waarop die rust</summary>
              {t.generated.length === 0 ? (
                <Paragraph>Bij dit thema zijn te weinig antwoorden om iets te zeggen.</Paragraph>
              ) : (
                <ol>
                  {t.generated.map((f) => (
                    <li key={f.key}>
                      {f.text} ({f.figures})
                    </li>
                  ))}
                </ol>
              )}
            </details>
            <ErrorSummary errors={errors} fieldIds={{ text: `veld-text-${t.theme}` }} />
            <Form method="post" noValidate className="wmh-form wmh-summary-form">
              <input type="hidden" name="theme" value={t.theme} />
              <TextArea
                id={`veld-text-${t.theme}`}
                name="text"
                label={`Samenvatting van thema ${t.theme}`}
                description="Eén uitkomst per regel, met de cijfers erbij."
                rows={8}
                maxLength={3000}
                required
                defaultValue={typed ?? t.formText}
                error={errors.text}
              />
              <div className="wmh-actions">
                <SubmitButton name="intent" value="save">
                  Opslaan
                </SubmitButton>
                {t.edited ? (
                  <SubmitButton name="intent" value="reset" variant="secondary" formNoValidate>
                    Terug naar de tekst uit de cijfers
                  </SubmitButton>
                ) : null}
              </div>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
