import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useParams } from "@remix-run/react";
import { staffAccess } from "~/domain/auth/roles";
import { editorIntents } from "~/domain/surveys/admin.server";
import { surveyEditorAction } from "~/domain/surveys/editor-route.server";
import type { FieldErrors } from "~/lib/forms";
import { Heading } from "~/ui/content";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { BackToSurvey, EditorNotFound, useSurveyEditor, formValue as v } from "~/ui/surveys/editor-parts";

// /beheer/enquetes/:id/pagina (new page) and /beheer/enquetes/:id/pagina/:pagina (edit a page).

export function action({ request, params }: ActionFunctionArgs) {
  return surveyEditorAction(
    request,
    params,
    staffAccess["beheer.enquetes.$id.pagina.($pagina)"],
    editorIntents.page,
  );
}

export default function PageEditor() {
  const d = useSurveyEditor();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const editPage = useParams().pagina;
  const back = <BackToSurvey id={d.survey.id} />;
  const page = d.definition.pages.find((p) => p.key === editPage);
  if (editPage && !page) return <EditorNotFound back={back} />;
  const values = posted ?? (page ? { title: page.title, intro: page.intro ?? "", kind: page.kind } : {});
  return (
    <div className="wmh-stack wmh-editor wmh-form">
      <Heading level={1}>{page ? "Pagina bewerken" : "Nieuwe pagina"}</Heading>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="page-save" />
        <input type="hidden" name="paginaKey" value={page?.key ?? ""} />
        <TextField
          name="title"
          label="Titel van de pagina"
          required
          defaultValue={v(values, "title")}
          error={errors.title}
        />
        <TextArea
          name="intro"
          label="Korte uitleg bovenaan"
          defaultValue={v(values, "intro")}
          error={errors.intro}
          rows={3}
        />
        <SelectField
          name="kind"
          label="Soort pagina"
          required
          options={[
            { value: "questions", label: "Vragen" },
            { value: "info", label: "Informatie (woon-DNA), zonder vragen" },
          ]}
          defaultValue={v(values, "kind", "questions")}
        />
        <SubmitButton>Pagina opslaan</SubmitButton>
      </Form>
      {back}
    </div>
  );
}
