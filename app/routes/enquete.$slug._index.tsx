import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  type ClientLoaderFunctionArgs,
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { tileConfig } from "~/domain/places/tiles.server";
import { afterSurveyCookie, clearResumeCookie, resumeCookie } from "~/domain/surveys/cookie.server";
import { handleSurveyPost, resumeFromLink, surveyView } from "~/domain/surveys/flow.server";
import { flowMessages } from "~/domain/surveys/messages";
import { loadResidentParts, PageQuestion, pageErrors } from "~/domain/surveys/question-types/page";
import { fieldId, type RawValues } from "~/domain/surveys/question-types/shared";
import { Alert, formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import { InfoBlock } from "~/ui/surveys/blocks";
import surveysCss from "~/ui/surveys.css?url";

// The map-point question's map adds Leaflet's and the map's style sheets itself when it loads.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = data?.title ?? "Vragenlijst";
  const page = data?.view.state === "page" ? `${data.view.page.title} - ` : "";
  return [{ title: `${page}${title} - Wij maken Heemstede` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const view = await surveyView(request, slug);
  if (!view) throw new Response("Niet gevonden", { status: 404 });
  const verder = url.searchParams.get("verder");
  if (verder !== null) {
    // A used or unknown link changes nothing: the visitor sees the survey as before.
    const token = await resumeFromLink(view.survey.survey.id, verder);
    throw redirect(
      `/enquete/${encodeURIComponent(slug)}`,
      token ? { headers: { "Set-Cookie": resumeCookie(view.survey.survey.id, token) } } : undefined,
    );
  }
  const { survey, definition } = view.survey;
  const base = {
    slug: survey.slug,
    title: definition.title,
    accessMode: survey.accessMode,
    closesAt: survey.closesAt?.toISOString() ?? null,
  };
  if (view.state === "unavailable")
    return data(
      {
        ...base,
        view: { state: view.availability, opensAt: survey.opensAt?.toISOString() ?? null } as const,
      },
      { status: view.availability === "closed" ? 410 : 200 },
    );
  if (view.state === "intro")
    return {
      ...base,
      view: {
        state: "intro" as const,
        code: view.code,
        intro: definition.intro,
        estimatedMinutes: definition.estimatedMinutes,
        whatHappens: definition.whatHappens,
      },
    };
  const { shown } = view;
  // Rendered at once with its questions' types, also without JavaScript (question-types/page.tsx).
  await loadResidentParts(shown.page.questions);
  return {
    ...base,
    view: {
      state: "page" as const,
      later: view.later,
      index: shown.index,
      page: shown.page,
      clientPage: shown.clientPage,
      isInfo: shown.isInfo,
      isFirst: shown.isFirst,
      isLast: shown.isLast,
      values: shown.values,
      progress: shown.progress,
    },
    tiles: shown.page.questions.some((q) => q.type === "mapPoint") ? tileConfig() : undefined,
  };
}

/** On a move to another page: the page's question types are loaded before it shows. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const loaded = await serverLoader<typeof loader>();
  if (loaded.view.state === "page") await loadResidentParts(loaded.view.page.questions);
  return loaded;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const here = `/enquete/${encodeURIComponent(slug)}`;
  const form = await request.formData();
  const outcome = await handleSurveyPost(request, slug, form, context?.clientIp ?? "unknown");
  switch (outcome.kind) {
    case "notFound":
      throw new Response("Niet gevonden", { status: 404 });
    case "unavailable":
    case "noResponse":
    case "moved":
      throw redirect(here);
    case "started":
      throw redirect(here, { headers: { "Set-Cookie": resumeCookie(outcome.surveyId, outcome.token) } });
    case "later":
      throw redirect(`${here}?later=1`);
    case "submitted": {
      const headers = new Headers({ "Set-Cookie": clearResumeCookie(outcome.surveyId) });
      if (outcome.reuse) headers.append("Set-Cookie", afterSurveyCookie(outcome.surveyId, outcome.token));
      throw redirect(`${here}/bedankt`, { headers });
    }
    case "codeError":
      return data(
        {
          errors: { code: outcome.message } as Record<string, string>,
          values: { code: outcome.code } as RawValues,
          mailed: false,
        },
        { status: outcome.status },
      );
    case "rateLimited":
      return data(
        {
          errors: { _form: flowMessages.tooMany } as Record<string, string>,
          values: {} as RawValues,
          mailed: false,
        },
        { status: 429 },
      );
    case "invalid":
      return data({ errors: outcome.errors, values: outcome.values, mailed: false }, { status: 400 });
    case "mailError":
      return data({ errors: outcome.errors, values: outcome.values, mailed: false }, { status: 400 });
    case "mailed":
      return { errors: {} as Record<string, string>, values: {} as RawValues, mailed: true };
    case "badRequest":
      throw new Response("Dit verzoek klopt niet", { status: 400 });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * In the summary each message names its question, so the list makes sense on its own. Neither is
 * ever shortened: a message cut off mid-word no longer says what to do.
 */
function summaryErrors(questions: { key: string; text: string }[], errors: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const name = questions.find((x) => x.key === key)?.text ?? "";
    out[key] = name ? `${name} ${message}` : message;
  }
  return out;
}

export default function SurveyRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const view = loaderData.view;
  return (
    <div className="wmh-survey">
      {view.state === "page" ? (
        <SurveyPage data={loaderData} />
      ) : view.state === "intro" ? (
        <Intro data={loaderData} />
      ) : (
        <>
          <Heading level={1}>{loaderData.title}</Heading>
          {view.state === "closed" ? (
            <Alert type="info">
              Deze vragenlijst is gesloten. U kunt geen antwoorden meer geven. Dank u wel voor uw interesse!
            </Alert>
          ) : (
            <Alert type="info">
              Deze vragenlijst is nog niet geopend.
              {"opensAt" in view && view.opensAt
                ? ` U kunt meedoen vanaf ${formatDateTime(view.opensAt)}.`
                : ""}
            </Alert>
          )}
          <Paragraph>
            <TextLink to="/meedenken">Bekijk andere manieren om mee te denken</TextLink>
          </Paragraph>
        </>
      )}
    </div>
  );
}

function Intro({ data: d }: { data: LoaderData }) {
  const actionData = useActionData<typeof action>();
  if (d.view.state !== "intro") return null;
  const view = d.view;
  const errors = actionData?.errors ?? {};
  const codeValue = typeof actionData?.values?.code === "string" ? actionData.values.code : view.code;
  return (
    <>
      <Heading level={1}>{d.title}</Heading>
      {view.intro.split(/\n{2,}/).map((p) => (
        <Paragraph key={p} lead>
          {p}
        </Paragraph>
      ))}
      <ul className="utrecht-unordered-list">
        <li>Het invullen duurt ongeveer {view.estimatedMinutes} minuten.</li>
        <li>Uw antwoorden worden na elke pagina bewaard. U kunt stoppen en later verder gaan.</li>
        {d.closesAt ? <li>U kunt meedoen tot {formatDateTime(d.closesAt)}.</li> : null}
        {d.accessMode === "anonymous" ? (
          <li>Deze vragenlijst is anoniem: wij bewaren geen gegevens over wie u bent.</li>
        ) : null}
      </ul>
      {view.whatHappens ? (
        <>
          <Heading level={2}>Wat gebeurt er met uw antwoorden?</Heading>
          <Paragraph>{view.whatHappens}</Paragraph>
        </>
      ) : null}
      {errors._form ? <Alert type="error">{errors._form}</Alert> : null}
      {d.accessMode === "open" && errors.code ? <Alert type="error">{errors.code}</Alert> : null}
      <ErrorSummary errors={d.accessMode === "code" ? errors : {}} fieldIds={{ code: "veld-code" }} />
      <Form method="post" noValidate className="wmh-form">
        {d.accessMode === "code" ? (
          <TextField
            name="code"
            label="Uw persoonlijke code"
            description="U vindt de code in uw uitnodiging per e-mail of in uw brief, bijvoorbeeld ABCD-EFGH-JKMN."
            required
            autoComplete="off"
            defaultValue={codeValue}
            error={errors.code}
          />
        ) : d.accessMode === "open" && codeValue && !errors.code ? (
          <>
            <Paragraph>U doet mee met uw persoonlijke link uit de uitnodiging van het digipanel.</Paragraph>
            <input type="hidden" name="code" value={codeValue} />
          </>
        ) : null}
        <SubmitButton name="intent" value="start">
          Start de vragenlijst
        </SubmitButton>
      </Form>
    </>
  );
}

function SurveyPage({ data: d }: { data: LoaderData }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const view = d.view.state === "page" ? d.view : null;
  const pageKey = view ? `${view.index}` : "";
  // A new page: move focus to its heading, as a page load would (JavaScript navigation).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setClientErrors(null);
    if (pageKey) headingRef.current?.focus();
  }, [pageKey]);
  useEffect(() => {
    if (clientErrors && Object.keys(clientErrors).length) document.getElementById("foutmeldingen")?.focus();
  }, [clientErrors]);
  if (!view) return null;
  const tiles = "tiles" in d ? d.tiles : undefined;

  const serverErrors =
    actionData && !actionData.mailed && actionData.values && "errors" in actionData ? actionData.errors : {};
  const errors = clientErrors ?? (serverErrors.email ? {} : serverErrors);
  const values: RawValues =
    Object.keys(errors).length && actionData?.values ? actionData.values : view.values;
  const fieldIds = Object.fromEntries(view.page.questions.map((q) => [q.key, fieldId(q.key)]));
  const busy = navigation.state !== "idle";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value;
    if (intent !== "next" && intent !== "submit") return;
    // The same validation as the server, from the same definition.
    const raw: RawValues = {};
    const form = new FormData(event.currentTarget);
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key).map(String);
      raw[key] = all.length > 1 ? all : (all[0] ?? "");
    }
    const found = pageErrors(view!.clientPage, raw);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setClientErrors(found);
    } else setClientErrors(null);
  }

  if (view.later)
    return (
      <Later
        data={d}
        mailed={!!actionData?.mailed}
        mailError={serverErrors.email}
        mailValue={actionData?.values?.email}
      />
    );

  return (
    <>
      <p className="wmh-survey__kicker">{d.title}</p>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {view.page.title}
      </h1>
      <div className="wmh-progress">
        <p className="utrecht-paragraph">
          Stap {view.progress.step} van {view.progress.total}
        </p>
        <div className="wmh-progress__bar" aria-hidden="true">
          <span style={{ width: `${view.progress.percent}%` }} />
        </div>
      </div>
      <ErrorSummary errors={summaryErrors(view.page.questions, errors)} fieldIds={fieldIds} />
      {view.page.intro ? <Paragraph>{view.page.intro}</Paragraph> : null}
      {view.page.blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no key of their own and never reorder here
        <InfoBlock key={i} block={block} />
      ))}
      <Form method="post" noValidate onSubmit={onSubmit} key={`${pageKey}-${actionData ? "a" : "l"}`}>
        <input type="hidden" name="pagina" value={view.index} />
        {view.page.questions.map((q) => (
          <PageQuestion key={q.key} q={q} values={values} error={errors[q.key]} tiles={tiles} />
        ))}
        <div className="wmh-survey__actions">
          {view.isLast ? (
            <SubmitButton name="intent" value="submit">
              Versturen
            </SubmitButton>
          ) : (
            <SubmitButton name="intent" value="next">
              Volgende
            </SubmitButton>
          )}
          {view.isFirst ? null : (
            <SubmitButton name="intent" value="back" variant="secondary">
              Vorige
            </SubmitButton>
          )}
          <SubmitButton name="intent" value="later" variant="subtle">
            Later verder gaan
          </SubmitButton>
        </div>
        {busy ? (
          <p className="wmh-visually-hidden" role="status">
            Bezig met opslaan
          </p>
        ) : null}
      </Form>
    </>
  );
}

function Later({
  data: d,
  mailed,
  mailError,
  mailValue,
}: {
  data: LoaderData;
  mailed: boolean;
  mailError?: string;
  mailValue?: string | string[];
}) {
  return (
    <>
      <p className="wmh-survey__kicker">{d.title}</p>
      <Heading level={1}>Uw antwoorden zijn bewaard</Heading>
      <Paragraph>
        U kunt later verder gaan waar u gebleven was. Gebruikt u dezelfde computer, telefoon of tablet? Ga dan
        gewoon weer naar deze pagina.
      </Paragraph>
      {mailed ? <Alert type="ok">{flowMessages.mailed}</Alert> : null}
      {d.accessMode === "anonymous" ? (
        <Paragraph>
          Deze vragenlijst is anoniem. Daarom kunnen wij u geen link per e-mail sturen: dan zouden wij uw
          e-mailadres moeten gebruiken.
        </Paragraph>
      ) : mailed ? null : (
        <>
          <Heading level={2}>Link per e-mail ontvangen</Heading>
          <Paragraph>
            Wilt u verder op een ander apparaat? Dan sturen wij u een link. Wij gebruiken uw e-mailadres
            alleen voor deze e-mail en koppelen het niet aan uw antwoorden.
          </Paragraph>
          <ErrorSummary errors={mailError ? { email: mailError } : {}} />
          <Form method="post" noValidate className="wmh-form">
            <TextField
              name="email"
              type="email"
              label="Uw e-mailadres"
              autoComplete="email"
              required
              defaultValue={typeof mailValue === "string" ? mailValue : undefined}
              error={mailError}
            />
            <SubmitButton name="intent" value="mail-link" variant="secondary">
              Stuur mij de link
            </SubmitButton>
          </Form>
        </>
      )}
      <Paragraph>
        <TextLink to={`/enquete/${d.slug}`}>Nu verder met de vragenlijst</TextLink>
      </Paragraph>
    </>
  );
}
