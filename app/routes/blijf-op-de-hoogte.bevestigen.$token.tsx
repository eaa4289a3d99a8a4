import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { followerPages } from "~/domain/informed/followers.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Bevestigen - Blijf op de hoogte - Wij maken Heemstede" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { what: await followerPages.pending(params.token ?? "") };
}

/** Only the POST confirms: a mail scanner that opens the link confirms nothing. */
export async function action({ params }: ActionFunctionArgs) {
  const what = await followerPages.confirm(params.token ?? "");
  return data({ confirmed: what });
}

export default function ConfirmFollow() {
  const { what } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.confirmed)
    return (
      <div className="wmh-stack">
        <Heading level={1}>U blijft op de hoogte</Heading>
        <Alert type="ok">
          <Paragraph>
            Dank u wel. U volgt nu {actionData.confirmed}. U krijgt hoogstens één e-mail per dag, alleen als
            er iets nieuws is.
          </Paragraph>
        </Alert>
        <Paragraph>
          <TextLink to="/">Naar de homepagina</TextLink>
        </Paragraph>
      </div>
    );
  if (!what)
    return (
      <div className="wmh-stack">
        <Heading level={1}>Deze link werkt niet meer</Heading>
        <Paragraph>
          De link is al gebruikt of ouder dan 7 dagen.{" "}
          <TextLink to="/blijf-op-de-hoogte">Vraag een nieuwe link aan</TextLink>.
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Bevestig dat u op de hoogte wilt blijven</Heading>
      <Paragraph>U wilt e-mail krijgen over {what}.</Paragraph>
      <Form method="post">
        <SubmitButton>Ja, houd mij op de hoogte</SubmitButton>
      </Form>
    </div>
  );
}
