import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { eventWhen } from "~/domain/events/event-mail.server";
import { eventPages } from "~/domain/events/events.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Afmelden voor een bijeenkomst - Wij maken Heemstede" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const reg = await eventPages.registrationByToken(params.token ?? "");
  return {
    registration: reg
      ? {
          title: reg.title,
          when: eventWhen(reg),
          eventId: reg.eventId,
          cancelled: reg.status === "cancelled",
        }
      : null,
  };
}

/** Only the POST cancels: a mail scanner that opens the link changes nothing. */
export async function action({ params }: ActionFunctionArgs) {
  const result = await eventPages.cancel(params.token ?? "");
  return data({ done: result.ok });
}

export default function CancelRegistration() {
  const { registration } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!registration)
    return (
      <div className="wmh-stack">
        <Heading level={1}>Deze link werkt niet</Heading>
        <Paragraph>
          Wij vinden geen aanmelding bij deze link. Gebruik de link uit de laatste e-mail die u van ons kreeg.
        </Paragraph>
      </div>
    );
  if (actionData?.done || registration.cancelled)
    return (
      <div className="wmh-stack">
        <Heading level={1}>U bent afgemeld</Heading>
        <Alert type="ok">
          <Paragraph>
            U bent afgemeld voor {registration.title}. Uw plaats gaat naar iemand op de wachtlijst.
          </Paragraph>
        </Alert>
        <Paragraph>
          <TextLink to={`/bijeenkomsten/${registration.eventId}`}>Terug naar de bijeenkomst</TextLink>
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Afmelden voor een bijeenkomst</Heading>
      <Paragraph>
        Wilt u zich afmelden voor {registration.title} op {registration.when}?
      </Paragraph>
      <Form method="post">
        <SubmitButton>Ja, meld mij af</SubmitButton>
      </Form>
    </div>
  );
}
