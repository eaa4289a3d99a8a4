import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useParams } from "@remix-run/react";
import { staffAccess } from "~/domain/auth/roles";
import { editorIntents } from "~/domain/surveys/admin.server";
import { blockToForm } from "~/domain/surveys/editor-blocks";
import { surveyEditorAction } from "~/domain/surveys/editor-route.server";
import type { FieldErrors } from "~/lib/forms";
import { Heading, Paragraph } from "~/ui/content";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { BackToSurvey, EditorNotFound, useSurveyEditor, formValue as v } from "~/ui/surveys/editor-parts";

// /beheer/enquetes/:id/blok/:pagina (new information block on a page) and
// /beheer/enquetes/:id/blok/:pagina/:blok (edit the block at that position).

export function action({ request, params }: ActionFunctionArgs) {
  return surveyEditorAction(
    request,
    params,
    staffAccess["beheer.enquetes.$id.blok.$pagina.($blok)"],
    editorIntents.block,
  );
}

export default function BlockEditor() {
  const d = useSurveyEditor();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const { pagina: pageKey, blok: indexText } = useParams();
  const back = <BackToSurvey id={d.survey.id} />;
  const page = d.definition.pages.find((p) => p.key === pageKey);
  const index = indexText !== undefined && /^\d+$/.test(indexText) ? Number(indexText) : null;
  const block = index !== null ? page?.blocks[index] : undefined;
  if (!page || (indexText !== undefined && !block)) return <EditorNotFound back={back} />;
  const values = posted ?? (block ? blockToForm(block) : { kind: "figures", isExample: "ja" });
  return (
    <div className="wmh-stack wmh-editor wmh-form">
      <Heading level={1}>{block ? "Informatieblok bewerken" : "Nieuw informatieblok"}</Heading>
      <Paragraph>Pagina: {page.title}</Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="block-save" />
        <input type="hidden" name="paginaKey" value={page.key} />
        <input type="hidden" name="blok" value={index ?? ""} />
        <SelectField
          name="kind"
          label="Soort blok"
          required
          options={[
            { value: "figures", label: "Kerncijfers (grafiek en tabel)" },
            { value: "text", label: "Tekst" },
          ]}
          defaultValue={v(values, "kind", "figures")}
        />
        <TextField
          name="title"
          label="Titel"
          required
          defaultValue={v(values, "title")}
          error={errors.title}
        />
        <TextArea name="text" label="Tekst" defaultValue={v(values, "text")} error={errors.text} rows={4} />
        <TextArea
          name="figures"
          label="Cijfers (alleen bij kerncijfers)"
          description="Eén cijfer per regel: omschrijving | getal | eenheid. Bijvoorbeeld: Nieuwbouwwoningen tot en met 2030 | 355 | woningen"
          defaultValue={v(values, "figures")}
          error={errors.figures}
          rows={6}
        />
        <TextField name="source" label="Bron" defaultValue={v(values, "source")} error={errors.source} />
        <CheckboxField
          name="isExample"
          label="Dit zijn voorbeeldcijfers (geen officiële cijfers)"
          defaultChecked={v(values, "isExample") === "ja"}
        />
        <SubmitButton>Blok opslaan</SubmitButton>
      </Form>
      {back}
    </div>
  );
}
