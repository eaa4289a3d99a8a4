import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { followerPages } from "~/domain/informed/followers.server";
import { TextLink } from "~/ui/content";
import { UnsubscribePage } from "~/ui/unsubscribe-page";

export const meta: MetaFunction = () => [{ title: "Afmelden - Blijf op de hoogte - Wij maken Heemstede" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await followerPages.unsubscribeValid(params.token ?? "") };
}

/**
 * The button and RFC 8058 one-click unsubscribe (a mail program POSTs "List-Unsubscribe=One-Click"
 * without cookies) both land here. Unknown or used links get the same answer.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => new FormData());
  await followerPages.unsubscribe(params.token ?? "");
  if (form.get("List-Unsubscribe") === "One-Click")
    return new Response("U bent afgemeld.", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return data({ done: true });
}

export default function FollowerUnsubscribe() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <UnsubscribePage
      done={Boolean(actionData?.done) || !valid}
      heading="Afmelden"
      explanation="Als u zich afmeldt, krijgt u geen e-mails meer over nieuws, projecten en bijeenkomsten. Wij verwijderen dan uw e-mailadres."
      doneText="U krijgt van ons geen e-mails meer over nieuws. Wij hebben uw e-mailadres verwijderd."
      rejoin={
        <>
          Wilt u later toch weer op de hoogte blijven?{" "}
          <TextLink to="/blijf-op-de-hoogte">Meld u dan opnieuw aan</TextLink>.
        </>
      }
    />
  );
}
