import { type ReactNode, useEffect, useRef } from "react";

// The form parts every form uses (text field, error summary, submit button) and the field shell the
// other fields in form.tsx build on. Its own module so a page that needs only these (the survey page,
// with its JavaScript budget) does not download the other fields.

export type FieldErrors = Partial<Record<string, string>>;
export type FormValues = Partial<Record<string, string | string[]>>;

export interface BaseProps {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  id?: string;
}

export function describedBy(id: string, description?: ReactNode, error?: string) {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldShell(props: BaseProps & { id: string; children: ReactNode; kind?: "checkbox" }) {
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
