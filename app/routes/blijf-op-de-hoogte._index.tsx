import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { followerPages } from "~/domain/informed/followers.server";
import { str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SubmitButton, TextField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Blijf op de hoogte - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const projects = await followerPages.projectOptions();
  const wanted = url.searchParams.get("project");
  return {
    sent: url.searchParams.get("verzonden") === "1",
    projects,
    preselect: projects.some((p) => String(p.id) === wanted) ? wanted : "site",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const outcome = await followerPages.request(await request.formData());
  if (!outcome.ok) return data(outcome, { status: 400 });
  throw redirect("/blijf-op-de-hoogte?verzonden=1");
}

export default function Follow() {
  const { sent, projects, preselect } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  if (sent)
    return (
      <div className="wmh-stack">
        <Heading level={1}>Kijk in uw e-mail</Heading>
        <Alert type="ok">
          <Paragraph>
            Wij hebben u een e-mail gestuurd met een link. Klik op de link om te bevestigen. Pas daarna krijgt
            u berichten van ons.
          </Paragraph>
        </Alert>
        <Paragraph>
          <TextLink to="/">Naar de homepagina</TextLink>
        </Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Blijf op de hoogte</Heading>
      <Paragraph lead>
        Krijg een e-mail als er nieuws is, als een project een nieuwe fase begint of als er een bijeenkomst
        komt.
      </Paragraph>
      <Paragraph>
        U krijgt hoogstens één e-mail per dag, alleen als er iets nieuws is. Afmelden kan altijd met één klik.
        Wij gebruiken uw e-mailadres alleen hiervoor. Lees meer in de{" "}
        <TextLink to="/privacy">privacyverklaring</TextLink>.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="wmh-form">
        <ChoiceGroup
          name="scope"
          label="Waarover wilt u e-mail krijgen?"
          required
          defaultValue={str(values, "scope") ?? preselect ?? "site"}
          error={errors.scope}
          options={[
            { value: "site", label: "Alles op Wij maken Heemstede" },
            ...projects.map((p) => ({ value: String(p.id), label: `Alleen het project ${p.title}` })),
          ]}
        />
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="email"
          required
          defaultValue={str(values, "email")}
          error={errors.email}
        />
        <SubmitButton>Houd mij op de hoogte</SubmitButton>
      </Form>
    </div>
  );
}
