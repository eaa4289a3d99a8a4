import type { FieldErrors, FormValues } from "~/lib/forms";
import { CheckboxField, TextArea, TextField } from "../form";
import { formValue as v } from "./editor-parts";

// The building blocks of the question types' editor fields (the fields after the question text); each
// type's fields are in its staff part (app/domain/surveys/question-types/<type>.staff.tsx).

interface FieldsProps {
  values: FormValues;
  errors: FieldErrors;
}

export function OptionLines({ values, errors, label }: FieldsProps & { label: string }) {
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

export function NumberSetting({
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

export function OtherOption({ values }: FieldsProps) {
  return (
    <CheckboxField
      name="other"
      label="Met 'Anders, namelijk' en een tekstvak"
      defaultChecked={v(values, "other") === "ja"}
    />
  );
}

export const none = () => null;
