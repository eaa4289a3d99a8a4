import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import { DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Inspraak en reactienota - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak._index"]);
  const { docs, projectsWithoutDocument } = await consultationStaff.list();
  return {
    docs: docs.map((d) => ({
      ...d,
      reactionStartsAt: d.reactionStartsAt?.toISOString() ?? null,
      reactionEndsAt: d.reactionEndsAt?.toISOString() ?? null,
    })),
    projects: projectsWithoutDocument.map((p) => ({ value: String(p.id), label: p.title })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak._index"]);
  const outcome = await consultationStaff.create(user, await request.formData());
  if (!outcome.ok)
    return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
  return redirect(`/beheer/inspraak/${outcome.id}`);
}

export default function ConsultationList() {
  const { docs, projects } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Inspraak en reactienota</Heading>
      <Paragraph>
        Een conceptdocument per project. Inwoners en organisaties reageren per alinea. U beantwoordt de
        reacties in een reactienota.
      </Paragraph>
      {docs.length === 0 ? (
        <Paragraph>Er zijn nog geen inspraakdocumenten.</Paragraph>
      ) : (
        <ul>
          {docs.map((d) => (
            <li key={d.id}>
              <Link to={`/beheer/inspraak/${d.id}`} className="utrecht-link">
                {d.title}
              </Link>{" "}
              ({d.projectTitle}; {d.reactions === 1 ? "1 reactie" : `${d.reactions} reacties`}
              {d.reactionEndsAt ? `; reageren tot ${formatDateTime(d.reactionEndsAt)}` : ""}){" "}
              {d.isDemo ? <DemoBadge /> : null}
            </li>
          ))}
        </ul>
      )}
      <Heading level={2}>Nieuw inspraakdocument</Heading>
      {projects.length === 0 ? (
        <Paragraph>Elk project heeft al een inspraakdocument.</Paragraph>
      ) : (
        <Form method="post" className="wmh-stack" noValidate>
          <ErrorSummary errors={result?.errors} />
          <SelectField
            name="project"
            label="Project"
            required
            placeholder="Kies een project"
            options={projects}
            defaultValue={String(result?.values?.project ?? "")}
            error={result?.errors?.project}
          />
          <TextField
            name="titel"
            label="Titel van het document"
            required
            description="Bijvoorbeeld: Concept-Woonvisie Heemstede 2026-2030"
            defaultValue={String(result?.values?.titel ?? "")}
            error={result?.errors?.titel}
          />
          <div>
            <SubmitButton>Document aanmaken</SubmitButton>
          </div>
        </Form>
      )}
    </div>
  );
}
