import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useParams, useSearchParams } from "@remix-run/react";
import { staffAccess } from "~/domain/auth/roles";
import { editorIntents } from "~/domain/surveys/admin.server";
import {
  BACKGROUND_VARIABLES,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  questionTypeLabels,
  WOONVISIE_THEMES,
} from "~/domain/surveys/definition";
import { backgroundLabels, questionToForm } from "~/domain/surveys/editor";
import { surveyEditorAction } from "~/domain/surveys/editor-route.server";
import { staffTypes } from "~/domain/surveys/question-types/staff";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { Heading, Paragraph } from "~/ui/content";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import {
  BackToSurvey,
  EditorNotFound,
  type SurveyEditorData,
  useSurveyEditor,
  formValue as v,
} from "~/ui/surveys/editor-parts";

// /beheer/enquetes/:id/vraag/:pagina (new question on a page; first the kind, ?soort=…) and
// /beheer/enquetes/:id/vraag/:pagina/:vraag (edit a question).

export function action({ request, params }: ActionFunctionArgs) {
  return surveyEditorAction(
    request,
    params,
    staffAccess["beheer.enquetes.$id.vraag.$pagina.($vraag)"],
    editorIntents.question,
  );
}

export default function QuestionEditor() {
  const d = useSurveyEditor();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const { pagina: pageKey, vraag: questionKey } = useParams();
  const back = <BackToSurvey id={d.survey.id} />;
  const page = d.definition.pages.find((p) => p.key === pageKey);
  const question = page?.questions.find((q) => q.key === questionKey);
  if (!page || (questionKey && !question)) return <EditorNotFound back={back} />;
  return (
    <div className="wmh-stack wmh-editor">
      <Heading level={1}>{question ? "Vraag bewerken" : "Nieuwe vraag"}</Heading>
      <Paragraph>Pagina: {page.title}</Paragraph>
      <QuestionForm d={d} pageKey={page.key} question={question} errors={errors} posted={posted} />
      {back}
    </div>
  );
}

function QuestionForm({
  d,
  pageKey,
  question,
  errors,
  posted,
}: {
  d: SurveyEditorData;
  pageKey: string;
  question?: Question;
  errors: FieldErrors;
  posted?: FormValues;
}) {
  const [params] = useSearchParams();
  const values: FormValues =
    posted ?? (question ? questionToForm(question) : { type: params.get("soort") ?? "" });
  const type = v(values, "type");
  if (!question && !(QUESTION_TYPES as readonly string[]).includes(type)) {
    return (
      <Form method="get" className="wmh-form">
        <SelectField
          name="soort"
          label="Wat voor vraag wilt u toevoegen?"
          required
          options={QUESTION_TYPES.map((t) => ({ value: t, label: questionTypeLabels[t] }))}
        />
        <SubmitButton>Verder</SubmitButton>
      </Form>
    );
  }
  const pageIndex = d.definition.pages.findIndex((p) => p.key === pageKey);
  const earlier = d.definition.pages.slice(0, pageIndex).flatMap((p) => p.questions);
  const TypeFields = staffTypes[type as QuestionType].editor.Fields;
  return (
    <div className="wmh-form">
      <ErrorSummary errors={errors} fieldIds={{ showIf: "veld-showIfQuestion" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="question-save" />
        <input type="hidden" name="paginaKey" value={pageKey} />
        <input type="hidden" name="originalKey" value={question?.key ?? ""} />
        <input type="hidden" name="type" value={type} />
        <Paragraph>Soort vraag: {questionTypeLabels[type as Question["type"]]}</Paragraph>
        <TextArea
          name="text"
          label="Vraag"
          required
          defaultValue={v(values, "text")}
          error={errors.text}
          rows={2}
        />
        <TextField
          name="key"
          label="Sleutel"
          description="Korte naam voor de resultaten, bijvoorbeeld cijfer-buurt. Laat leeg om hem uit de vraag te maken."
          defaultValue={v(values, "key")}
          error={errors.key}
        />
        <TextArea
          name="description"
          label="Uitleg bij de vraag"
          defaultValue={v(values, "description")}
          error={errors.description}
          rows={2}
        />
        <TypeFields values={values} errors={errors} />
        <CheckboxField
          name="required"
          label="Verplichte vraag"
          defaultChecked={v(values, "required") === "ja"}
        />
        <CheckboxField
          name="allowDontKnow"
          label="Met 'Weet ik niet / geen mening'"
          defaultChecked={v(values, "allowDontKnow") === "ja"}
        />
        <SelectField
          name="theme"
          label="Thema van de Woonvisie"
          options={Object.entries(WOONVISIE_THEMES).map(([value, label]) => ({
            value,
            label: `${value}. ${label}`,
          }))}
          placeholder="Geen thema"
          defaultValue={v(values, "theme")}
          error={errors.theme}
        />
        <SelectField
          name="background"
          label="Achtergrondvariabele"
          description="Gebruikt om te zien of de antwoorden de inwoners goed weerspiegelen."
          options={BACKGROUND_VARIABLES.map((b) => ({ value: b, label: backgroundLabels[b] }))}
          placeholder="Geen"
          defaultValue={v(values, "background")}
          error={errors.background}
        />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Alleen tonen als… (niet verplicht)</legend>
          <SelectField
            name="showIfQuestion"
            label="Vraag op een eerdere pagina"
            options={earlier.map((q) => ({ value: q.key, label: q.text.slice(0, 80) }))}
            placeholder="Altijd tonen"
            defaultValue={v(values, "showIfQuestion")}
            error={errors.showIf}
          />
          <SelectField
            name="showIfOperator"
            label="Voorwaarde"
            required
            options={[
              { value: "equals", label: "is gelijk aan" },
              { value: "notEquals", label: "is niet gelijk aan" },
              { value: "anyOf", label: "is een van (gescheiden door komma's)" },
              { value: "answered", label: "is beantwoord" },
              { value: "atLeast", label: "is minstens" },
              { value: "atMost", label: "is hoogstens" },
            ]}
            defaultValue={v(values, "showIfOperator", "equals")}
          />
          <TextField name="showIfValue" label="Waarde" defaultValue={v(values, "showIfValue")} />
        </fieldset>
        <SubmitButton>Vraag opslaan</SubmitButton>
      </Form>
    </div>
  );
}
