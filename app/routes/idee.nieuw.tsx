import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AddressSuggestion } from "~/domain/initiatives/address.server";
import {
  draftToken,
  handleQuickscanPost,
  type QuickscanPage,
  quickscanView,
} from "~/domain/initiatives/quickscan-flow.server";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, Honeypot } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import {
  CheckAnswers,
  ContributionStep,
  DetailsStep,
  IdeaStep,
  ImpactStep,
  LocationFields,
  PartiesStep,
  RulesStep,
  StepButtons,
  WhereStep,
} from "~/ui/initiatives/quickscan-steps";
import mapCss from "~/ui/map.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ideasCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Stap ${data.position.number} van ${data.position.total}: ${data.title} - Quickscan - Wij maken Heemstede`
      : "Quickscan - Wij maken Heemstede",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const view = await quickscanView(request, undefined);
  if (view.kind === "redirect") throw redirect(view.to);
  const { kind: _kind, ...page } = view;
  return page;
}

type ActionData = {
  page: QuickscanPage;
  errors: FieldErrors;
  /** Only after "Zoek dit adres": the addresses found, or null when the search failed. */
  suggestions?: AddressSuggestion[] | null;
  message?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const outcome = await handleQuickscanPost(
    form,
    {
      draftToken: draftToken(request),
      clientIp: context?.clientIp ?? "unknown",
    },
    undefined,
  );
  const headers = new Headers();
  for (const c of outcome.cookies) headers.append("Set-Cookie", c);
  switch (outcome.kind) {
    case "badRequest":
      throw new Response("Dit verzoek klopt niet", { status: 400 });
    case "go":
      throw redirect(outcome.to, { headers });
    case "submitted":
      throw redirect(`/idee/volgen/${outcome.followToken}?nieuw=1`, { headers });
    case "invalid":
      return data<ActionData>({ page: outcome.page, errors: outcome.errors }, { status: 400, headers });
    case "searched":
      return data<ActionData>(
        { page: outcome.page, errors: {}, suggestions: outcome.suggestions },
        { headers },
      );
    case "rateLimited":
      return data<ActionData>(
        { page: outcome.page, errors: {}, message: outcome.message },
        { status: 429, headers },
      );
    case "closed":
      return data<ActionData>(
        { page: await closedPage(request), errors: {}, message: outcome.message },
        { status: 409, headers },
      );
  }
}

/** After a second send of the same draft: the first step, empty, with the message. */
async function closedPage(request: Request): Promise<QuickscanPage> {
  const view = await quickscanView(new Request(new URL("/idee/nieuw", request.url)), undefined);
  if (view.kind === "redirect") throw redirect(view.to);
  const { kind: _kind, ...page } = view;
  return page;
}

/** Ids of fields whose error link must point elsewhere than `veld-<name>`. */
const FIELD_IDS = { contribution: "veld-contribution", parties: "veld-parties" };

export default function Quickscan() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const p: QuickscanPage = actionData?.page ?? loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = p.values as FormValues;
  const step = p.step;
  const isCheck = step === "controleren";

  return (
    <div className="wmh-form">
      <p className="wmh-steps">
        Stap {p.position.number} van {p.position.total}
      </p>
      <ol className="wmh-progress" aria-hidden="true">
        {Array.from({ length: p.position.total }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of steps
          <li key={i} data-done={i < p.position.number} />
        ))}
      </ol>
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <Heading level={1}>{p.title}</Heading>
      {step === "idee" ? (
        <Paragraph>
          Vertel in een paar korte stappen over uw idee. Op elke pagina staat één onderwerp. Aan het eind ziet
          u al uw antwoorden en kunt u ze nog veranderen. Velden met "(niet verplicht)" mag u leeg laten.
        </Paragraph>
      ) : null}
      {isCheck ? (
        <CheckAnswers rows={p.rows ?? []} values={values} tiles={p.tiles} photo={p.photo} />
      ) : p.fromCheck ? (
        <Paragraph>Pas uw antwoord aan. Daarna ziet u weer het overzicht van al uw antwoorden.</Paragraph>
      ) : null}
      {/* Only the photo step sends a file; it works without JavaScript as a plain multipart form. */}
      <Form method="post" noValidate encType={step === "idee" ? "multipart/form-data" : undefined}>
        <input type="hidden" name="stap" value={step} />
        {p.fromCheck ? <input type="hidden" name="wijzig" value="1" /> : null}
        <Honeypot />
        {step === "idee" ? <IdeaStep page={p} errors={errors} /> : null}
        {step === "waar" ? <WhereStep values={values} errors={errors} /> : null}
        {step === "plek" ? (
          <LocationFields page={p} errors={errors} suggestions={actionData?.suggestions} />
        ) : null}
        {step === "wie" ? <PartiesStep values={values} errors={errors} /> : null}
        {step === "gevolgen" ? <ImpactStep values={values} errors={errors} /> : null}
        {step === "regels" ? <RulesStep values={values} errors={errors} /> : null}
        {step === "bijdrage" ? <ContributionStep values={values} errors={errors} /> : null}
        {step === "gegevens" ? <DetailsStep values={values} errors={errors} /> : null}
        <StepButtons step={step} fromCheck={p.fromCheck} />
      </Form>
    </div>
  );
}
