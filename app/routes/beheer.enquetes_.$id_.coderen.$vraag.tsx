import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { markQuote, recodeAnswer, unmarkQuote } from "~/domain/insights/answer-coding.server";
import {
  acceptCode,
  createCode,
  mergeCodes,
  renameCode,
  splitCode,
} from "~/domain/insights/code-edits.server";
import { listCodes, listOpenAnswers } from "~/domain/insights/coding-lists.server";
import { suggestCodes } from "~/domain/insights/coding-suggestions.server";
import { personalDataLabels, redactPersonalData } from "~/domain/insights/personal-data";
import { loadSurveyForResults } from "~/domain/insights/results.server";
import { themeIds, themeLabels } from "~/domain/insights/themes";
import { findQuestion } from "~/domain/surveys/definition";
import { countPages, pageParam } from "~/lib/forms";
import { Alert, Heading, Pagination, Paragraph } from "~/ui/content";
import { SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: insightsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Open antwoorden coderen: ${data?.question.text ?? ""} - Beheer - Wij maken Heemstede` },
];

const PAGE_SIZE = 25;
const ACCESS = staffAccess["beheer.enquetes_.$id_.coderen.$vraag"];

async function openQuestion(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  const survey = Number.isSafeInteger(id) && id > 0 ? await loadSurveyForResults(id) : null;
  const question = survey ? findQuestion(survey.definition, params.vraag ?? "") : undefined;
  if (!survey || !question || question.type !== "open")
    throw new Response("Deze vraag bestaat niet", { status: 404 });
  return { survey, question };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ACCESS);
  const { survey, question } = await openQuestion(params);
  const url = new URL(request.url);
  const page = pageParam(url);
  const codeId = Number(url.searchParams.get("code")) || undefined;
  const uncoded = url.searchParams.get("ongecodeerd") === "1";
  const [codes, answers] = await Promise.all([
    listCodes(survey.id, question.key),
    listOpenAnswers(survey.id, question.key, { page, pageSize: PAGE_SIZE, codeId, uncoded }),
  ]);
  return {
    survey: { id: survey.id, title: survey.title },
    question: { key: question.key, text: question.text },
    codes,
    answers: answers.rows.map((a) => ({ ...a, redacted: redactPersonalData(a.text) })),
    total: answers.total,
    page,
    pageCount: countPages(answers.total, PAGE_SIZE),
    codeId: codeId ?? null,
    uncoded,
    done: url.searchParams.get("klaar"),
  };
}

const id = z.coerce.number().int().positive();
const themeField = z
  .string()
  .optional()
  .transform((v) => (v && /^[1-5]$/.test(v) ? Number(v) : null));
const label = z
  .string({ required_error: "Vul een naam voor de code in." })
  .trim()
  .min(1, "Vul een naam voor de code in.")
  .max(200, "Gebruik hoogstens 200 tekens.");
const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suggest") }),
  z.object({ intent: z.literal("accept"), codeId: id }),
  z.object({ intent: z.literal("rename"), codeId: id, label, theme: themeField }),
  z.object({
    intent: z.literal("merge"),
    codeId: id,
    into: z.coerce
      .number({ invalid_type_error: "Kies een code." })
      .int()
      .positive("Kies een code om mee samen te voegen."),
  }),
  z.object({
    intent: z.literal("split"),
    codeId: id,
    label,
    theme: themeField,
    answerId: z.array(id).default([]),
  }),
  z.object({ intent: z.literal("create"), label, theme: themeField }),
  z.object({ intent: z.literal("recode"), answerId: id, codeId: z.array(id).default([]) }),
  z.object({
    intent: z.literal("quote"),
    answerId: id,
    text: z.string().trim().min(1, "Het citaat is leeg.").max(2000, "Gebruik hoogstens 2000 tekens."),
  }),
  z.object({ intent: z.literal("unquote"), answerId: id }),
]);

const doneMessages: Record<string, string> = {
  suggest: "De voorstellen zijn gemaakt.",
  accept: "De code is geaccepteerd.",
  rename: "De code is aangepast.",
  merge: "De codes zijn samengevoegd.",
  split: "De gekozen antwoorden hebben een nieuwe code.",
  create: "De code is toegevoegd.",
  recode: "De codes van het antwoord zijn aangepast.",
  quote: "Het antwoord is als citaat gemarkeerd.",
  unquote: "Het citaat is weggehaald.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ACCESS);
  const { survey, question } = await openQuestion(params);
  const form = await request.formData();
  const raw: Record<string, unknown> = Object.fromEntries(form);
  raw.answerId =
    form.getAll("answerId").length > 1 || raw.intent === "split" ? form.getAll("answerId") : raw.answerId;
  if (raw.intent === "recode") raw.codeId = form.getAll("codeId");
  const parsed = intents.safeParse(raw);
  if (!parsed.success)
    return data({ error: parsed.error.issues[0]?.message ?? "Deze actie is niet bekend." }, { status: 400 });
  const actor = { id: user.id, email: user.email };
  const input = parsed.data;
  const key = question.key;
  let result: { ok: boolean; error?: string } = { ok: true };
  switch (input.intent) {
    case "suggest":
      await suggestCodes(actor, survey.id, key);
      break;
    case "accept":
      result = await acceptCode(actor, survey.id, key, input.codeId);
      break;
    case "rename":
      result = await renameCode(actor, survey.id, key, input);
      break;
    case "merge":
      result = await mergeCodes(actor, survey.id, key, input.codeId, input.into);
      break;
    case "split":
      result = await splitCode(actor, survey.id, key, { ...input, answerIds: input.answerId });
      break;
    case "create":
      result = await createCode(actor, survey.id, key, input);
      break;
    case "recode":
      result = await recodeAnswer(actor, survey.id, key, input.answerId, input.codeId);
      break;
    case "quote":
      result = await markQuote(actor, survey.id, key, input.answerId, input.text);
      break;
    case "unquote":
      result = await unmarkQuote(actor, survey.id, input.answerId);
      break;
  }
  if (!result.ok) return data({ error: result.error ?? "Dat lukte niet." }, { status: 400 });
  const back = new URL(request.url);
  back.searchParams.set("klaar", input.intent);
  return redirect(`${back.pathname}${back.search}`);
}

const themeOptions = [
  { value: "", label: "Geen thema" },
  ...themeIds.map((t) => ({ value: String(t), label: `${t}. ${themeLabels[t]}` })),
];

export default function CodeOpenAnswers() {
  const { survey, question, codes, answers, total, page, pageCount, codeId, uncoded, done } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const current = codes.find((c) => c.id === codeId);
  const base = `/beheer/enquetes/${survey.id}/coderen/${question.key}`;
  return (
    <div className="wmh-stack">
      <p className="utrecht-paragraph wmh-no-print">
        <Link to={`/beheer/enquetes/${survey.id}/resultaten`} className="utrecht-link">
          Terug naar de resultaten van {survey.title}
        </Link>
      </p>
      <Heading level={1}>Open antwoorden coderen</Heading>
      <Paragraph lead>{question.text}</Paragraph>
      {actionData && "error" in actionData ? <Alert type="error">{actionData.error}</Alert> : null}
      {done && doneMessages[done] ? <Alert type="ok">{doneMessages[done]}</Alert> : null}

      <section aria-labelledby="codes-titel">
        <Heading level={2} id="codes-titel">
          Codes
        </Heading>
        <Paragraph>
          De computer stelt codes voor: de vijf thema's van de Woonvisie (met trefwoorden) en groepen van de
          overige antwoorden met hun meest gebruikte woorden. U beslist: accepteer, hernoem, voeg samen of
          splits. Geaccepteerde codes en uw eigen codering blijven staan als u opnieuw voorstellen maakt.
        </Paragraph>
        <Form method="post">
          <input type="hidden" name="intent" value="suggest" />
          <SubmitButton variant="secondary">Codes voorstellen</SubmitButton>
        </Form>
        {codes.length === 0 ? (
          <Paragraph>Er zijn nog geen codes.</Paragraph>
        ) : (
          <ul className="wmh-code-list">
            {codes.map((c) => (
              <li key={c.id}>
                <p className="utrecht-paragraph">
                  <strong>{c.label}</strong> · {c.count} {c.count === 1 ? "antwoord" : "antwoorden"} ·{" "}
                  {c.status === "accepted" ? "geaccepteerd" : "voorstel"}
                  {c.theme ? ` · thema ${c.theme}` : ""}{" "}
                  <Link to={`${base}?code=${c.id}`} className="utrecht-link">
                    Antwoorden bekijken<span className="wmh-visually-hidden"> met code {c.label}</span>
                  </Link>
                </p>
                {c.topTerms.length > 0 ? (
                  <p className="utrecht-paragraph">Meest gebruikte woorden: {c.topTerms.join(", ")}</p>
                ) : null}
                {c.status === "suggested" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="accept" />
                    <input type="hidden" name="codeId" value={c.id} />
                    <SubmitButton variant="secondary">
                      Accepteren<span className="wmh-visually-hidden">: {c.label}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
                <details>
                  <summary>
                    Hernoemen of samenvoegen<span className="wmh-visually-hidden">: {c.label}</span>
                  </summary>
                  <Form method="post" aria-label={`Code ${c.label} hernoemen`}>
                    <input type="hidden" name="intent" value="rename" />
                    <input type="hidden" name="codeId" value={c.id} />
                    <TextField
                      name="label"
                      id={`naam-${c.id}`}
                      label="Naam"
                      defaultValue={c.label}
                      required
                    />
                    <SelectField
                      name="theme"
                      id={`thema-${c.id}`}
                      label="Thema"
                      options={themeOptions}
                      defaultValue={c.theme ? String(c.theme) : ""}
                    />
                    <SubmitButton variant="secondary">Opslaan</SubmitButton>
                  </Form>
                  {codes.length > 1 ? (
                    <Form method="post" aria-label={`Code ${c.label} samenvoegen`}>
                      <input type="hidden" name="intent" value="merge" />
                      <input type="hidden" name="codeId" value={c.id} />
                      <SelectField
                        name="into"
                        id={`samen-${c.id}`}
                        label="Samenvoegen met"
                        placeholder="Kies een code"
                        options={codes
                          .filter((o) => o.id !== c.id)
                          .map((o) => ({ value: String(o.id), label: o.label }))}
                        required
                      />
                      <SubmitButton variant="secondary">Samenvoegen</SubmitButton>
                    </Form>
                  ) : null}
                </details>
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary>Eigen code toevoegen</summary>
          <Form method="post" aria-label="Eigen code toevoegen">
            <input type="hidden" name="intent" value="create" />
            <TextField name="label" id="nieuwe-code" label="Naam van de code" required />
            <SelectField name="theme" id="nieuwe-code-thema" label="Thema" options={themeOptions} />
            <SubmitButton variant="secondary">Code toevoegen</SubmitButton>
          </Form>
        </details>
      </section>

      <section aria-labelledby="antwoorden-titel">
        <Heading level={2} id="antwoorden-titel">
          {current
            ? `Antwoorden met code: ${current.label}`
            : uncoded
              ? "Antwoorden zonder code"
              : "Alle antwoorden"}
        </Heading>
        <p className="utrecht-paragraph">
          {total} {total === 1 ? "antwoord" : "antwoorden"}.{" "}
          {current || uncoded ? (
            <Link to={base} className="utrecht-link">
              Alle antwoorden tonen
            </Link>
          ) : (
            <Link to={`${base}?ongecodeerd=1`} className="utrecht-link">
              Alleen antwoorden zonder code
            </Link>
          )}
        </p>
        {current ? (
          <Form
            method="post"
            id="splitsen"
            aria-label={`Code ${current.label} splitsen`}
            className="wmh-no-print"
          >
            <input type="hidden" name="intent" value="split" />
            <input type="hidden" name="codeId" value={current.id} />
            <Paragraph>
              Splitsen: vink hieronder de antwoorden aan die een eigen code krijgen, en geef die code een
              naam.
            </Paragraph>
            <TextField name="label" id="splits-naam" label="Naam van de nieuwe code" required />
            <SelectField
              name="theme"
              id="splits-thema"
              label="Thema van de nieuwe code"
              options={themeOptions}
            />
            <SubmitButton variant="secondary">Gekozen antwoorden splitsen</SubmitButton>
          </Form>
        ) : null}
        {answers.map((a, i) => (
          <article key={a.id} className="wmh-answer" aria-labelledby={`antwoord-${a.id}`}>
            <h3 id={`antwoord-${a.id}`} className="wmh-visually-hidden">
              Antwoord {(page - 1) * 25 + i + 1}
            </h3>
            <blockquote>{a.text}</blockquote>
            {a.personalData.length > 0 ? (
              <p className="utrecht-paragraph wmh-flag">
                Mogelijk persoonsgegevens:{" "}
                {[...new Set(a.personalData.map((p) => personalDataLabels[p.kind]))].join(", ")}. Haal deze
                weg voordat u het antwoord als citaat gebruikt.
              </p>
            ) : null}
            <p className="utrecht-paragraph">
              Codes:{" "}
              {a.codeIds.length === 0
                ? "geen"
                : a.codeIds.map((cid) => (
                    <span key={cid} className="wmh-tag">
                      {codes.find((c) => c.id === cid)?.label ?? cid}
                    </span>
                  ))}
            </p>
            {current ? (
              <div className="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  type="checkbox"
                  id={`splits-${a.id}`}
                  name="answerId"
                  value={a.id}
                  form="splitsen"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />
                <label htmlFor={`splits-${a.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
                  Naar de nieuwe code
                  <span className="wmh-visually-hidden"> (antwoord {(page - 1) * 25 + i + 1})</span>
                </label>
              </div>
            ) : null}
            <details>
              <summary>
                Codes wijzigen
                <span className="wmh-visually-hidden"> (antwoord {(page - 1) * 25 + i + 1})</span>
              </summary>
              <Form method="post">
                <input type="hidden" name="intent" value="recode" />
                <input type="hidden" name="answerId" value={a.id} />
                <fieldset className="utrecht-form-fieldset">
                  <legend className="utrecht-form-fieldset__legend">Codes van dit antwoord</legend>
                  {codes.map((c) => (
                    <div key={c.id} className="utrecht-form-field utrecht-form-field--checkbox">
                      <input
                        type="checkbox"
                        id={`code-${a.id}-${c.id}`}
                        name="codeId"
                        value={c.id}
                        defaultChecked={a.codeIds.includes(c.id)}
                        className="utrecht-checkbox utrecht-checkbox--html-input"
                      />
                      <label
                        htmlFor={`code-${a.id}-${c.id}`}
                        className="utrecht-form-label utrecht-form-label--checkbox"
                      >
                        {c.label}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <SubmitButton variant="secondary">Codes opslaan</SubmitButton>
              </Form>
            </details>
            {a.quote ? (
              <>
                <p className="utrecht-paragraph">Citaat voor het rapport:</p>
                <blockquote className="wmh-quote">{a.quote}</blockquote>
                <Form method="post">
                  <input type="hidden" name="intent" value="unquote" />
                  <input type="hidden" name="answerId" value={a.id} />
                  <SubmitButton variant="subtle">Citaat weghalen</SubmitButton>
                </Form>
              </>
            ) : (
              <details>
                <summary>
                  Als citaat gebruiken
                  <span className="wmh-visually-hidden"> (antwoord {(page - 1) * 25 + i + 1})</span>
                </summary>
                <Form method="post">
                  <input type="hidden" name="intent" value="quote" />
                  <input type="hidden" name="answerId" value={a.id} />
                  <TextArea
                    name="text"
                    id={`citaat-${a.id}`}
                    label="Tekst van het citaat"
                    description="Persoonsgegevens zijn al vervangen. Controleer de tekst voordat u hem opslaat."
                    defaultValue={a.redacted}
                    rows={3}
                    required
                  />
                  <SubmitButton variant="secondary">Citaat opslaan</SubmitButton>
                </Form>
              </details>
            )}
          </article>
        ))}
        <Pagination page={page} pageCount={pageCount} searchParams={searchParams} />
      </section>
    </div>
  );
}
