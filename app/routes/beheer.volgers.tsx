import { randomUUID } from "node:crypto";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { followerPages } from "~/domain/informed/followers.server";
import { str } from "~/lib/forms";
import { Alert, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SubmitButton, TextArea, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Volgers - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.volgers"]);
  return { ...(await followerPages.overview()), formKey: randomUUID() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.volgers"]);
  const outcome = await followerPages.mailing(user, await request.formData());
  return data(outcome, { status: outcome.ok ? 200 : 400 });
}

export default function Followers() {
  const { counts, perProject, mailings, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result?.values;
  const selected = values?.projectIds;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Volgers</Heading>
      <Paragraph>
        Mensen die op de hoogte willen blijven. Zij krijgen hoogstens één e-mail per dag met nieuws, fasen die
        beginnen en nieuwe bijeenkomsten. U ziet hier alleen aantallen.
      </Paragraph>
      <ul>
        <li>
          <strong>{counts.active}</strong> volgers (bevestigd), van wie <strong>{counts.site}</strong> alles
          volgen
        </li>
        <li>
          <strong>{counts.pending}</strong> nog niet bevestigd
        </li>
        <li>
          <strong>{counts.left}</strong> afgemeld in de laatste 30 dagen (daarna bewaren wij niets meer van
          hen)
        </li>
      </ul>
      <TableScroll label="Volgers per project">
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">Volgers per project</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">Project</th>
              <th className="utrecht-table__header-cell">Volgers</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {perProject.map((p) => (
              <tr key={p.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{p.title}</td>
                <td className="utrecht-table__cell">{p.followers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="mailing" className="wmh-card">
        <Heading level={2} id="mailing">
          E-mail sturen aan volgers van projecten
        </Heading>
        <Paragraph>
          Bekijk eerst het voorbeeld en stuur een test naar uzelf. Onder elke e-mail staat een link om af te
          melden.
        </Paragraph>
        {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate className="wmh-form">
          <input type="hidden" name="formKey" value={formKey} />
          <ChoiceGroup
            name="projectIds"
            multiple
            label="Aan de volgers van"
            required
            defaultValue={Array.isArray(selected) ? selected : selected ? [selected] : []}
            error={errors.projectIds}
            options={perProject.map((p) => ({ value: String(p.id), label: `${p.title} (${p.followers})` }))}
          />
          <TextField
            name="subject"
            label="Onderwerp"
            required
            maxLength={200}
            defaultValue={str(values, "subject")}
            error={errors.subject}
          />
          <TextArea
            name="body"
            label="Bericht"
            description="Schrijf kort en in eenvoudige taal. Laat een witregel tussen alinea's."
            required
            rows={8}
            maxLength={10000}
            defaultValue={str(values, "body")}
            error={errors.body}
          />
          <div className="wmh-actions">
            <SubmitButton variant="secondary" name="intent" value="preview">
              Voorbeeld bekijken
            </SubmitButton>
            <SubmitButton variant="secondary" name="intent" value="test">
              Test naar mijzelf
            </SubmitButton>
            <SubmitButton name="intent" value="send">
              Versturen aan volgers
            </SubmitButton>
          </div>
        </Form>
        {result?.ok ? (
          <section aria-labelledby="voorbeeld">
            <Heading level={3} id="voorbeeld">
              Voorbeeld ({result.preview.recipients}{" "}
              {result.preview.recipients === 1 ? "ontvanger" : "ontvangers"})
            </Heading>
            <p className="utrecht-paragraph">
              <strong>Onderwerp:</strong> {result.preview.subject}
            </p>
            <pre className="wmh-mail-preview">{result.preview.text}</pre>
          </section>
        ) : null}
      </section>
      {mailings.length > 0 ? (
        <section aria-labelledby="verstuurd">
          <Heading level={2} id="verstuurd">
            Verstuurde e-mails
          </Heading>
          <ul>
            {mailings.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.createdAt)}: {m.subject} ({m.sent} van {m.recipients} verstuurd)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
