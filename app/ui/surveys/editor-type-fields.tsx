import type { ReactNode } from "react";
import type { QuestionType } from "~/domain/surveys/definition";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { CheckboxField, SelectField, TextArea, TextField } from "../form";
import { formValue as v } from "./editor-parts";

// The editor's settings of each question type (the fields after the question text). A Record over
// every type, so a new type without its editor fields is a type error; editor.ts reads them back.

interface FieldsProps {
  values: FormValues;
  errors: FieldErrors;
}

function OptionLines({ values, errors, label }: FieldsProps & { label: string }) {
  return (
    <TextArea
      name="options"
      label={label}
      description="Eén per regel. U kunt een eigen waarde geven met: waarde = tekst"
      required
      defaultValue={v(values, "options")}
      error={errors.options}
      rows={6}
    />
  );
}

function NumberSetting({
  values,
  errors,
  name,
  label,
  fallback,
}: FieldsProps & { name: string; label: string; fallback?: string }) {
  return (
    <TextField
      name={name}
      label={label}
      inputMode="numeric"
      size="short"
      defaultValue={v(values, name, fallback)}
      error={errors[name]}
    />
  );
}

function OtherOption({ values }: FieldsProps) {
  return (
    <CheckboxField
      name="other"
      label="Met 'Anders, namelijk' en een tekstvak"
      defaultChecked={v(values, "other") === "ja"}
    />
  );
}

const none = () => null;

export const questionTypeFields: { [T in QuestionType]: (props: FieldsProps) => ReactNode } = {
  single: (p) => (
    <>
      <OptionLines {...p} label="Antwoordmogelijkheden" />
      <OtherOption {...p} />
    </>
  ),
  multiple: (p) => (
    <>
      <OptionLines {...p} label="Antwoordmogelijkheden" />
      <OtherOption {...p} />
      <NumberSetting {...p} name="max" label="Hoeveel antwoorden mag iemand hoogstens kiezen?" />
    </>
  ),
  agree: none,
  grade: none,
  ranking: (p) => (
    <>
      <OptionLines {...p} label="Onderwerpen om te rangschikken" />
      <NumberSetting {...p} name="top" label="Hoeveel onderwerpen rangschikken? (leeg is alle)" />
    </>
  ),
  matrix: (p) => (
    <>
      <OptionLines {...p} label="Rijen" />
      <TextArea
        name="scale"
        label="Schaal (kolommen)"
        description="Eén per regel."
        required
        defaultValue={v(p.values, "scale")}
        error={p.errors.scale}
        rows={4}
      />
    </>
  ),
  open: (p) => (
    <>
      <NumberSetting {...p} name="maxLength" label="Hoeveel tekens hoogstens?" fallback="1000" />
      <CheckboxField
        name="singleLine"
        label="Kort antwoord (één regel)"
        defaultChecked={v(p.values, "singleLine") === "ja"}
      />
    </>
  ),
  number: (p) => (
    <>
      <NumberSetting {...p} name="min" label="Kleinste getal" />
      <NumberSetting {...p} name="max" label="Grootste getal" />
      <TextField
        name="unit"
        label="Eenheid, bijvoorbeeld jaar"
        size="short"
        defaultValue={v(p.values, "unit")}
        error={p.errors.unit}
      />
      <CheckboxField
        name="decimals"
        label="Getallen met een komma toestaan"
        defaultChecked={v(p.values, "decimals") === "ja"}
      />
    </>
  ),
  birthYear: (p) => <NumberSetting {...p} name="minAge" label="Minimumleeftijd" fallback="0" />,
  postcode: none,
  mapPoint: (p) => (
    <>
      <TextArea
        name="options"
        label="Plekken om uit te kiezen"
        description="Eén per regel: naam; breedtegraad; lengtegraad. Bijvoorbeeld: Omgeving station; 52.3594; 4.6095"
        defaultValue={v(p.values, "options")}
        error={p.errors.options}
        rows={6}
      />
      <SelectField
        name="allowAddress"
        label="Mag iemand ook een adres invullen?"
        required
        options={[
          { value: "", label: "Ja" },
          { value: "nee", label: "Nee" },
        ]}
        defaultValue={v(p.values, "allowAddress")}
      />
      <TextField
        name="commentLabel"
        label="Vraag bij de toelichting"
        defaultValue={v(p.values, "commentLabel", "Toelichting")}
      />
    </>
  ),
};
