import type { FormEventHandler, ReactNode } from "react";
import { TextField } from "../form";

// The part of the point picker that works without JavaScript: a fieldset with two number fields.
// Its own module so a page can render it on first load and fetch the map part (PointPicker) later.

export const pointFieldLabels = {
  lat: "Breedtegraad",
  lng: "Lengtegraad",
  // The box the quickscan and the survey both accept (a caller with another box passes labels).
  latDescription: "Een getal tussen 52,32 en 52,38, bijvoorbeeld 52,3505.",
  lngDescription: "Een getal tussen 4,57 en 4,67, bijvoorbeeld 4,6125.",
};

export interface PointFieldsProps {
  latName: string;
  lngName: string;
  legend: ReactNode;
  description?: ReactNode;
  defaultLat?: string;
  defaultLng?: string;
  latError?: string;
  lngError?: string;
  labels?: Partial<typeof pointFieldLabels>;
  /** Shown between the description and the fields (the map and its status text). */
  children?: ReactNode;
  onInput?: FormEventHandler<HTMLFieldSetElement>;
}

export const pointFieldId = (name: string) => `veld-${name}`;

export function PointFields(props: PointFieldsProps) {
  const labels = { ...pointFieldLabels, ...props.labels };
  const latId = pointFieldId(props.latName);
  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wmh-point-picker"
      aria-describedby={props.description ? `${latId}-uitleg` : undefined}
      onInput={props.onInput}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.description ? (
        <div className="utrecht-form-field-description" id={`${latId}-uitleg`}>
          {props.description}
        </div>
      ) : null}
      {props.children}
      <div className="wmh-point-picker__fields">
        <TextField
          id={latId}
          name={props.latName}
          label={labels.lat}
          description={labels.latDescription}
          inputMode="decimal"
          size="short"
          maxLength={20}
          defaultValue={props.defaultLat}
          error={props.latError}
        />
        <TextField
          id={pointFieldId(props.lngName)}
          name={props.lngName}
          label={labels.lng}
          description={labels.lngDescription}
          inputMode="decimal"
          size="short"
          maxLength={20}
          defaultValue={props.defaultLng}
          error={props.lngError}
        />
      </div>
    </fieldset>
  );
}
