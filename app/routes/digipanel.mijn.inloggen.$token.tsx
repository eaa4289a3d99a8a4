import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { isLoginTokenValid, startSession } from "~/domain/panel/members.server";
import { sessionCookie } from "~/domain/panel/session.server";
import { Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Naar Mijn digipanel - Wij maken Heemstede" }];

// The link from the mail shows a button; the POST spends the one-time link, so a mail scanner
// that opens links cannot use it up.
export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isLoginTokenValid(params.token ?? "") };
}

export async function action({ params }: ActionFunctionArgs) {
  const session = await startSession(params.token ?? "");
  if (!session) throw redirect(`/digipanel/mijn/inloggen/${encodeURIComponent(params.token ?? "")}`);
  throw redirect("/digipanel/mijn", {
    headers: { "Set-Cookie": sessionCookie(session.sessionToken, session.expires) },
  });
}

export default function MagicLink() {
  const { valid } = useLoaderData<typeof loader>();
  if (!valid)
    return (
      <div className="wmh-stack">
        <Heading level={1}>Deze link werkt niet meer</Heading>
        <Paragraph>
          Een link naar Mijn digipanel werkt 1 uur en maar 1 keer.{" "}
          <TextLink to="/digipanel/mijn">Vraag een nieuwe link aan</TextLink>.
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Naar Mijn digipanel</Heading>
      <Paragraph>Klik op de knop om naar uw eigen pagina van het digipanel te gaan.</Paragraph>
      <Form method="post">
        <SubmitButton>Ga naar Mijn digipanel</SubmitButton>
      </Form>
    </div>
  );
}
