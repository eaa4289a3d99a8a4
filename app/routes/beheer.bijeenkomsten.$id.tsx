import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { eventWhen } from "~/domain/events/event-mail.server";
import { eventIdParam, eventPages } from "~/domain/events/events.server";
import { instantToAmsterdamLocal } from "~/lib/amsterdam-time";
import { intentFeedback } from "~/lib/forms";
import { Alert, DemoBadge, Heading, Paragraph, TextLink } from "~/ui/content";
import { EventFields } from "~/ui/event-form";
import { CheckboxField, ErrorSummary, SubmitButton, TextArea, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Bijeenkomst - Beheer - Wij maken Heemstede" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.bijeenkomsten.$id"]);
  const id = eventIdParam(params.id);
  const found = id ? await eventPages.staffEvent(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const e = found.event;
  return {
    saved: new URL(request.url).searchParams.get("opgeslagen") === "1",
    event: {
      id: e.id,
      title: e.title,
      when: eventWhen(e),
      status: e.status,
      registrationOpen: e.registrationOpen,
      capacity: e.capacity,
      isDemo: e.isDemo,
    },
    form: {
      title: e.title,
      description: e.description,
      startsAt: instantToAmsterdamLocal(e.startsAt),
      endsAt: instantToAmsterdamLocal(e.endsAt),
      address: e.address,
      lat: e.lat === null ? "" : String(e.lat),
      lng: e.lng === null ? "" : String(e.lng),
      capacity: String(e.capacity),
      registrationDeadline: instantToAmsterdamLocal(e.registrationDeadline),
      projectId: e.projectId === null ? "" : String(e.projectId),
    },
    confirmedPeople: found.confirmedPeople,
    waiting: found.waiting,
    projects: await eventPages.projectOptions(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.bijeenkomsten.$id"]);
  const id = eventIdParam(params.id);
  if (!id) throw new Response("Niet gevonden", { status: 404 });
  const outcome = await eventPages.staffPost(user, id, await request.formData());
  if ("notFound" in outcome) throw new Response("Niet gevonden", { status: 404 });
  return data(outcome, { status: outcome.ok ? 200 : 400 });
}

export default function StaffEvent() {
  const { saved, event, form, confirmedPeople, waiting, projects } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok && "errors" in result ? result : undefined;
  const { errorsFor, valueFor } = intentFeedback(
    failed ? { intent: failed.intent, errors: failed.errors, values: failed.values } : undefined,
  );
  const cancelled = event.status === "cancelled";
  return (
    <div className="wmh-stack">
      <Heading level={1}>{event.title}</Heading>
      {event.isDemo ? (
        <Paragraph>
          <DemoBadge /> Demobijeenkomst met een demodatum.
        </Paragraph>
      ) : null}
      {saved ? <Alert type="ok">De bijeenkomst is opgeslagen.</Alert> : null}
      {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
      {failed?.errors._form ? <Alert type="error">{failed.errors._form}</Alert> : null}
      <dl className="wmh-facts">
        <dt>Wanneer</dt>
        <dd>{event.when}</dd>
        <dt>Aangemeld</dt>
        <dd>
          {confirmedPeople} van {event.capacity} plaatsen
        </dd>
        <dt>Wachtlijst</dt>
        <dd>{waiting === 1 ? "1 aanmelding" : `${waiting} aanmeldingen`}</dd>
        <dt>Status</dt>
        <dd>
          {cancelled ? "Afgelast" : event.registrationOpen ? "Aanmelden is open" : "Aanmelden is gesloten"}
        </dd>
      </dl>
      <Paragraph>
        <TextLink to={`/beheer/bijeenkomsten/${event.id}/deelnemers`}>
          Deelnemerslijst (om af te drukken)
        </TextLink>
        {" · "}
        <a className="utrecht-link" href={`/beheer/bijeenkomsten/${event.id}/deelnemers?formaat=csv`}>
          Download als CSV
        </a>
        {" · "}
        <TextLink to={`/bijeenkomsten/${event.id}`}>Bekijk de openbare pagina</TextLink>
      </Paragraph>
      {cancelled ? null : (
        <>
          <section aria-labelledby="aanmelden" className="wmh-card">
            <Heading level={2} id="aanmelden">
              Aanmelden
            </Heading>
            <Form method="post">
              <input type="hidden" name="intent" value={event.registrationOpen ? "close" : "reopen"} />
              <SubmitButton variant="secondary">
                {event.registrationOpen ? "Aanmelden sluiten" : "Aanmelden weer openen"}
              </SubmitButton>
            </Form>
            <ErrorSummary errors={errorsFor("capacity")} />
            <Form method="post" noValidate className="wmh-form">
              <input type="hidden" name="intent" value="capacity" />
              <TextField
                name="capacity"
                id="veld-capacity-alleen"
                type="number"
                inputMode="numeric"
                label="Aantal plaatsen"
                description={`Niet minder dan ${confirmedPeople}: zoveel mensen zijn al aangemeld. Meer plaatsen geeft mensen op de wachtlijst meteen een plaats.`}
                required
                defaultValue={valueFor("capacity", "capacity", String(event.capacity))}
                error={errorsFor("capacity").capacity}
              />
              <SubmitButton variant="secondary">Aantal plaatsen opslaan</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="wijzigen" className="wmh-card">
            <Heading level={2} id="wijzigen">
              Gegevens wijzigen
            </Heading>
            <ErrorSummary errors={errorsFor("save")} />
            <Form method="post" noValidate className="wmh-form">
              <input type="hidden" name="intent" value="save" />
              <EventFields
                errors={errorsFor("save")}
                values={failed?.intent === "save" ? failed.values : form}
                projects={projects}
              />
              <SubmitButton>Wijzigingen opslaan</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="afgelasten" className="wmh-card">
            <Heading level={2} id="afgelasten">
              Bijeenkomst afgelasten
            </Heading>
            <Paragraph>
              Iedereen die zich heeft aangemeld of op de wachtlijst staat, krijgt een e-mail.
            </Paragraph>
            <ErrorSummary errors={errorsFor("cancel")} />
            <Form method="post" noValidate className="wmh-form">
              <input type="hidden" name="intent" value="cancel" />
              <TextArea
                name="reason"
                label="Uitleg in de e-mail"
                rows={3}
                maxLength={1000}
                defaultValue={valueFor("cancel", "reason")}
              />
              <CheckboxField
                name="confirm"
                label="Ja, ik wil deze bijeenkomst afgelasten"
                required
                error={errorsFor("cancel").confirm}
              />
              <SubmitButton variant="secondary">Afgelasten en iedereen mailen</SubmitButton>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
