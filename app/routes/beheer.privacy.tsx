import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { handlePrivacyPost, type SubjectData } from "~/domain/privacy/subject.server";
import { downloadResponse } from "~/lib/download";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [
  { title: "Gegevens van een persoon - Beheer - Wij maken Heemstede" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.privacy"]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.privacy"]);
  const outcome = await handlePrivacyPost(user, await request.formData());
  if (outcome.kind === "download")
    return downloadResponse(outcome.json, "application/json; charset=utf-8", outcome.filename);
  if (outcome.kind === "invalid") return data(outcome, { status: 400 });
  return outcome;
}

export default function PrivacyRequests() {
  const result = useActionData<typeof action>();
  const found = result && "kind" in result && result.kind === "found" ? result.data : null;
  const erased = result && "kind" in result && result.kind === "erased" ? result : null;
  const errors = result && "kind" in result && result.kind === "invalid" ? result.errors : {};
  const email = found?.email ?? (result && "kind" in result && result.kind === "invalid" ? result.email : "");
  return (
    <div className="wmh-stack">
      <Heading level={1}>Gegevens van een persoon</Heading>
      <Paragraph>
        Vraagt iemand welke gegevens wij van hem of haar hebben, of wil iemand die laten wissen? Zoek op het
        e-mailadres. U ziet ideeën, berichten, contactberichten, het digipanel, "Blijf op de hoogte",
        aanmeldingen voor bijeenkomsten, reacties op conceptdocumenten en verstuurde e-mails. Antwoorden op
        enquêtes staan niet op naam en blijven bewaard. Alles wat u hier doet, staat in het logboek.
      </Paragraph>
      <ErrorSummary errors={errors} />
      {erased ? (
        <Alert type="ok">
          De gegevens van {erased.email} zijn gewist: {erased.counts.initiatives} ideeën zonder naam en adres,{" "}
          {erased.counts.contactMessages} contactberichten en {erased.counts.mails} e-mails verwijderd
          {erased.counts.panel ? ", afgemeld voor het digipanel" : ""}
          {erased.counts.following ? ", afgemeld voor Blijf op de hoogte" : ""}, {erased.counts.registrations}{" "}
          aanmeldingen en {erased.counts.consultationReactions} reacties zonder naam en e-mailadres.
        </Alert>
      ) : null}
      <Form method="post" noValidate>
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          required
          autoComplete="off"
          defaultValue={email}
          error={errors.email}
        />
        <SubmitButton name="intent" value="search">
          Zoeken
        </SubmitButton>
      </Form>
      {found ? <SubjectView data={found} errors={errors} /> : null}
    </div>
  );
}

type Found = SerializeFrom<SubjectData>;

function SubjectView({ data: d, errors }: { data: Found; errors: Record<string, string> }) {
  const nothing =
    !d.initiatives.length &&
    !d.contactMessages.length &&
    !d.panel &&
    !d.mails.length &&
    !d.following &&
    !d.registrations.length &&
    !d.consultationReactions.length;
  return (
    <section className="wmh-stack" aria-labelledby="gevonden">
      <Heading level={2} id="gevonden">
        Gevonden bij {d.email}
      </Heading>
      {nothing ? <Paragraph>Wij hebben geen gegevens bij dit e-mailadres.</Paragraph> : null}
      <Heading level={3}>Ideeën ({d.initiatives.length})</Heading>
      {d.initiatives.map((i) => (
        <div key={i.id} className="wmh-stack">
          <Paragraph>
            <strong>{i.title}</strong> ({formatDateTime(i.createdAt)}), naam: {i.initiatorName}
            {i.initiatorPhone ? `, telefoon: ${i.initiatorPhone}` : ""}
            {i.address ? `, adres: ${i.address}` : ""}
          </Paragraph>
          <Paragraph>{i.description}</Paragraph>
          {i.messages.length ? (
            <ul>
              {i.messages.map((m) => (
                <li key={`${m.at}-${m.body.slice(0, 20)}`}>
                  {formatDateTime(m.at)}: {m.body}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      <Heading level={3}>Contactberichten ({d.contactMessages.length})</Heading>
      {d.contactMessages.length ? (
        <ul>
          {d.contactMessages.map((c) => (
            <li key={`${c.createdAt}`}>
              {formatDateTime(c.createdAt)}, {c.name}
              {c.phone ? `, ${c.phone}` : ""}: {c.subject}. {c.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Heading level={3}>Digipanel</Heading>
      <Paragraph>
        {d.panel
          ? `Lid sinds ${formatDateTime(d.panel.createdAt)}, status: ${d.panel.status}, geboortejaar: ${d.panel.birthYear ?? "-"}, postcode: ${d.panel.postcode ?? "-"}, ${d.panel.invitations} uitnodigingen.`
          : "Geen lid."}
      </Paragraph>
      <Heading level={3}>Blijf op de hoogte</Heading>
      <Paragraph>
        {d.following
          ? `Volgt ${d.following.wholeSite ? "de hele website" : "een of meer projecten"} sinds ${formatDateTime(d.following.createdAt)}.`
          : "Volgt niets per e-mail."}
      </Paragraph>
      <Heading level={3}>Aanmeldingen voor bijeenkomsten ({d.registrations.length})</Heading>
      {d.registrations.length ? (
        <ul>
          {d.registrations.map((r) => (
            <li key={`${r.createdAt}-${r.event}`}>
              {formatDateTime(r.createdAt)}: {r.event}, {r.name}, {r.people} personen
              {r.accessibility ? `, wens: ${r.accessibility}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <Heading level={3}>Reacties op conceptdocumenten ({d.consultationReactions.length})</Heading>
      {d.consultationReactions.length ? (
        <ul>
          {d.consultationReactions.map((r) => (
            <li key={`${r.createdAt}`}>
              {formatDateTime(r.createdAt)}, {r.name}
              {r.organisation ? ` (${r.organisation})` : ""}: {r.text}
            </li>
          ))}
        </ul>
      ) : null}
      <Heading level={3}>Verstuurde e-mails ({d.mails.length})</Heading>
      {d.mails.length ? (
        <ul>
          {d.mails.map((m) => (
            <li key={`${m.createdAt}-${m.subject}`}>
              {formatDateTime(m.createdAt)}: {m.subject}
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" reloadDocument>
        <input type="hidden" name="email" value={d.email} />
        <SubmitButton name="intent" value="download" variant="secondary">
          Download alles (JSON)
        </SubmitButton>
      </Form>
      <Form method="post" noValidate className="wmh-stack">
        <Heading level={3}>Wissen</Heading>
        <Paragraph>
          Wissen kan niet ongedaan worden gemaakt. Ideeën blijven bestaan, maar zonder naam, e-mailadres,
          telefoonnummer en berichten van de indiener.
        </Paragraph>
        <input type="hidden" name="email" value={d.email} />
        <CheckboxField
          name="bevestig"
          label="Ik wil alle gegevens van dit e-mailadres wissen"
          error={errors.bevestig}
        />
        <SubmitButton name="intent" value="erase">
          Gegevens wissen
        </SubmitButton>
      </Form>
    </section>
  );
}
