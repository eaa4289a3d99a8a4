import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffAgreement, staffAgreementAction } from "~/domain/monitor/pages.server";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, TextLink } from "~/ui/content";
import { ErrorSummary } from "~/ui/form";
import { AgreementFacts } from "~/ui/monitor/agreement";
import {
  HistorySection,
  ReactionSection,
  ReviewSection,
  TenantReactionsSection,
  UpdateSection,
} from "~/ui/monitor/staff-agreement";
import { DocumentText } from "~/ui/monitor/stoplicht";
import monitorCss from "~/ui/monitor.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: monitorCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.detail.agreement.number : "Afspraak"} - Prestatieafspraken - Beheer` },
];

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken.$id"]);
  const found = await staffAgreement(user, id);
  if (found.kind === "not_found") throw new Response("Niet gevonden", { status: 404 });
  if (found.kind === "forbidden") throw new Response("Geen toegang", { status: 403 });
  return { user, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await load(request, params.id);
  return found;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken.$id"]);
  const result = await staffAgreementAction(user, params.id, await request.formData());
  if (!result) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const { intent, outcome } = result;
  if (outcome.ok)
    return {
      intent,
      message: outcome.message as string | null,
      errors: {} as FieldErrors,
      values: {} as FormValues,
    };
  if (outcome.status === 404) throw new Response("Niet gevonden", { status: 404 });
  if (outcome.status === 403) throw new Response("Geen toegang", { status: 403 });
  return data(
    { intent, message: null, errors: outcome.errors, values: outcome.values },
    { status: outcome.status },
  );
}

export default function StaffAgreement() {
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { detail, round } = found;
  const { agreement } = detail;
  const errorsFor = (intent: string): FieldErrors => (result?.intent === intent ? result.errors : {});
  const valueFor = (intent: string, key: string) =>
    result?.intent === intent ? str(result.values, key) : undefined;
  const updateErrors = errorsFor("update");
  const reactionErrors = errorsFor("react");
  const reviewErrors = errorsFor("review");
  const pending = detail.timeline.filter((t) => t.status === "submitted");
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/prestatieafspraken">Terug naar de prestatieafspraken</TextLink>
      </p>
      <Heading level={1}>
        {agreement.number}: {agreement.title}
      </Heading>
      {result?.message ? <Alert type="ok">{result.message}</Alert> : null}
      <ErrorSummary
        errors={{ ...updateErrors, ...reactionErrors, ...reviewErrors }}
        fieldIds={{ ronde: "veld-stoplicht" }}
      />
      <AgreementFacts
        agreement={agreement}
        parties={detail.parties}
        years={detail.years}
        basePath="/beheer/prestatieafspraken"
      />
      <details>
        <summary>Wat is afgesproken</summary>
        <DocumentText text={agreement.text} />
      </details>

      {found.canUpdate ? (
        <UpdateSection
          organisationName={found.organisationName}
          round={round}
          updateErrors={updateErrors}
          valueFor={valueFor}
        />
      ) : null}

      {found.canReact ? (
        <ReactionSection
          organisationName={found.organisationName}
          round={round}
          reactionErrors={reactionErrors}
          valueFor={valueFor}
        />
      ) : null}

      {found.canReview && pending.length ? (
        <ReviewSection
          pending={pending}
          reviewFor={(updateId) => {
            const mine = result?.intent === "review" && str(result.values, "update") === String(updateId);
            return {
              notitie: mine ? str(result.values, "notitie") : undefined,
              error: mine ? reviewErrors.notitie : undefined,
            };
          }}
        />
      ) : null}

      <HistorySection timeline={detail.timeline} />
      <TenantReactionsSection reactions={detail.reactions} />
    </div>
  );
}
