import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribe, unsubscribeTokenValid } from "~/domain/panel/members.server";
import { TextLink } from "~/ui/content";
import { UnsubscribePage } from "~/ui/unsubscribe-page";

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
  return (
    <UnsubscribePage
      done={Boolean(actionData?.done) || !valid}
      heading="Afmelden voor het digipanel"
      explanation="Als u zich afmeldt, krijgt u geen uitnodigingen meer. Wij verwijderen dan uw e-mailadres en uw andere gegevens. Antwoorden die u al gaf, blijven bewaard zonder uw naam of e-mailadres."
      doneText="U doet niet meer mee aan het digipanel en krijgt geen uitnodigingen meer. Wij hebben uw e-mailadres en uw andere gegevens verwijderd. Antwoorden die u al gaf, blijven bewaard zonder uw naam of e-mailadres."
      rejoin={
        <>
          Wilt u later toch weer meedoen? <TextLink to="/digipanel">Meld u dan opnieuw aan</TextLink>.
        </>
      }
    />
  );
}
