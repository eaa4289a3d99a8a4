import { type BaseProps, describedBy, FieldShell } from "./form-basics";

export {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  SubmitButton,
  TextField,
} from "./form-basics";

// Form fields in the NL Design System pattern: label, description, error message at the field,
// aria-describedby linking all of them, and the resident's input kept in defaultValue.

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

/** Bots fill every field; people never see this one. */
export function Honeypot() {
  return (
    <div className="wmh-honeypot" aria-hidden="true">
      <label htmlFor="veld-website">Laat dit veld leeg</label>
      <input id="veld-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
