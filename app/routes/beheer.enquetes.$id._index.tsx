import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { handleEditorPost, staffProjects, staffSurvey } from "~/domain/surveys/admin.server";
import {
  BACKGROUND_VARIABLES,
  QUESTION_TYPES,
  type Question,
  questionTypeLabels,
  THEMES,
} from "~/domain/surveys/definition";
import { backgroundLabels, blockToForm, questionToForm } from "~/domain/surveys/editor";
import { accessModeLabels, statusLabels, toAmsterdamLocal } from "~/domain/surveys/rules";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { Alert, ButtonLink, DemoBadge, formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import surveysCss from "~/ui/surveys.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.definition.title ?? "Enquête"} - Beheer - Wij maken Heemstede` },
];

function surveyId(params: { id?: string }): number {
  const id = Number.parseInt(params.id ?? "", 10);
  if (!Number.isInteger(id) || id <= 0 || String(id) !== params.id)
    throw new Response("Niet gevonden", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id._index"]);
  const found = await staffSurvey(surveyId(params));
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const projects = await staffProjects();
  const { survey } = found;
  return {
    survey: {
      id: survey.id,
      slug: survey.slug,
      status: survey.status,
      accessMode: survey.accessMode,
      projectId: survey.projectId,
      isDemo: survey.isDemo,
      opensAt: survey.opensAt ? toAmsterdamLocal(survey.opensAt) : "",
      closesAt: survey.closesAt ? toAmsterdamLocal(survey.closesAt) : "",
      closesAtText: survey.closesAt ? formatDateTime(survey.closesAt) : null,
    },
    definition: found.definition,
    version: found.current.version,
    currentIsPublished: found.currentIsPublished,
    publishedVersions: found.versions.filter((v) => v.publishedAt).map((v) => v.version),
    responseCount: found.responseCount,
    projects: projects.map((p) => ({ value: String(p.id), label: p.title })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes.$id._index"]);
  const id = surveyId(params);
  const outcome = await handleEditorPost(user, id, await request.formData());
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response("Niet gevonden", { status: 404 });
    return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
  }
  const to = outcome.redirectTo ?? `/beheer/enquetes/${id}`;
  throw redirect(`${to}?melding=${encodeURIComponent(outcome.message)}`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function v(values: FormValues | undefined, key: string, fallback = ""): string {
  const x = values?.[key];
  return Array.isArray(x) ? (x[0] ?? fallback) : (x ?? fallback);
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="wmh-stack">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export default function SurveyEditor() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const message = params.get("melding");
  const editQuestion = params.get("vraag");
  const newQuestionPage = params.get("nieuw");
  const editPage = params.get("pagina");
  const editBlock = params.get("blok");
  const newBlockPage = params.get("nieuw-blok");
  const back = (
    <Paragraph>
      <TextLink to={`/beheer/enquetes/${d.survey.id}`}>Terug naar de enquête</TextLink>
    </Paragraph>
  );

  if (editQuestion || newQuestionPage) {
    const page = d.definition.pages.find((p) =>
      editQuestion ? p.questions.some((q) => q.key === editQuestion) : p.key === newQuestionPage,
    );
    const question = page?.questions.find((q) => q.key === editQuestion);
    if (!page) return <NotFound back={back} />;
    return (
      <div className="wmh-stack wmh-editor">
        <Heading level={1}>{question ? "Vraag bewerken" : "Nieuwe vraag"}</Heading>
        <Paragraph>Pagina: {page.title}</Paragraph>
        <QuestionForm d={d} pageKey={page.key} question={question} errors={errors} posted={posted} />
        {back}
      </div>
    );
  }
  if (editPage || params.has("nieuwe-pagina")) {
    const page = d.definition.pages.find((p) => p.key === editPage);
    const values = posted ?? (page ? { title: page.title, intro: page.intro ?? "", kind: page.kind } : {});
    return (
      <div className="wmh-stack wmh-editor wmh-form">
        <Heading level={1}>{page ? "Pagina bewerken" : "Nieuwe pagina"}</Heading>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="page-save" />
          <input type="hidden" name="paginaKey" value={page?.key ?? ""} />
          <TextField
            name="title"
            label="Titel van de pagina"
            required
            defaultValue={v(values, "title")}
            error={errors.title}
          />
          <TextArea
            name="intro"
            label="Korte uitleg bovenaan"
            defaultValue={v(values, "intro")}
            error={errors.intro}
            rows={3}
          />
          <SelectField
            name="kind"
            label="Soort pagina"
            required
            options={[
              { value: "questions", label: "Vragen" },
              { value: "info", label: "Informatie (woon-DNA), zonder vragen" },
            ]}
            defaultValue={v(values, "kind", "questions")}
          />
          <SubmitButton>Pagina opslaan</SubmitButton>
        </Form>
        {back}
      </div>
    );
  }
  if (editBlock || newBlockPage) {
    const [pageKey, indexText] = (editBlock ?? `${newBlockPage}:`).split(":");
    const page = d.definition.pages.find((p) => p.key === pageKey);
    const index = indexText ? Number(indexText) : null;
    const block = index !== null ? page?.blocks[index] : undefined;
    if (!page || (index !== null && !block)) return <NotFound back={back} />;
    const values = posted ?? (block ? blockToForm(block) : { kind: "figures", isExample: "ja" });
    return (
      <div className="wmh-stack wmh-editor wmh-form">
        <Heading level={1}>{block ? "Informatieblok bewerken" : "Nieuw informatieblok"}</Heading>
        <Paragraph>Pagina: {page.title}</Paragraph>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="block-save" />
          <input type="hidden" name="paginaKey" value={page.key} />
          <input type="hidden" name="blok" value={index ?? ""} />
          <SelectField
            name="kind"
            label="Soort blok"
            required
            options={[
              { value: "figures", label: "Kerncijfers (grafiek en tabel)" },
              { value: "text", label: "Tekst" },
            ]}
            defaultValue={v(values, "kind", "figures")}
          />
          <TextField
            name="title"
            label="Titel"
            required
            defaultValue={v(values, "title")}
            error={errors.title}
          />
          <TextArea name="text" label="Tekst" defaultValue={v(values, "text")} error={errors.text} rows={4} />
          <TextArea
            name="figures"
            label="Cijfers (alleen bij kerncijfers)"
            description="Eén cijfer per regel: omschrijving | getal | eenheid. Bijvoorbeeld: Nieuwbouwwoningen tot en met 2030 | 355 | woningen"
            defaultValue={v(values, "figures")}
            error={errors.figures}
            rows={6}
          />
          <TextField name="source" label="Bron" defaultValue={v(values, "source")} error={errors.source} />
          <CheckboxField
            name="isExample"
            label="Dit zijn voorbeeldcijfers (geen officiële cijfers)"
            defaultChecked={v(values, "isExample") === "ja"}
          />
          <SubmitButton>Blok opslaan</SubmitButton>
        </Form>
        {back}
      </div>
    );
  }

  return <Overview d={d} errors={errors} posted={posted} message={message} />;
}

function NotFound({ back }: { back: ReactNode }) {
  return (
    <div className="wmh-stack">
      <Heading level={1}>Niet gevonden</Heading>
      <Paragraph>
        Dit onderdeel bestaat niet (meer). Misschien heeft iemand anders het net veranderd.
      </Paragraph>
      {back}
    </div>
  );
}

function Overview({
  d,
  errors,
  posted,
  message,
}: {
  d: Data;
  errors: FieldErrors;
  posted: FormValues | undefined;
  message: string | null;
}) {
  const base = `/beheer/enquetes/${d.survey.id}`;
  const def = d.definition;
  const questionCount = def.pages.reduce((n, p) => n + p.questions.length, 0);
  return (
    <div className="wmh-stack wmh-editor">
      <Heading level={1}>
        {def.title} {d.survey.isDemo ? <DemoBadge /> : null}
      </Heading>
      {message ? <Alert type="ok">{message}</Alert> : null}
      <ErrorSummary errors={errors} />
      <p className="utrecht-paragraph">
        Status: <strong>{statusLabels[d.survey.status]}</strong>. Versie {d.version}{" "}
        {d.currentIsPublished ? "(gepubliceerd)" : "(concept)"}. {questionCount} vragen. {d.responseCount}{" "}
        keer begonnen.
        {d.survey.status !== "draft" ? (
          <>
            {" "}
            Link voor inwoners: <a href={`/enquete/${d.survey.slug}`}>/enquete/{d.survey.slug}</a>
          </>
        ) : null}
      </p>
      {d.currentIsPublished ? (
        <Alert type="info">
          Deze versie is gepubliceerd en verandert niet meer. Past u iets aan, dan maken wij een nieuwe
          conceptversie. Die gaat pas gelden als u hem publiceert; wie al begonnen is, houdt de oude versie.
        </Alert>
      ) : d.publishedVersions.length > 0 ? (
        <Alert type="warning">
          U bewerkt conceptversie {d.version}. Inwoners zien nog versie {Math.max(...d.publishedVersions)} tot
          u deze versie publiceert.
        </Alert>
      ) : null}
      <div className="wmh-button-row">
        <ButtonLink to={`${base}/voorbeeld`} variant="secondary">
          Voorbeeld bekijken
        </ButtonLink>
        <a
          href={`${base}/json`}
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          download
        >
          JSON exporteren
        </a>
        <Form method="post">
          <SubmitButton name="intent" value="duplicate" variant="secondary">
            Dupliceren
          </SubmitButton>
        </Form>
        {d.survey.status === "published" ? (
          <Form method="post">
            <SubmitButton name="intent" value="close" variant="secondary">
              Enquête sluiten
            </SubmitButton>
          </Form>
        ) : null}
      </div>

      <Section id="publiceren" title="Publiceren">
        <Paragraph>
          Kies wanneer de enquête open gaat en sluit. Laat leeg om direct te openen of niet automatisch te
          sluiten.
        </Paragraph>
        <Form method="post" noValidate className="wmh-form">
          <TextField
            name="opensAt"
            type="datetime-local"
            label="Open vanaf"
            defaultValue={v(posted, "opensAt", d.survey.opensAt)}
            error={errors.opensAt}
          />
          <TextField
            name="closesAt"
            type="datetime-local"
            label="Sluit op"
            defaultValue={v(posted, "closesAt", d.survey.closesAt)}
            error={errors.closesAt}
          />
          <SubmitButton name="intent" value="publish">
            {d.currentIsPublished ? "Datums opslaan en publiceren" : `Versie ${d.version} publiceren`}
          </SubmitButton>
        </Form>
      </Section>

      <Section id="instellingen" title="Instellingen">
        <Form method="post" noValidate className="wmh-form">
          <input type="hidden" name="intent" value="settings" />
          <TextField
            name="slug"
            label="Webadres"
            description={
              d.survey.status === "draft"
                ? "Komt achter /enquete/ in de link."
                : "Na publiceren kan het webadres niet meer veranderen."
            }
            required
            defaultValue={v(posted, "slug", d.survey.slug)}
            error={errors.slug}
          />
          <SelectField
            name="accessMode"
            label="Wie kan meedoen?"
            required
            options={Object.entries(accessModeLabels).map(([value, label]) => ({ value, label }))}
            defaultValue={v(posted, "accessMode", d.survey.accessMode)}
            error={errors.accessMode}
          />
          <SelectField
            name="projectId"
            label="Project"
            options={d.projects}
            placeholder="Geen project"
            defaultValue={v(posted, "projectId", d.survey.projectId ? String(d.survey.projectId) : "")}
          />
          <SubmitButton variant="secondary">Instellingen opslaan</SubmitButton>
        </Form>
      </Section>

      <Section id="algemeen" title="Introductie en bedankt">
        <Form method="post" noValidate className="wmh-form">
          <input type="hidden" name="intent" value="general" />
          <TextField
            name="title"
            label="Titel"
            required
            defaultValue={v(posted, "title", def.title)}
            error={errors.title}
          />
          <TextArea
            name="intro"
            label="Introductie"
            defaultValue={v(posted, "intro", def.intro)}
            error={errors.intro}
            rows={4}
          />
          <TextField
            name="estimatedMinutes"
            label="Geschatte tijd in minuten"
            required
            inputMode="numeric"
            size="short"
            defaultValue={v(posted, "estimatedMinutes", String(def.estimatedMinutes))}
            error={errors.estimatedMinutes}
          />
          <TextArea
            name="whatHappens"
            label="Wat gebeurt er met de antwoorden?"
            defaultValue={v(posted, "whatHappens", def.whatHappens)}
            error={errors.whatHappens}
            rows={4}
          />
          <TextArea
            name="thankYou"
            label="Tekst op de bedankpagina"
            defaultValue={v(posted, "thankYou", def.thankYou)}
            rows={3}
          />
          <SubmitButton variant="secondary">Opslaan</SubmitButton>
        </Form>
      </Section>

      <Section id="paginas" title="Pagina's en vragen">
        <ol className="wmh-survey-list">
          {def.pages.map((page, pi) => (
            <li key={page.key} className="wmh-card">
              <Heading level={3}>
                {pi + 1}. {page.title} {page.kind === "info" ? "(informatie)" : ""}
              </Heading>
              <div className="wmh-button-row">
                <Link to={`?pagina=${page.key}`} className="utrecht-link">
                  Pagina bewerken<span className="wmh-visually-hidden">: {page.title}</span>
                </Link>
                <MoveButtons
                  intent="page"
                  field="paginaKey"
                  value={page.key}
                  label={page.title}
                  first={pi === 0}
                  last={pi === def.pages.length - 1}
                />
                <Form method="post">
                  <input type="hidden" name="paginaKey" value={page.key} />
                  <SubmitButton name="intent" value="page-delete" variant="subtle">
                    Verwijderen<span className="wmh-visually-hidden">: pagina {page.title}</span>
                  </SubmitButton>
                </Form>
              </div>
              {page.blocks.length > 0 ? (
                <ul>
                  {page.blocks.map((b, bi) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: blocks are addressed by position
                    <li key={bi}>
                      {b.kind === "figures"
                        ? `Kerncijfers: ${b.title}${b.isExample ? " (voorbeeldcijfers)" : ""}`
                        : `Tekst: ${b.title ?? b.text.slice(0, 60)}`}{" "}
                      <Link to={`?blok=${page.key}:${bi}`} className="utrecht-link">
                        Bewerken<span className="wmh-visually-hidden">: blok {b.title}</span>
                      </Link>
                      <Form method="post" className="wmh-inline-form">
                        <input type="hidden" name="paginaKey" value={page.key} />
                        <input type="hidden" name="blok" value={bi} />
                        <SubmitButton name="intent" value="block-delete" variant="subtle">
                          Verwijderen<span className="wmh-visually-hidden">: blok {b.title}</span>
                        </SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : null}
              {page.questions.map((q, qi) => (
                <div key={q.key} className="wmh-editor__question">
                  <p className="utrecht-paragraph">
                    <strong>{q.text}</strong>
                    <br />
                    {questionTypeLabels[q.type]} · sleutel {q.key}
                    {q.required ? " · verplicht" : ""}
                    {q.theme ? ` · thema ${q.theme}` : ""}
                    {q.background ? ` · achtergrond: ${backgroundLabels[q.background]}` : ""}
                    {q.showIf
                      ? ` · alleen als ${q.showIf.question} ${q.showIf.operator} ${q.showIf.value ?? ""}`
                      : ""}
                  </p>
                  <div className="wmh-button-row">
                    <Link to={`?vraag=${q.key}`} className="utrecht-link">
                      Vraag bewerken<span className="wmh-visually-hidden">: {q.text}</span>
                    </Link>
                    <MoveButtons
                      intent="question"
                      field="vraagKey"
                      value={q.key}
                      label={q.text}
                      first={qi === 0}
                      last={qi === page.questions.length - 1}
                    />
                    <Form method="post">
                      <input type="hidden" name="vraagKey" value={q.key} />
                      <SubmitButton name="intent" value="question-delete" variant="subtle">
                        Verwijderen<span className="wmh-visually-hidden">: {q.text}</span>
                      </SubmitButton>
                    </Form>
                  </div>
                </div>
              ))}
              <div className="wmh-button-row">
                <Link to={`?nieuw=${page.key}`} className="utrecht-link">
                  Vraag toevoegen<span className="wmh-visually-hidden"> aan {page.title}</span>
                </Link>
                <Link to={`?nieuw-blok=${page.key}`} className="utrecht-link">
                  Informatieblok toevoegen<span className="wmh-visually-hidden"> aan {page.title}</span>
                </Link>
              </div>
            </li>
          ))}
        </ol>
        <Paragraph>
          <Link to="?nieuwe-pagina=1" className="utrecht-link">
            Pagina toevoegen
          </Link>
        </Paragraph>
      </Section>

      <Section id="json" title="JSON importeren">
        <Paragraph>
          Plak hier een volledige enquête als JSON (bijvoorbeeld een export). Dit vervangt de inhoud van het
          concept.
        </Paragraph>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="import" />
          <TextArea name="json" label="JSON" defaultValue={v(posted, "json")} error={errors.json} rows={8} />
          <SubmitButton variant="secondary">JSON inlezen</SubmitButton>
        </Form>
      </Section>
    </div>
  );
}

function MoveButtons(props: {
  intent: "page" | "question";
  field: string;
  value: string;
  label: string;
  first: boolean;
  last: boolean;
}) {
  return (
    <Form method="post" className="wmh-inline-form">
      <input type="hidden" name={props.field} value={props.value} />
      {props.first ? null : (
        <SubmitButton name="intent" value={`${props.intent}-up`} variant="subtle">
          Omhoog<span className="wmh-visually-hidden">: {props.label}</span>
        </SubmitButton>
      )}
      {props.last ? null : (
        <SubmitButton name="intent" value={`${props.intent}-down`} variant="subtle">
          Omlaag<span className="wmh-visually-hidden">: {props.label}</span>
        </SubmitButton>
      )}
    </Form>
  );
}

function QuestionForm({
  d,
  pageKey,
  question,
  errors,
  posted,
}: {
  d: Data;
  pageKey: string;
  question?: Question;
  errors: FieldErrors;
  posted?: FormValues;
}) {
  const [params] = useSearchParams();
  const values: FormValues =
    posted ?? (question ? questionToForm(question) : { type: params.get("soort") ?? "" });
  const type = v(values, "type");
  if (!question && !(QUESTION_TYPES as readonly string[]).includes(type)) {
    return (
      <Form method="get" className="wmh-form">
        <input type="hidden" name="nieuw" value={pageKey} />
        <SelectField
          name="soort"
          label="Wat voor vraag wilt u toevoegen?"
          required
          options={QUESTION_TYPES.map((t) => ({ value: t, label: questionTypeLabels[t] }))}
        />
        <SubmitButton>Verder</SubmitButton>
      </Form>
    );
  }
  const pageIndex = d.definition.pages.findIndex((p) => p.key === pageKey);
  const earlier = d.definition.pages.slice(0, pageIndex).flatMap((p) => p.questions);
  const has = (...types: string[]) => types.includes(type);
  return (
    <div className="wmh-form">
      <ErrorSummary errors={errors} fieldIds={{ showIf: "veld-showIfQuestion" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="question-save" />
        <input type="hidden" name="paginaKey" value={pageKey} />
        <input type="hidden" name="originalKey" value={question?.key ?? ""} />
        <input type="hidden" name="type" value={type} />
        <Paragraph>Soort vraag: {questionTypeLabels[type as Question["type"]]}</Paragraph>
        <TextArea
          name="text"
          label="Vraag"
          required
          defaultValue={v(values, "text")}
          error={errors.text}
          rows={2}
        />
        <TextField
          name="key"
          label="Sleutel"
          description="Korte naam voor de resultaten, bijvoorbeeld cijfer-buurt. Laat leeg om hem uit de vraag te maken."
          defaultValue={v(values, "key")}
          error={errors.key}
        />
        <TextArea
          name="description"
          label="Uitleg bij de vraag"
          defaultValue={v(values, "description")}
          error={errors.description}
          rows={2}
        />
        {has("single", "multiple", "ranking", "matrix", "mapPoint") ? (
          <TextArea
            name="options"
            label={
              type === "matrix"
                ? "Rijen"
                : type === "ranking"
                  ? "Onderwerpen om te rangschikken"
                  : type === "mapPoint"
                    ? "Plekken om uit te kiezen"
                    : "Antwoordmogelijkheden"
            }
            description={
              type === "mapPoint"
                ? "Eén per regel: naam; breedtegraad; lengtegraad. Bijvoorbeeld: Omgeving station; 52.3594; 4.6095"
                : "Eén per regel. U kunt een eigen waarde geven met: waarde = tekst"
            }
            required={type !== "mapPoint"}
            defaultValue={v(values, "options")}
            error={errors.options}
            rows={6}
          />
        ) : null}
        {has("matrix") ? (
          <TextArea
            name="scale"
            label="Schaal (kolommen)"
            description="Eén per regel."
            required
            defaultValue={v(values, "scale")}
            error={errors.scale}
            rows={4}
          />
        ) : null}
        {has("single", "multiple") ? (
          <CheckboxField
            name="other"
            label="Met 'Anders, namelijk' en een tekstvak"
            defaultChecked={v(values, "other") === "ja"}
          />
        ) : null}
        {has("multiple") ? (
          <TextField
            name="max"
            label="Hoeveel antwoorden mag iemand hoogstens kiezen?"
            inputMode="numeric"
            size="short"
            defaultValue={v(values, "max")}
            error={errors.max}
          />
        ) : null}
        {has("ranking") ? (
          <TextField
            name="top"
            label="Hoeveel onderwerpen rangschikken? (leeg is alle)"
            inputMode="numeric"
            size="short"
            defaultValue={v(values, "top")}
            error={errors.top}
          />
        ) : null}
        {has("open") ? (
          <>
            <TextField
              name="maxLength"
              label="Hoeveel tekens hoogstens?"
              inputMode="numeric"
              size="short"
              defaultValue={v(values, "maxLength", "1000")}
              error={errors.maxLength}
            />
            <CheckboxField
              name="singleLine"
              label="Kort antwoord (één regel)"
              defaultChecked={v(values, "singleLine") === "ja"}
            />
          </>
        ) : null}
        {has("number") ? (
          <>
            <TextField
              name="min"
              label="Kleinste getal"
              inputMode="numeric"
              size="short"
              defaultValue={v(values, "min")}
              error={errors.min}
            />
            <TextField
              name="max"
              label="Grootste getal"
              inputMode="numeric"
              size="short"
              defaultValue={v(values, "max")}
              error={errors.max}
            />
            <TextField
              name="unit"
              label="Eenheid, bijvoorbeeld jaar"
              size="short"
              defaultValue={v(values, "unit")}
              error={errors.unit}
            />
            <CheckboxField
              name="decimals"
              label="Getallen met een komma toestaan"
              defaultChecked={v(values, "decimals") === "ja"}
            />
          </>
        ) : null}
        {has("birthYear") ? (
          <TextField
            name="minAge"
            label="Minimumleeftijd"
            inputMode="numeric"
            size="short"
            defaultValue={v(values, "minAge", "0")}
            error={errors.minAge}
          />
        ) : null}
        {has("mapPoint") ? (
          <>
            <SelectField
              name="allowAddress"
              label="Mag iemand ook een adres invullen?"
              required
              options={[
                { value: "", label: "Ja" },
                { value: "nee", label: "Nee" },
              ]}
              defaultValue={v(values, "allowAddress")}
            />
            <TextField
              name="commentLabel"
              label="Vraag bij de toelichting"
              defaultValue={v(values, "commentLabel", "Toelichting")}
            />
          </>
        ) : null}
        <CheckboxField
          name="required"
          label="Verplichte vraag"
          defaultChecked={v(values, "required") === "ja"}
        />
        <CheckboxField
          name="allowDontKnow"
          label="Met 'Weet ik niet / geen mening'"
          defaultChecked={v(values, "allowDontKnow") === "ja"}
        />
        <SelectField
          name="theme"
          label="Thema van de Woonvisie"
          options={Object.entries(THEMES).map(([value, label]) => ({ value, label: `${value}. ${label}` }))}
          placeholder="Geen thema"
          defaultValue={v(values, "theme")}
          error={errors.theme}
        />
        <SelectField
          name="background"
          label="Achtergrondvariabele"
          description="Gebruikt om te zien of de antwoorden de inwoners goed weerspiegelen."
          options={BACKGROUND_VARIABLES.map((b) => ({ value: b, label: backgroundLabels[b] }))}
          placeholder="Geen"
          defaultValue={v(values, "background")}
          error={errors.background}
        />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Alleen tonen als… (niet verplicht)</legend>
          <SelectField
            name="showIfQuestion"
            label="Vraag op een eerdere pagina"
            options={earlier.map((q) => ({ value: q.key, label: q.text.slice(0, 80) }))}
            placeholder="Altijd tonen"
            defaultValue={v(values, "showIfQuestion")}
            error={errors.showIf}
          />
          <SelectField
            name="showIfOperator"
            label="Voorwaarde"
            required
            options={[
              { value: "equals", label: "is gelijk aan" },
              { value: "notEquals", label: "is niet gelijk aan" },
              { value: "anyOf", label: "is een van (gescheiden door komma's)" },
              { value: "answered", label: "is beantwoord" },
              { value: "atLeast", label: "is minstens" },
              { value: "atMost", label: "is hoogstens" },
            ]}
            defaultValue={v(values, "showIfOperator", "equals")}
          />
          <TextField name="showIfValue" label="Waarde" defaultValue={v(values, "showIfValue")} />
        </fieldset>
        <SubmitButton>Vraag opslaan</SubmitButton>
      </Form>
    </div>
  );
}
