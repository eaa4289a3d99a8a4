import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffAgreement, staffAgreementAction } from "~/domain/monitor/pages.server";
import { STOPLICHTEN, stoplichtInfo, tertiaalLabel } from "~/domain/monitor/vocabulary";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SubmitButton, TextArea } from "~/ui/form";
import { AgreementFacts, Reactions, Timeline } from "~/ui/monitor/agreement";
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

const stoplichtOptions = STOPLICHTEN.map((s) => ({
  value: s,
  label: `${stoplichtInfo[s].label}: ${stoplichtInfo[s].meaning.toLowerCase()}`,
}));

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
        <section aria-labelledby="bijwerken" className="wmh-stack">
          <Heading level={2} id="bijwerken">
            Stand bijwerken namens {found.organisationName}
          </Heading>
          {round ? (
            <Form method="post" className="wmh-stack wmh-monitor-form" noValidate>
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="ronde" value={round.id} />
              <Paragraph>Voor {tertiaalLabel(round.year, round.tertiaal).toLowerCase()}.</Paragraph>
              {updateErrors.ronde ? <Alert type="error">{updateErrors.ronde}</Alert> : null}
              <ChoiceGroup
                name="stoplicht"
                label="Stoplicht"
                required
                options={stoplichtOptions}
                defaultValue={valueFor("update", "stoplicht")}
                error={updateErrors.stoplicht}
              />
              <TextArea
                name="toelichting"
                label="Toelichting"
                description="Wat is er gedaan, wat is nog nodig? Dit staat na bevestiging op de openbare pagina."
                required
                rows={6}
                maxLength={4000}
                defaultValue={valueFor("update", "toelichting")}
                error={updateErrors.toelichting}
              />
              <SubmitButton>Update opslaan</SubmitButton>
            </Form>
          ) : (
            <Paragraph>Er is geen open ronde voor deze afspraak.</Paragraph>
          )}
        </section>
      ) : null}

      {found.canReact ? (
        <section aria-labelledby="reageren" className="wmh-stack">
          <Heading level={2} id="reageren">
            Reageren namens {found.organisationName}
          </Heading>
          {round ? (
            <Form method="post" className="wmh-stack" noValidate>
              <input type="hidden" name="intent" value="react" />
              <input type="hidden" name="ronde" value={round.id} />
              <Paragraph>
                Uw reactie voor {tertiaalLabel(round.year, round.tertiaal).toLowerCase()} staat direct op de
                openbare pagina.
              </Paragraph>
              {reactionErrors.ronde ? <Alert type="error">{reactionErrors.ronde}</Alert> : null}
              <TextArea
                name="reactie"
                label="Uw reactie"
                required
                rows={5}
                maxLength={4000}
                defaultValue={valueFor("react", "reactie")}
                error={reactionErrors.reactie}
              />
              <SubmitButton>Reactie opslaan</SubmitButton>
            </Form>
          ) : (
            <Paragraph>Er is geen open ronde voor deze afspraak.</Paragraph>
          )}
        </section>
      ) : null}

      {found.canReview && pending.length ? (
        <section aria-labelledby="bevestigen" className="wmh-stack">
          <Heading level={2} id="bevestigen">
            Updates bevestigen of terugsturen
          </Heading>
          <Timeline
            entries={pending}
            showStatus
            actions={(e) => (
              <div className="wmh-stack">
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="update" value={e.id} />
                  <SubmitButton>
                    Bevestigen<span className="wmh-visually-hidden">: update van {e.organisationName}</span>
                  </SubmitButton>
                </Form>
                <Form method="post" className="wmh-stack" noValidate>
                  <input type="hidden" name="intent" value="send_back" />
                  <input type="hidden" name="update" value={e.id} />
                  <TextArea
                    name="notitie"
                    id={`veld-notitie-${e.id}`}
                    label={`Waarom stuurt u de update van ${e.organisationName} terug?`}
                    required
                    rows={3}
                    maxLength={2000}
                    defaultValue={
                      result?.intent === "review" && str(result.values, "update") === String(e.id)
                        ? str(result.values, "notitie")
                        : undefined
                    }
                    error={
                      result?.intent === "review" && str(result.values, "update") === String(e.id)
                        ? reviewErrors.notitie
                        : undefined
                    }
                  />
                  <SubmitButton variant="secondary">
                    Terugsturen<span className="wmh-visually-hidden">: update van {e.organisationName}</span>
                  </SubmitButton>
                </Form>
              </div>
            )}
          />
        </section>
      ) : null}

      <section aria-labelledby="geschiedenis" className="wmh-stack">
        <Heading level={2} id="geschiedenis">
          Geschiedenis
        </Heading>
        {detail.timeline.length === 0 ? (
          <Paragraph>Nog geen updates.</Paragraph>
        ) : (
          <Timeline entries={detail.timeline} showStatus />
        )}
      </section>
      <section aria-labelledby="reacties" className="wmh-stack">
        <Heading level={2} id="reacties">
          Reacties van de huurdersorganisaties
        </Heading>
        {detail.reactions.length === 0 ? (
          <Paragraph>Nog geen reacties.</Paragraph>
        ) : (
          <Reactions reactions={detail.reactions} />
        )}
      </section>
    </div>
  );
}
