import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { editorIntents, staffSurvey } from "~/domain/surveys/admin.server";
import { questionTypeLabels } from "~/domain/surveys/definition";
import { backgroundLabels } from "~/domain/surveys/editor";
import { surveyEditorAction, surveyIdParam } from "~/domain/surveys/editor-route.server";
import { accessModeLabels, statusLabels } from "~/domain/surveys/rules";
import { isSurveySaved, surveySavedMessage } from "~/domain/surveys/saved-messages";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { Alert, ButtonLink, DemoBadge, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { type SurveyEditorData, useSurveyEditor, formValue as v } from "~/ui/surveys/editor-parts";

// /beheer/enquetes/:id: status, publishing, settings, texts, the list of pages and questions, JSON
// import. The editors of one page, question or block are routes of their own next to this one.

/**
 * Links in older e-mails and bookmarks chose the editor with a query parameter
 * (?vraag=, ?nieuw=, ?pagina=, ?nieuwe-pagina, ?blok=page:n, ?nieuw-blok=): send them to its route.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes.$id._index"]);
  const id = surveyIdParam(params);
  const q = new URL(request.url).searchParams;
  const base = `/beheer/enquetes/${id}`;
  const enc = encodeURIComponent;
  if (q.has("nieuwe-pagina")) throw redirect(`${base}/pagina`);
  const page = q.get("pagina");
  if (page) throw redirect(`${base}/pagina/${enc(page)}`);
  const newQuestion = q.get("nieuw");
  if (newQuestion) {
    const kind = q.get("soort");
    throw redirect(`${base}/vraag/${enc(newQuestion)}${kind ? `?soort=${enc(kind)}` : ""}`);
  }
  const newBlock = q.get("nieuw-blok");
  if (newBlock) throw redirect(`${base}/blok/${enc(newBlock)}`);
  const block = q.get("blok");
  if (block) {
    const [pageKey = "", index = ""] = block.split(":");
    throw redirect(`${base}/blok/${enc(pageKey)}${index ? `/${enc(index)}` : ""}`);
  }
  const question = q.get("vraag");
  if (question) {
    const found = await staffSurvey(id);
    const onPage = found?.definition.pages.find((p) => p.questions.some((x) => x.key === question));
    if (onPage) throw redirect(`${base}/vraag/${enc(onPage.key)}/${enc(question)}`);
  }
  // After a save: the code in the URL becomes its Dutch confirmation here (never text from the URL).
  const code = q.get("opgeslagen");
  if (!code || !isSurveySaved(code)) return { saved: null };
  const found = await staffSurvey(id);
  return { saved: found ? surveySavedMessage(code, q.has("nieuweversie"), found.current.version) : null };
}

export function action({ request, params }: ActionFunctionArgs) {
  return surveyEditorAction(
    request,
    params,
    staffAccess["beheer.enquetes.$id._index"],
    editorIntents.overview,
  );
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

export default function SurveyEditorOverview() {
  const d = useSurveyEditor();
  const { saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  return (
    <div className="wmh-stack wmh-editor">
      <Heading level={1}>
        {d.definition.title} {d.survey.isDemo ? <DemoBadge /> : null}
      </Heading>
      {saved ? <Alert type="ok">{saved}</Alert> : null}
      <ErrorSummary errors={errors} />
      <SurveyStatus d={d} />
      <PublishSection d={d} errors={errors} posted={posted} />
      <SettingsSection d={d} errors={errors} posted={posted} />
      <GeneralSection d={d} errors={errors} posted={posted} />
      <PagesSection d={d} />
      <JsonImportSection errors={errors} posted={posted} />
    </div>
  );
}

interface FormProps {
  d: SurveyEditorData;
  errors: FieldErrors;
  posted: FormValues | undefined;
}

/** Status, version and link, what editing a published version means, and the survey-wide buttons. */
function SurveyStatus({ d }: { d: SurveyEditorData }) {
  const base = `/beheer/enquetes/${d.survey.id}`;
  const questionCount = d.definition.pages.reduce((n, p) => n + p.questions.length, 0);
  return (
    <>
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
    </>
  );
}

function PublishSection({ d, errors, posted }: FormProps) {
  return (
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
  );
}

function SettingsSection({ d, errors, posted }: FormProps) {
  return (
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
  );
}

function GeneralSection({ d, errors, posted }: FormProps) {
  const def = d.definition;
  return (
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
  );
}

type Page = SurveyEditorData["definition"]["pages"][number];
type Question = Page["questions"][number];

function PagesSection({ d }: { d: SurveyEditorData }) {
  const base = `/beheer/enquetes/${d.survey.id}`;
  const pages = d.definition.pages;
  return (
    <Section id="paginas" title="Pagina's en vragen">
      <ol className="wmh-survey-list">
        {pages.map((page, pi) => (
          <PageCard key={page.key} base={base} page={page} index={pi} count={pages.length} />
        ))}
      </ol>
      <Paragraph>
        <Link to={`${base}/pagina`} className="utrecht-link">
          Pagina toevoegen
        </Link>
      </Paragraph>
    </Section>
  );
}

/** One page in the list: its buttons, its information blocks and its questions. */
function PageCard({ base, page, index, count }: { base: string; page: Page; index: number; count: number }) {
  return (
    <li className="wmh-card">
      <Heading level={3}>
        {index + 1}. {page.title} {page.kind === "info" ? "(informatie)" : ""}
      </Heading>
      <div className="wmh-button-row">
        <Link to={`${base}/pagina/${page.key}`} className="utrecht-link">
          Pagina bewerken<span className="wmh-visually-hidden">: {page.title}</span>
        </Link>
        <MoveButtons
          intent="page"
          field="paginaKey"
          value={page.key}
          label={page.title}
          first={index === 0}
          last={index === count - 1}
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
              <Link to={`${base}/blok/${page.key}/${bi}`} className="utrecht-link">
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
        <QuestionRow
          key={q.key}
          base={base}
          pageKey={page.key}
          q={q}
          first={qi === 0}
          last={qi === page.questions.length - 1}
        />
      ))}
      <div className="wmh-button-row">
        <Link to={`${base}/vraag/${page.key}`} className="utrecht-link">
          Vraag toevoegen<span className="wmh-visually-hidden"> aan {page.title}</span>
        </Link>
        <Link to={`${base}/blok/${page.key}`} className="utrecht-link">
          Informatieblok toevoegen<span className="wmh-visually-hidden"> aan {page.title}</span>
        </Link>
      </div>
    </li>
  );
}

/** The facts of a question on one line: type, key, required, theme, background, condition. */
function questionFacts(q: Question): string {
  const condition = q.showIf
    ? "question" in q.showIf && !q.showIf.row
      ? ` · alleen als ${q.showIf.question} ${q.showIf.operator} ${q.showIf.value ?? ""}`
      : " · met een samengestelde voorwaarde (uit een import)"
    : "";
  return `${questionTypeLabels[q.type]} · sleutel ${q.key}${q.required ? " · verplicht" : ""}${
    q.theme ? ` · thema ${q.theme}` : ""
  }${q.background ? ` · achtergrond: ${backgroundLabels[q.background]}` : ""}${condition}`;
}

function QuestionRow(props: { base: string; pageKey: string; q: Question; first: boolean; last: boolean }) {
  const { base, pageKey, q } = props;
  return (
    <div className="wmh-editor__question">
      <p className="utrecht-paragraph">
        <strong>{q.text}</strong>
        <br />
        {questionFacts(q)}
      </p>
      <div className="wmh-button-row">
        <Link to={`${base}/vraag/${pageKey}/${q.key}`} className="utrecht-link">
          Vraag bewerken<span className="wmh-visually-hidden">: {q.text}</span>
        </Link>
        <MoveButtons
          intent="question"
          field="vraagKey"
          value={q.key}
          label={q.text}
          first={props.first}
          last={props.last}
        />
        <Form method="post">
          <input type="hidden" name="vraagKey" value={q.key} />
          <SubmitButton name="intent" value="question-delete" variant="subtle">
            Verwijderen<span className="wmh-visually-hidden">: {q.text}</span>
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}

function JsonImportSection({ errors, posted }: { errors: FieldErrors; posted: FormValues | undefined }) {
  return (
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
