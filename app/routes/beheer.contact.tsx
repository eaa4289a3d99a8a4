import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { type ContactStatus, listContactMessages, setContactHandled } from "~/domain/contact/contact.server";
import { countPages, pageParam, parseForm } from "~/lib/forms";
import { Alert, DemoBadge, formatDateTime, Heading, Pagination, Paragraph } from "~/ui/content";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Contactberichten - Beheer - Wij maken Heemstede" }];

const PAGE_SIZE = 20;
const statuses: { value: ContactStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "afgehandeld", label: "Afgehandeld" },
  { value: "alle", label: "Alle" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.contact"]);
  const url = new URL(request.url);
  const requested = url.searchParams.get("status");
  const status = statuses.find((s) => s.value === requested)?.value ?? "open";
  const page = pageParam(url);
  const { rows, total } = await listContactMessages({ status, page, pageSize: PAGE_SIZE });
  return { status, page, pageCount: countPages(total, PAGE_SIZE), total, messages: rows };
}

const handleSchema = z.object({
  id: z.coerce.number().int().positive(),
  handled: z.enum(["ja", "nee"]),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.contact"]);
  const parsed = parseForm(handleSchema, await request.formData());
  if (!parsed.ok) return data({ message: "Dit verzoek klopt niet. Probeer het opnieuw." }, { status: 400 });
  const found = await setContactHandled(parsed.data.id, parsed.data.handled === "ja", user);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  return {
    message: parsed.data.handled === "ja" ? "Het bericht is afgehandeld." : "Het bericht staat weer open.",
  };
}

export default function ContactMessages() {
  const { status, page, pageCount, total, messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Contactberichten</Heading>
      <Paragraph>Berichten die inwoners via het contactformulier hebben gestuurd.</Paragraph>
      {actionData?.message ? <Alert type="ok">{actionData.message}</Alert> : null}
      <nav aria-label="Welke berichten">
        <ul className="wmh-filters">
          {statuses.map((s) => (
            <li key={s.value}>
              {s.value === status ? (
                <span aria-current="page">
                  <strong>{s.label}</strong>
                </span>
              ) : (
                <Link to={`?status=${s.value}`} className="utrecht-link">
                  {s.label}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <p className="utrecht-paragraph" aria-live="polite">
        {total === 1 ? "1 bericht" : `${total} berichten`}
      </p>
      {messages.length === 0 ? <Paragraph>Er zijn geen berichten.</Paragraph> : null}
      <ul className="wmh-stack" style={{ listStyle: "none", padding: 0 }}>
        {messages.map((m) => (
          <li key={m.id} className="wmh-card">
            <Heading level={2}>
              {m.subject} {m.isDemo ? <DemoBadge /> : null}
            </Heading>
            <dl className="wmh-facts">
              <dt>Ontvangen</dt>
              <dd>{formatDateTime(m.createdAt)}</dd>
              <dt>Van</dt>
              <dd>
                {m.name}, <a href={`mailto:${m.email}`}>{m.email}</a>
                {m.phone ? (
                  <>
                    , <a href={`tel:${m.phone.replace(/[^0-9+]/g, "")}`}>{m.phone}</a>
                  </>
                ) : null}
              </dd>
              <dt>Status</dt>
              <dd>{m.handled ? "Afgehandeld" : "Open"}</dd>
            </dl>
            <p className="utrecht-paragraph" style={{ whiteSpace: "pre-wrap" }}>
              {m.message}
            </p>
            <Form method="post" className="wmh-inline-form">
              <input type="hidden" name="id" value={m.id} />
              <input type="hidden" name="handled" value={m.handled ? "nee" : "ja"} />
              <SubmitButton variant="secondary">
                {m.handled ? "Weer openzetten" : "Markeer als afgehandeld"}
                <span className="wmh-visually-hidden">: {m.subject}</span>
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} searchParams={searchParams} />
    </div>
  );
}
