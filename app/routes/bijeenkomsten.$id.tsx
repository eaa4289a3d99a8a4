import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { eventWhen } from "~/domain/events/event-mail.server";
import { eventIdParam, eventPages } from "~/domain/events/events.server";
import { closedReasonText, MAX_PEOPLE, registrationClosedReason } from "~/domain/events/rules";
import { tileConfig } from "~/domain/places/tiles.server";
import { str } from "~/lib/forms";
import { Alert, DemoBadge, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextArea, TextField } from "~/ui/form";
import { SmallMap } from "~/ui/map/client-map";
import mapCss from "~/ui/map.css?url";
import { NameAndEmailFields } from "~/ui/name-email-fields";

// The map loads only when the bijeenkomst has a point; the address above it is its text alternative.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: mapCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.event.title ?? "Bijeenkomst"} - Wij maken Heemstede` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = eventIdParam(params.id);
  const found = id ? await eventPages.publicEvent(id) : null;
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const e = found.event;
  return {
    event: {
      id: e.id,
      title: e.title,
      description: e.description,
      when: eventWhen(e),
      address: e.address,
      lat: e.lat,
      lng: e.lng,
      isDemo: e.isDemo,
      deadline: eventWhen({ startsAt: e.registrationDeadline, endsAt: e.registrationDeadline }).replace(
        / tot .*$/,
        " uur",
      ),
    },
    project: found.projectTitle ? { title: found.projectTitle, slug: found.projectSlug } : null,
    closed: registrationClosedReason(e, new Date()),
    placesLeft: found.placesLeft,
    tiles: e.lat !== null && e.lng !== null ? tileConfig() : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = eventIdParam(params.id);
  if (!id) throw new Response("Niet gevonden", { status: 404 });
  const outcome = await eventPages.register(id, await request.formData());
  return data(outcome, { status: outcome.ok ? 200 : 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export default function EventPage() {
  const { event, project, closed, placesLeft, tiles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>{event.title}</Heading>
      {event.isDemo ? (
        <Paragraph>
          <DemoBadge /> Dit is een voorbeeld. De datum is een demodatum.
        </Paragraph>
      ) : null}
      <EventFacts event={event} project={project} />
      {tiles && event.lat !== null && event.lng !== null ? (
        <SmallMap
          tiles={tiles}
          point={[event.lat, event.lng]}
          title={event.title}
          label={`Kaart met de plek van de bijeenkomst: ${event.address}`}
        />
      ) : null}
      {event.description.split(/\n\s*\n/).map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      <RegistrationSection result={result} closed={closed} placesLeft={placesLeft} />
      <Paragraph>
        Wilt u horen wat er met de inbreng gebeurt?{" "}
        <TextLink to="/blijf-op-de-hoogte">Blijf op de hoogte</TextLink>.
      </Paragraph>
    </div>
  );
}

/** When, where (with a link to the spot on OpenStreetMap), the project and the registration deadline. */
function EventFacts({ event, project }: { event: LoaderData["event"]; project: LoaderData["project"] }) {
  return (
    <dl className="wmh-facts">
      <dt>Wanneer</dt>
      <dd>{event.when}</dd>
      <dt>Waar</dt>
      <dd>
        {event.address}
        {event.lat !== null && event.lng !== null ? (
          <>
            {" "}
            (
            <a
              className="utrecht-link"
              href={`https://www.openstreetmap.org/?mlat=${event.lat}&mlon=${event.lng}#map=17/${event.lat}/${event.lng}`}
            >
              bekijk de plek op de kaart
            </a>
            )
          </>
        ) : null}
      </dd>
      {project ? (
        <>
          <dt>Project</dt>
          <dd>
            {project.slug ? (
              <TextLink to={`/meedenken/${project.slug}`}>{project.title}</TextLink>
            ) : (
              project.title
            )}
          </dd>
        </>
      ) : null}
      <dt>Aanmelden kan tot</dt>
      <dd>{event.deadline}</dd>
    </dl>
  );
}

/** "Aanmelden": the confirmation after a registration, why registering is closed, or the form. */
function RegistrationSection({
  result,
  closed,
  placesLeft,
}: {
  result: ActionData;
  closed: LoaderData["closed"];
  placesLeft: number;
}) {
  return (
    <section aria-labelledby="aanmelden" className="wmh-card">
      <Heading level={2} id="aanmelden">
        Aanmelden
      </Heading>
      {result?.ok ? (
        <Alert type="ok">
          {result.status === "confirmed" ? (
            <Paragraph>
              U bent aangemeld. U krijgt een e-mail met de gegevens, een agendabestand en een link om u af te
              melden.
            </Paragraph>
          ) : (
            <Paragraph>
              De bijeenkomst is vol. U staat op de wachtlijst. Komt er een plaats vrij? Dan krijgt u vanzelf
              een plaats en een e-mail.
            </Paragraph>
          )}
        </Alert>
      ) : closed ? (
        <Alert type="info">
          <Paragraph>{closedReasonText[closed]}</Paragraph>
        </Alert>
      ) : (
        <RegistrationForm result={result} placesLeft={placesLeft} />
      )}
    </section>
  );
}

/** Name, e-mail, number of people and what someone needs to take part; on the waiting list when full. */
function RegistrationForm({ result, placesLeft }: { result: ActionData; placesLeft: number }) {
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : undefined;
  return (
    <>
      <Paragraph>
        {placesLeft > 0
          ? `Er ${placesLeft === 1 ? "is nog 1 plaats" : `zijn nog ${placesLeft} plaatsen`}.`
          : "De bijeenkomst is vol. U kunt zich aanmelden voor de wachtlijst."}{" "}
        Wij vragen alleen wat nodig is. Wij gebruiken uw gegevens alleen voor deze bijeenkomst.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="wmh-form">
        <NameAndEmailFields
          values={values}
          errors={errors}
          emailDescription="Hierop krijgt u de bevestiging."
        />
        <TextField
          name="people"
          type="number"
          inputMode="numeric"
          label="Met hoeveel personen komt u?"
          description={`Uzelf meegeteld. Hoogstens ${MAX_PEOPLE}.`}
          required
          defaultValue={str(values, "people") ?? "1"}
          error={errors.people}
        />
        <TextArea
          name="accessibility"
          label="Heeft u iets nodig om mee te kunnen doen?"
          description="Bijvoorbeeld een rolstoelplek, een ringleiding of hulp bij het lezen."
          rows={3}
          maxLength={1000}
          defaultValue={str(values, "accessibility")}
          error={errors.accessibility}
        />
        <SubmitButton>{placesLeft > 0 ? "Aanmelden" : "Op de wachtlijst"}</SubmitButton>
      </Form>
    </>
  );
}
