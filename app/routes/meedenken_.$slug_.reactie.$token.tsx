import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { consultationPublic } from "~/domain/consultation/pages.server";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [
  { title: "Uw reactie - Wij maken Heemstede" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await consultationPublic.own(params.slug ?? "", params.token ?? "");
  if (!page) throw new Response("Deze link werkt niet (meer)", { status: 404 });
  return { ...page, endsAt: page.endsAt?.toISOString() ?? null, slug: params.slug ?? "" };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const form = await request.formData();
  const outcome = await consultationPublic.ownPost(
    params.slug ?? "",
    params.token ?? "",
    String(form.get("intent") ?? ""),
  );
  if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
  return { ok: true as const, message: outcome.message };
}

const statusText = {
  pending: "Nog niet bevestigd: uw reactie telt nog niet mee.",
  confirmed: "Bevestigd: uw reactie telt mee.",
  withdrawn: "Ingetrokken: uw reactie telt niet mee.",
} as const;

export default function OwnReaction() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Uw reactie op {d.title}</Heading>
      {result ? <Alert type={result.ok ? "ok" : "warning"}>{result.message}</Alert> : null}
      <Paragraph>
        U reageerde op {d.where}. <strong>{statusText[d.status]}</strong>
      </Paragraph>
      <blockquote className="wmh-quote">{d.text}</blockquote>
      {d.canConfirm ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <SubmitButton>Ja, bevestig mijn reactie</SubmitButton>
        </Form>
      ) : null}
      {d.canWithdraw ? (
        <Form method="post" className="wmh-stack">
          <input type="hidden" name="intent" value="withdraw" />
          <Paragraph>
            U kunt uw reactie intrekken{d.endsAt ? ` tot ${formatDateTime(d.endsAt)}` : ""}. Daarna telt zij
            niet meer mee.
          </Paragraph>
          <div>
            <SubmitButton variant="secondary">Reactie intrekken</SubmitButton>
          </div>
        </Form>
      ) : d.status !== "withdrawn" && d.period === "closed" ? (
        <Paragraph>De reactieperiode is voorbij. Intrekken kan niet meer.</Paragraph>
      ) : null}
      <Paragraph>
        <Link to={`/meedenken/${d.slug}/document`} className="utrecht-link">
          Naar het document
        </Link>
      </Paragraph>
    </div>
  );
}
