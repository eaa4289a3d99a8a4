import { type ReactNode, useEffect, useRef } from "react";

// Form fields in the NL Design System pattern: label, description, error message at the field,
// aria-describedby linking all of them, and the resident's input kept in defaultValue.

export type FieldErrors = Partial<Record<string, string>>;
export type FormValues = Partial<Record<string, string | string[]>>;

interface BaseProps {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  id?: string;
}

function describedBy(id: string, description?: ReactNode, error?: string) {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell(props: BaseProps & { id: string; children: ReactNode; kind?: "checkbox" }) {
  const { id, label, description, error, children } = props;
  const labelEl = (
    <label className={`utrecht-form-label${props.kind ? " utrecht-form-label--checkbox" : ""}`} htmlFor={id}>
      {label}
      {props.required ? null : <span className="wmh-optional"> (niet verplicht)</span>}
    </label>
  );
  return (
    <div
      className={`utrecht-form-field${props.kind ? " utrecht-form-field--checkbox" : ""}${error ? " utrecht-form-field--invalid" : ""}`}
    >
      {props.kind ? null : <div className="utrecht-form-field__label">{labelEl}</div>}
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="utrecht-form-field__input">
        {children}
        {props.kind ? labelEl : null}
      </div>
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    type?: "text" | "email" | "tel" | "password" | "number" | "date" | "url" | "search" | "datetime-local";
    defaultValue?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "decimal" | "text" | "email" | "tel";
    maxLength?: number;
    min?: number | string;
    max?: number | string;
    step?: number | string;
    size?: "short" | "medium";
  },
) {
  const id = props.id ?? `veld-${props.name}`;
  return (
    <FieldShell {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        className={`utrecht-textbox utrecht-textbox--html-input${props.error ? " utrecht-textbox--invalid" : ""}`}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        step={props.step}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required || undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
        style={props.size === "short" ? { maxWidth: "12rem" } : undefined}
      />
    </FieldShell>
  );
}

/** A file input in the same pattern (the form needs encType="multipart/form-data"). */
export function FileField(props: BaseProps & { accept?: string }) {
  const id = props.id ?? `veld-${props.name}`;
  return (
    <FieldShell {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type="file"
        accept={props.accept}
        className="wmh-file-input"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: BaseProps & { defaultValue?: string; rows?: number; maxLength?: number }) {
  const id = props.id ?? `veld-${props.name}`;
  return (
    <FieldShell {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        className={`utrecht-textarea utrecht-textarea--html-textarea${props.error ? " utrecht-textarea--invalid" : ""}`}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required || undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & { options: Option[]; defaultValue?: string; placeholder?: string },
) {
  const id = props.id ?? `veld-${props.name}`;
  return (
    <FieldShell {...props} id={id}>
      <select
        id={id}
        name={props.name}
        className={`utrecht-select utrecht-select--html-select${props.error ? " utrecht-select--invalid" : ""}`}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required || undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: BaseProps & { defaultChecked?: boolean; value?: string }) {
  const id = props.id ?? `veld-${props.name}`;
  return (
    <FieldShell {...props} required id={id} kind="checkbox">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        value={props.value ?? "ja"}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        defaultChecked={props.defaultChecked}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
      />
    </FieldShell>
  );
}

/** Radio buttons or checkboxes in a fieldset with a legend: the accessible group pattern. */
export function ChoiceGroup(
  props: BaseProps & {
    options: Option[];
    multiple?: boolean;
    defaultValue?: string | string[];
  },
) {
  const id = props.id ?? `veld-${props.name}`;
  const selected = new Set(
    Array.isArray(props.defaultValue) ? props.defaultValue : props.defaultValue ? [props.defaultValue] : [],
  );
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${props.error ? " utrecht-form-fieldset--invalid" : ""}`}
      id={id}
      aria-describedby={describedBy(id, props.description, props.error)}
      aria-invalid={props.error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.label}
        {props.required ? null : <span className="wmh-optional"> (niet verplicht)</span>}
      </legend>
      {props.description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o, i) => {
        const optionId = `${id}-${i}`;
        return (
          <div
            key={o.value}
            className={`utrecht-form-field utrecht-form-field--${props.multiple ? "checkbox" : "radio"}`}
          >
            <div className="utrecht-form-field__input">
              <input
                id={optionId}
                type={props.multiple ? "checkbox" : "radio"}
                name={props.name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                className={
                  props.multiple
                    ? "utrecht-checkbox utrecht-checkbox--html-input"
                    : "utrecht-radio-button utrecht-radio-button--html-input"
                }
              />
              <label
                htmlFor={optionId}
                className={`utrecht-form-label utrecht-form-label--${props.multiple ? "checkbox" : "radio"}`}
              >
                {o.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** GOV.UK / NL Design System error summary: focused on render, links to each field. */
export function ErrorSummary({
  errors,
  fieldIds,
}: {
  errors?: FieldErrors;
  fieldIds?: Record<string, string>;
}) {
  const entries = Object.entries(errors ?? {}).filter(([, v]) => v) as [string, string][];
  const ref = useRef<HTMLDivElement>(null);
  const key = entries.map(([f, m]) => `${f}:${m}`).join("|");
  // After a submit with JavaScript, move focus to the summary (as it is after a full page load at the top).
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div
      ref={ref}
      className="wmh-error-summary"
      role="alert"
      aria-labelledby="foutmeldingen-titel"
      tabIndex={-1}
      id="foutmeldingen"
    >
      <h2 id="foutmeldingen-titel" className="utrecht-heading-2">
        Er {entries.length === 1 ? "is 1 fout" : `zijn ${entries.length} fouten`} gevonden
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "_form" ? message : <a href={`#${fieldIds?.[field] ?? `veld-${field}`}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
  formNoValidate,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "subtle";
  name?: string;
  value?: string;
  formNoValidate?: boolean;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      formNoValidate={formNoValidate}
      className={`utrecht-button utrecht-button--${variant === "subtle" ? "subtle" : `${variant}-action`}`}
    >
      {children}
    </button>
  );
}

/** Bots fill every field; people never see this one. */
export function Honeypot() {
  return (
    <div className="wmh-honeypot" aria-hidden="true">
      <label htmlFor="veld-website">Laat dit veld leeg</label>
      <input id="veld-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
