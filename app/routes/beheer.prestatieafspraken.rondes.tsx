import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { roundsAction, roundsPage } from "~/domain/monitor/pages.server";
import { tertiaalLabel } from "~/domain/monitor/vocabulary";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, formatDate, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Rondes van de monitor - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.prestatieafspraken.rondes"]);
  return roundsPage();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken.rondes"]);
  const result = await roundsAction(user, await request.formData());
  if (!result) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const { intent, outcome } = result;
  if (outcome.ok)
    return {
      intent,
      message: outcome.message as string | null,
      errors: {} as FieldErrors,
      values: {} as FormValues,
    };
  return data({ intent, message: null, errors: outcome.errors, values: outcome.values }, { status: 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type OpenRound = NonNullable<LoaderData["open"]>;

export default function Rounds() {
  const { rounds, open, overview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const latestYear = rounds[0]?.year ?? new Date().getFullYear();
  return (
    <div className="wmh-stack">
      <p>
        <TextLink to="/beheer/prestatieafspraken">Terug naar de prestatieafspraken</TextLink>
      </p>
      <Heading level={1}>Rondes van de monitor</Heading>
      {result?.message ? <Alert type="ok">{result.message}</Alert> : null}
      <ErrorSummary errors={errors} />
      {open ? (
        <OpenRoundSection open={open} overview={overview} />
      ) : (
        <NewRoundSection
          latestYear={latestYear}
          errors={result?.intent === "open" ? errors : {}}
          values={result?.intent === "open" ? result.values : undefined}
        />
      )}
      <CopySection latestYear={latestYear} error={result?.intent === "copy" ? errors.jaar : undefined} />
      <section aria-labelledby="alle-rondes" className="wmh-stack">
        <Heading level={2} id="alle-rondes">
          Alle rondes
        </Heading>
        <ul>
          {rounds.map((r) => (
            <li key={r.id}>
              {tertiaalLabel(r.year, r.tertiaal)}: {r.status === "open" ? "open" : "gesloten"}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The open round: who still has to update or respond, its exports, and closing it. */
function OpenRoundSection({ open, overview }: { open: OpenRound; overview: LoaderData["overview"] }) {
  return (
    <section aria-labelledby="open-ronde" className="wmh-stack">
      <Heading level={2} id="open-ronde">
        Open: {tertiaalLabel(open.year, open.tertiaal).toLowerCase()}
      </Heading>
      <Paragraph>
        Geopend op {formatDate(open.openedAt)}. Partners die nog niet hebben bijgewerkt krijgen{" "}
        {open.reminderAfterDays} dagen na het openen één herinnering.
      </Paragraph>
      <TableScroll labelledBy="wie-nog-open">
        <table className="utrecht-table">
          <caption className="utrecht-table__caption" id="wie-nog-open">
            Wie moet nog bijwerken of reageren
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Organisatie
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Nog open
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Afspraken
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {overview.map((o) => (
              <tr className="utrecht-table__row" key={o.organisationId}>
                <th scope="row" className="utrecht-table__header-cell">
                  {o.name}
                </th>
                <td className="utrecht-table__cell">{o.open.length}</td>
                <td className="utrecht-table__cell">
                  {o.open.map((a) => a.key.replace(/ \(\d{4}\)$/, "")).join(", ") || "Alles bijgewerkt"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul>
        <li>
          <a className="utrecht-link" href={`/beheer/prestatieafspraken/export/xlsx?ronde=${open.id}`}>
            Download deze ronde als Excel (XLSX)
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={`/beheer/prestatieafspraken/export/csv?ronde=${open.id}`}>
            Download deze ronde als CSV
          </a>
        </li>
        <li>
          <TextLink to="/beheer/prestatieafspraken/import">Bewerkt bestand importeren</TextLink>
        </li>
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="close" />
        <input type="hidden" name="ronde" value={open.id} />
        <SubmitButton variant="secondary">Ronde sluiten</SubmitButton>
      </Form>
    </section>
  );
}

/** No round open: the form that opens one (and mails the partners); errors and values of a failed "open". */
function NewRoundSection({
  latestYear,
  errors,
  values,
}: {
  latestYear: number;
  errors: FieldErrors;
  values: FormValues | undefined;
}) {
  const v = (k: string) => (values ? str(values, k) : undefined);
  return (
    <section aria-labelledby="nieuwe-ronde" className="wmh-stack">
      <Heading level={2} id="nieuwe-ronde">
        Nieuwe ronde openen
      </Heading>
      <Paragraph>Elke partner met open afspraken krijgt één e-mail met zijn afspraken.</Paragraph>
      <Form method="post" className="wmh-stack" noValidate>
        <input type="hidden" name="intent" value="open" />
        <TextField
          name="jaar"
          label="Jaar"
          type="number"
          inputMode="numeric"
          required
          defaultValue={v("jaar") ?? String(latestYear)}
          error={errors.jaar}
        />
        <SelectField
          name="tertiaal"
          label="Tertiaal"
          required
          options={[
            { value: "1", label: "Tertiaal 1 (januari tot en met april)" },
            { value: "2", label: "Tertiaal 2 (mei tot en met augustus)" },
            { value: "3", label: "Tertiaal 3 (september tot en met december)" },
          ]}
          defaultValue={v("tertiaal")}
          error={errors.tertiaal}
        />
        <TextField
          name="herinnering"
          label="Herinnering na hoeveel dagen"
          type="number"
          inputMode="numeric"
          required
          defaultValue={v("herinnering") ?? "14"}
          error={errors.herinnering}
        />
        <SubmitButton>Ronde openen en partners mailen</SubmitButton>
      </Form>
    </section>
  );
}

function CopySection({ latestYear, error }: { latestYear: number; error: string | undefined }) {
  return (
    <section aria-labelledby="copy" className="wmh-stack">
      <Heading level={2} id="copy">
        Afspraken naar het volgende jaar
      </Heading>
      <Paragraph>
        Doorlopende jaarafspraken en jaarafspraken die niet afgerond of vervallen zijn, gaan mee naar het
        volgende jaar. Ze houden hun sleutel en geschiedenis.
      </Paragraph>
      <Form method="post" className="wmh-stack" noValidate>
        <input type="hidden" name="intent" value="copy" />
        <TextField
          name="jaar"
          id="veld-kopieer-jaar"
          label="Van jaar"
          type="number"
          inputMode="numeric"
          required
          defaultValue={String(latestYear)}
          error={error}
        />
        <SubmitButton variant="secondary">Kopiëren naar het volgende jaar</SubmitButton>
      </Form>
    </section>
  );
}
