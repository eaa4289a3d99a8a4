import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { confirmSignup, peekConfirm, renewConfirmation } from "~/domain/panel/members.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [
  { title: "Aanmelding bevestigen - Digipanel - Wij maken Heemstede" },
];

// A GET only shows a button: mail scanners that open links must not confirm on someone's behalf.
export async function loader({ params }: LoaderFunctionArgs) {
  return { state: await peekConfirm(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = params.token ?? "";
  if (form.get("intent") === "renew") {
    await renewConfirmation(token);
    return data({ result: "renewed" as const });
  }
  const state = await confirmSignup(token);
  return data({ result: state }, { status: state === "unknown" ? 404 : 200 });
}

export default function Confirm() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData?.result ?? null;
  if (result === "confirmed" || result === "already" || (!result && state === "already"))
    return (
      <div className="wmh-stack">
        <Heading level={1}>U doet mee aan het digipanel</Heading>
        <Alert type="ok">
          <Paragraph>
            Dank u wel! Uw aanmelding is bevestigd. U krijgt een e-mail als er een nieuwe vragenlijst is.
          </Paragraph>
        </Alert>
        <Paragraph>
          Wilt u uw gegevens later veranderen, of stoppen? Dat kan op{" "}
          <TextLink to="/digipanel/mijn">Mijn digipanel</TextLink>.
        </Paragraph>
      </div>
    );
  if (result === "renewed")
    return (
      <div className="wmh-stack">
        <Heading level={1}>Nieuwe link verstuurd</Heading>
        <Alert type="ok">
          <Paragraph>
            Als deze aanmelding nog niet bevestigd was, krijgt u binnen een paar minuten een e-mail met een
            nieuwe link. Die link werkt 7 dagen.
          </Paragraph>
        </Alert>
      </div>
    );
  if (state === "expired" || result === "expired")
    return (
      <div className="wmh-stack">
        <Heading level={1}>Deze link werkt niet meer</Heading>
        <Paragraph>
          De link om uw aanmelding te bevestigen werkt 7 dagen. Die tijd is voorbij. Wij kunnen u een nieuwe
          link sturen.
        </Paragraph>
        <Form method="post">
          <input type="hidden" name="intent" value="renew" />
          <SubmitButton>Stuur mij een nieuwe link</SubmitButton>
        </Form>
      </div>
    );
  if (state === "unknown" || result === "unknown")
    return (
      <div className="wmh-stack">
        <Heading level={1}>Deze link werkt niet</Heading>
        <Paragraph>
          Misschien heeft u de link al gebruikt, of is de link niet helemaal overgenomen. Probeer het opnieuw
          vanuit de e-mail, of <TextLink to="/digipanel">meld u opnieuw aan</TextLink>.
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Bevestig uw aanmelding</Heading>
      <Paragraph>Klik op de knop om mee te doen aan het digipanel van Heemstede.</Paragraph>
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        <SubmitButton>Ja, ik doe mee</SubmitButton>
      </Form>
    </div>
  );
}
