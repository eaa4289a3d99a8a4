import { randomUUID } from "node:crypto";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { eventPages } from "~/domain/events/events.server";
import { Heading } from "~/ui/content";
import { EventFields } from "~/ui/event-form";
import { ErrorSummary, SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Nieuwe bijeenkomst - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.bijeenkomsten.nieuw"]);
  return { projects: await eventPages.projectOptions(), formKey: randomUUID() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.bijeenkomsten.nieuw"]);
  const outcome = await eventPages.create(user, await request.formData());
  if (!outcome.ok) return data(outcome, { status: 400 });
  throw redirect(`/beheer/bijeenkomsten/${outcome.id}?opgeslagen=1`);
}

export default function NewEvent() {
  const { projects, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Nieuwe bijeenkomst</Heading>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="wmh-form">
        <input type="hidden" name="formKey" value={formKey} />
        <EventFields errors={errors} values={values} projects={projects} />
        <SubmitButton>Bijeenkomst opslaan</SubmitButton>
      </Form>
    </div>
  );
}
