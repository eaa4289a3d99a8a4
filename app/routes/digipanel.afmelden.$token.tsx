import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribe, unsubscribeTokenValid } from "~/domain/panel/members.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Afmelden - Digipanel - Wij maken Heemstede" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await unsubscribeTokenValid(params.token ?? "") };
}

/**
 * The button on the page and RFC 8058 one-click unsubscribe (a mail program POSTs
 * "List-Unsubscribe=One-Click" without cookies) both land here. Unknown or used links give the
 * same answer: there is nothing left to unsubscribe.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => new FormData());
  await unsubscribe(params.token ?? "");
  if (form.get("List-Unsubscribe") === "One-Click")
    return new Response("U bent afgemeld voor het digipanel.", {
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return data({ done: true });
}

export default function Unsubscribe() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.done || !valid)
    return (
      <div className="wmh-stack">
        <Heading level={1}>U bent afgemeld</Heading>
        <Alert type="ok">
          <Paragraph>
            U doet niet meer mee aan het digipanel en krijgt geen uitnodigingen meer. Wij hebben uw
            e-mailadres en uw andere gegevens verwijderd. Antwoorden die u al gaf, blijven bewaard zonder uw
            naam of e-mailadres.
          </Paragraph>
        </Alert>
        <Paragraph>
          Wilt u later toch weer meedoen? <TextLink to="/digipanel">Meld u dan opnieuw aan</TextLink>.
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Afmelden voor het digipanel</Heading>
      <Paragraph>
        Als u zich afmeldt, krijgt u geen uitnodigingen meer. Wij verwijderen dan uw e-mailadres en uw andere
        gegevens. Antwoorden die u al gaf, blijven bewaard zonder uw naam of e-mailadres.
      </Paragraph>
      <Form method="post">
        <SubmitButton>Ja, meld mij af</SubmitButton>
      </Form>
    </div>
  );
}
