import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
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
import { redactPersonalData } from "~/domain/insights/personal-data";
import { loadSurveyForResults } from "~/domain/insights/results.server";
import { findQuestion } from "~/domain/surveys/definition";
import { countPages, pageParam } from "~/lib/forms";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { AnswersSection, CodesSection } from "~/ui/insights/open-answer-coding";
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

export default function CodeOpenAnswers() {
  const d = useLoaderData<typeof loader>();
  const { survey, question, codes, codeId, done } = d;
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

      <CodesSection codes={codes} base={base} />

      <AnswersSection d={d} current={current} base={base} searchParams={searchParams} />
    </div>
  );
}
