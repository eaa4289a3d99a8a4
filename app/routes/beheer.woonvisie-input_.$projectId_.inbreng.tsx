import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { inputItemSchema, inputSourceLabels, inputSources } from "~/domain/insights/input-items";
import { addInputItem, deleteInputItem, getProject, listInputItems } from "~/domain/insights/report.server";
import { themeIds, themeLabels } from "~/domain/insights/themes";
import { type FieldErrors, type FormValues, parseForm, str } from "~/lib/forms";
import { Alert, DemoBadge, formatDate, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import insightsCss from "~/ui/insights.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: insightsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Inbreng uit andere sporen: ${data?.project.title ?? ""} - Beheer - Wij maken Heemstede` },
];

const ACCESS = staffAccess["beheer.woonvisie-input_.$projectId_.inbreng"];

async function project(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.projectId);
  const p = Number.isSafeInteger(id) && id > 0 ? await getProject(id) : null;
  if (!p) throw new Response("Dit project bestaat niet", { status: 404 });
  return p;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ACCESS);
  const p = await project(params);
  return { project: { id: p.id, title: p.title }, items: await listInputItems(p.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ACCESS);
  const p = await project(params);
  const form = await request.formData();
  const actor = { id: user.id, email: user.email };
  if (form.get("intent") === "delete") {
    const itemId = Number(form.get("itemId"));
    if (!Number.isSafeInteger(itemId) || !(await deleteInputItem(actor, p.id, itemId)))
      return data(
        { errors: { _form: "Deze inbreng bestaat niet (meer)." } as FieldErrors, values: {} as FormValues },
        { status: 400 },
      );
    return redirect(`/beheer/woonvisie-input/${p.id}/inbreng?klaar=verwijderd`);
  }
  const parsed = parseForm(inputItemSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await addInputItem(actor, p.id, parsed.data);
  return redirect(`/beheer/woonvisie-input/${p.id}/inbreng?klaar=toegevoegd`);
}

export default function InputItems() {
  const { project, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = actionData?.values;
  const done = searchParams.get("klaar");
  return (
    <div className="wmh-stack">
      <p className="utrecht-paragraph">
        <Link to={`/beheer/woonvisie-input/${project.id}`} className="utrecht-link">
          Naar het rapport van {project.title}
        </Link>
      </p>
      <Heading level={1}>Inbreng uit andere sporen</Heading>
      <Paragraph>
        Leg hier vast wat er is opgehaald buiten de enquête: op de bewonersavond, in de werkgroep Samen
        Besluiten, bij de woningcorporaties, de huurdersorganisaties en andere stakeholders. Elke inbreng
        hoort bij één thema van de Woonvisie en komt zo in het rapport.
      </Paragraph>
      {done === "toegevoegd" ? <Alert type="ok">De inbreng is toegevoegd.</Alert> : null}
      {done === "verwijderd" ? <Alert type="ok">De inbreng is verwijderd.</Alert> : null}
      <ErrorSummary
        errors={errors}
        fieldIds={{
          theme: "veld-theme",
          source: "veld-source",
          title: "veld-title",
          text: "veld-text",
          itemDate: "veld-itemDate",
        }}
      />
      <Form method="post" noValidate aria-labelledby="nieuw-titel">
        <Heading level={2} id="nieuw-titel">
          Nieuwe inbreng
        </Heading>
        <SelectField
          name="source"
          label="Waar komt de inbreng vandaan?"
          placeholder="Kies een spoor"
          options={inputSources.map((s) => ({ value: s, label: inputSourceLabels[s] }))}
          defaultValue={str(values, "source")}
          error={errors.source}
          required
        />
        <SelectField
          name="theme"
          label="Thema"
          placeholder="Kies een thema"
          options={themeIds.map((t) => ({ value: String(t), label: `${t}. ${themeLabels[t]}` }))}
          defaultValue={str(values, "theme")}
          error={errors.theme}
          required
        />
        <TextField
          name="title"
          label="Korte titel"
          defaultValue={str(values, "title")}
          error={errors.title}
          required
          maxLength={200}
        />
        <TextArea
          name="text"
          label="Wat is er gezegd of opgehaald?"
          description="Schrijf geen namen of andere persoonsgegevens van inwoners op."
          defaultValue={str(values, "text")}
          error={errors.text}
          required
        />
        <TextField
          name="itemDate"
          type="date"
          label="Datum"
          defaultValue={str(values, "itemDate")}
          error={errors.itemDate}
          required
          size="short"
        />
        <SubmitButton>Inbreng toevoegen</SubmitButton>
      </Form>

      <Heading level={2}>Vastgelegde inbreng ({items.length})</Heading>
      {items.length === 0 ? <Paragraph>Er is nog geen inbreng vastgelegd.</Paragraph> : null}
      {themeIds.map((t) => {
        const list = items.filter((i) => i.theme === t);
        if (list.length === 0) return null;
        return (
          <section key={t} aria-labelledby={`thema-${t}`}>
            <Heading level={3} id={`thema-${t}`}>
              {t}. {themeLabels[t]}
            </Heading>
            <ul className="wmh-code-list">
              {list.map((i) => (
                <li key={i.id}>
                  <p className="utrecht-paragraph">
                    <strong>{i.title}</strong> {i.isDemo ? <DemoBadge /> : null}
                    <br />
                    {inputSourceLabels[i.source]} · {formatDate(i.itemDate)}
                    {i.authorName ? ` · vastgelegd door ${i.authorName}` : ""}
                  </p>
                  <p className="utrecht-paragraph">{i.text}</p>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="itemId" value={i.id} />
                    <SubmitButton variant="subtle">
                      Verwijderen<span className="wmh-visually-hidden">: {i.title}</span>
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
