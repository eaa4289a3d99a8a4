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
import { createSurveyFromForm, staffProjects, staffSurveyList } from "~/domain/surveys/admin.server";
import { accessModeLabels, statusLabels } from "~/domain/surveys/rules";
import { type FieldErrors, str } from "~/lib/forms";
import { DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction = () => [{ title: "Enquêtes - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.enquetes._index"]);
  const [surveys, projects] = await Promise.all([staffSurveyList(), staffProjects()]);
  return {
    surveys: surveys.map((s) => ({
      ...s,
      opensAt: s.opensAt?.toISOString() ?? null,
      closesAt: s.closesAt?.toISOString() ?? null,
    })),
    projects: projects.map((p) => ({ value: String(p.id), label: p.title })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes._index"]);
  const outcome = await createSurveyFromForm(user, await request.formData());
  if (!outcome.ok)
    return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
  throw redirect(outcome.redirectTo ?? "/beheer/enquetes");
}

export default function SurveyList() {
  const { surveys, projects } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <div className="wmh-stack">
      <Heading level={1}>Enquêtes</Heading>
      <Paragraph>Maak een vragenlijst, bekijk hem zoals een inwoner hem ziet, en publiceer hem.</Paragraph>
      <TableScroll label="Alle enquêtes">
        <table className="utrecht-table">
          <caption className="wmh-visually-hidden">Alle enquêtes</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Titel
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Project
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Status
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Meedoen
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Sluit
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                Ingevuld
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                Bezig
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {surveys.map((s) => (
              <tr key={s.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link to={`/beheer/enquetes/${s.id}`} className="utrecht-link">
                    {s.title}
                  </Link>{" "}
                  {s.isDemo ? <DemoBadge /> : null}
                </td>
                <td className="utrecht-table__cell">{s.projectTitle ?? "—"}</td>
                <td className="utrecht-table__cell">{statusLabels[s.status]}</td>
                <td className="utrecht-table__cell">{accessModeLabels[s.accessMode].split(":")[0]}</td>
                <td className="utrecht-table__cell">{s.closesAt ? formatDateTime(s.closesAt) : "—"}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.submitted}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.inProgress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {surveys.length === 0 ? <Paragraph>Er zijn nog geen enquêtes.</Paragraph> : null}

      <section className="wmh-form" aria-labelledby="nieuw">
        <Heading level={2} id="nieuw">
          Nieuwe enquête
        </Heading>
        <Paragraph>
          Staat de vragenlijst al in LimeSurvey?{" "}
          <Link to="/beheer/enquetes/importeren" className="utrecht-link">
            Importeer een enquête uit LimeSurvey
          </Link>
          .
        </Paragraph>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <TextField
            name="title"
            label="Titel"
            required
            defaultValue={str(actionData?.values, "title")}
            error={errors.title}
          />
          <TextField
            name="slug"
            label="Webadres"
            description="Komt achter /enquete/ in de link, bijvoorbeeld centrumplan-2026. Kleine letters, cijfers en streepjes."
            required
            defaultValue={str(actionData?.values, "slug")}
            error={errors.slug}
          />
          <SelectField
            name="accessMode"
            label="Wie kan meedoen?"
            required
            options={Object.entries(accessModeLabels).map(([value, label]) => ({ value, label }))}
            defaultValue={str(actionData?.values, "accessMode") ?? "open"}
            error={errors.accessMode}
          />
          <SelectField
            name="projectId"
            label="Project"
            options={projects}
            placeholder="Geen project"
            defaultValue={str(actionData?.values, "projectId")}
            error={errors.projectId}
          />
          <SubmitButton>Enquête aanmaken</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
