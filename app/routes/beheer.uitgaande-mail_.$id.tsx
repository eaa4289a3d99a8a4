import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { OUTBOX_BODY_DAYS, outboxStatusLabels } from "~/domain/platform/outbox";
import { getOutboxMail } from "~/domain/platform/outbox.server";
import { mailKindLabel } from "~/lib/mail-kinds";
import { formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";

export const meta: MetaFunction = () => [{ title: "E-mail - Uitgaande mail - Beheer - Wij maken Heemstede" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.uitgaande-mail_.$id"]);
  const id = /^\d{1,15}$/.test(params.id ?? "") ? Number(params.id) : null;
  const mail = id ? await getOutboxMail(id) : null;
  if (!mail) throw new Response("Niet gevonden", { status: 404 });
  return { mail };
}

export default function OutboxMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <p className="utrecht-paragraph">
        <TextLink to="/beheer/uitgaande-mail">Terug naar alle uitgaande mail</TextLink>
      </p>
      <Heading level={1}>{mail.subject}</Heading>
      <dl className="wmh-facts">
        <dt>Aan</dt>
        <dd>{mail.to}</dd>
        <dt>Aangemaakt</dt>
        <dd>{formatDateTime(mail.createdAt)}</dd>
        <dt>Soort</dt>
        <dd>{mailKindLabel(mail.kind)}</dd>
        <dt>Status</dt>
        <dd>
          {outboxStatusLabels[mail.status] ?? mail.status}
          {mail.sentAt && mail.status === "sent" ? `, ${formatDateTime(mail.sentAt)}` : ""}
        </dd>
        {mail.attempts > 0 ? (
          <>
            <dt>Pogingen</dt>
            <dd>{mail.attempts}</dd>
          </>
        ) : null}
        {mail.lastError ? (
          <>
            <dt>Laatste fout</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
        {Object.entries(mail.headers).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <Heading level={2}>Tekst</Heading>
      {mail.purged ? (
        <Paragraph>De tekst van deze e-mail is {OUTBOX_BODY_DAYS} dagen na verzending verwijderd.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Persoonlijke links en codes ziet u hier niet. Die zijn alleen voor de ontvanger.
          </Paragraph>
          {/* React escapes the text; nothing from a mail is rendered as HTML. */}
          <pre className="wmh-mail-text">{mail.text}</pre>
        </>
      )}
    </div>
  );
}
