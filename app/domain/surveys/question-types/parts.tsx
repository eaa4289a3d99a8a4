import type { ReactNode } from "react";
import { DONT_KNOW_LABEL, OTHER_LABEL } from "../constants";
import type { Question, QuestionOf } from "../definition";
import {
  DONT_KNOW_VALUE,
  fieldId,
  fieldName,
  OTHER_VALUE,
  type QuestionProps,
  type RawValues,
} from "./shared";

// The building blocks of the question types' render components: plain HTML form fields in NL Design
// System classes (fieldset/legend for groups), so every type works without JavaScript.

export function str(values: RawValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}
export function list(values: RawValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function describedBy(id: string, description?: string, error?: string) {
  const ids = [description ? `${id}-uitleg` : null, error ? `${id}-fout` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Optional({ required }: { required: boolean }) {
  return required ? null : <span className="wmh-optional"> (niet verplicht)</span>;
}

function Help({ id, description, error }: { id: string; description?: string; error?: string }) {
  return (
    <>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
          <span className="wmh-visually-hidden">Fout: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function Group(props: { q: Question; error?: string; children: ReactNode; className?: string }) {
  const id = fieldId(props.q.key);
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wmh-question${props.error ? " utrecht-form-fieldset--invalid wmh-question--invalid" : ""}${props.className ? ` ${props.className}` : ""}`}
      aria-describedby={describedBy(id, props.q.description, props.error)}
      tabIndex={-1}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.q.text}
        <Optional required={props.q.required} />
      </legend>
      <Help id={id} description={props.q.description} error={props.error} />
      {props.children}
    </fieldset>
  );
}

export function Choice(props: {
  id: string;
  name: string;
  value: string;
  label: ReactNode;
  multiple?: boolean;
  checked: boolean;
}) {
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--${props.multiple ? "checkbox" : "radio"} wmh-choice`}
    >
      <div className="utrecht-form-field__input">
        <input
          id={props.id}
          type={props.multiple ? "checkbox" : "radio"}
          name={props.name}
          value={props.value}
          defaultChecked={props.checked}
          className={
            props.multiple
              ? "utrecht-checkbox utrecht-checkbox--html-input"
              : "utrecht-radio-button utrecht-radio-button--html-input"
          }
        />
        <label
          htmlFor={props.id}
          className={`utrecht-form-label utrecht-form-label--${props.multiple ? "checkbox" : "radio"}`}
        >
          {props.label}
        </label>
      </div>
    </div>
  );
}

export function OtherText({ q, values }: { q: Question; values: RawValues }) {
  const name = fieldName(q.key, OTHER_VALUE);
  return (
    <div className="utrecht-form-field wmh-other">
      <label className="utrecht-form-label" htmlFor={`${fieldId(q.key)}-anders-tekst`}>
        {OTHER_LABEL}:
      </label>
      <input
        id={`${fieldId(q.key)}-anders-tekst`}
        name={name}
        type="text"
        maxLength={200}
        defaultValue={str(values, name)}
        className="utrecht-textbox utrecht-textbox--html-input"
      />
    </div>
  );
}

export function DontKnowBox({ q, values }: { q: Question; values: RawValues }) {
  if (!q.allowDontKnow) return null;
  const name = fieldName(q.key, DONT_KNOW_VALUE);
  return (
    <Choice
      id={`${fieldId(q.key)}-weetniet`}
      name={name}
      value="ja"
      label={DONT_KNOW_LABEL}
      multiple
      checked={str(values, name) !== ""}
    />
  );
}

export function TextQuestion({
  q,
  values,
  error,
  kind,
}: {
  q: Question;
  values: RawValues;
  error?: string;
  kind: "open-multi" | "open" | "number" | "birthYear" | "postcode";
}) {
  const id = fieldId(q.key);
  const name = fieldName(q.key);
  const common = {
    id,
    name,
    defaultValue: str(values, name),
    "aria-invalid": error ? true : undefined,
    "aria-required": q.required || undefined,
    "aria-describedby": describedBy(id, q.description, error),
  };
  const maxLength = q.type === "open" ? q.maxLength : undefined;
  return (
    <div
      className={`utrecht-form-field wmh-question${error ? " utrecht-form-field--invalid wmh-question--invalid" : ""}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {q.text}
          <Optional required={q.required} />
        </label>
      </div>
      <Help id={id} description={q.description} error={error} />
      <div className="utrecht-form-field__input">
        {kind === "open-multi" ? (
          <textarea
            {...common}
            rows={5}
            maxLength={maxLength}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        ) : (
          <input
            {...common}
            type="text"
            maxLength={kind === "open" ? maxLength : kind === "postcode" ? 7 : 12}
            inputMode={kind === "number" || kind === "birthYear" ? "numeric" : undefined}
            autoComplete={kind === "postcode" ? "postal-code" : kind === "birthYear" ? "bday-year" : "off"}
            className={`utrecht-textbox utrecht-textbox--html-input${kind === "open" ? "" : " wmh-input-short"}`}
          />
        )}
        {q.type === "number" && q.unit ? <span className="wmh-unit"> {q.unit}</span> : null}
      </div>
      {q.allowDontKnow ? <DontKnowBox q={q} values={values} /> : null}
    </div>
  );
}

/** Radio buttons (single) or checkboxes (multiple), "anders, namelijk" and "weet ik niet". */
export function ChoiceQuestion({ q, values, error }: QuestionProps<QuestionOf<"single" | "multiple">>) {
  const id = fieldId(q.key);
  const name = fieldName(q.key);
  const multiple = q.type === "multiple";
  const chosen = new Set(list(values, name));
  const options = [...q.options, ...(q.other ? [{ value: OTHER_VALUE, label: OTHER_LABEL }] : [])];
  return (
    <Group q={q} error={error}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          id={`${id}-${i}`}
          name={name}
          value={o.value}
          label={o.label}
          multiple={multiple}
          checked={chosen.has(o.value)}
        />
      ))}
      {q.other ? <OtherText q={q} values={values} /> : null}
      {q.allowDontKnow ? (
        <Choice
          id={`${id}-weetniet`}
          name={name}
          value={DONT_KNOW_VALUE}
          label={DONT_KNOW_LABEL}
          multiple={multiple}
          checked={chosen.has(DONT_KNOW_VALUE)}
        />
      ) : null}
    </Group>
  );
}
