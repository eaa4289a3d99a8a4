import { Form } from "@remix-run/react";
import {
  CheckboxField,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  type Option,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../form";

const str = (v: FormValues | undefined, k: string) => {
  const x = v?.[k];
  return Array.isArray(x) ? x[0] : x;
};

/** Add or edit an initiative on the map (staff). The initiator fields are only there when adding. */
export function InitiativeForm(props: {
  values?: FormValues;
  errors?: FieldErrors;
  themes: Option[];
  statuses: Option[];
  wijken: Option[];
  withInitiator: boolean;
  /** Editing: a reason for a status change, mailed to the initiator. */
  withReason?: boolean;
  submitLabel: string;
}) {
  const { values, errors } = props;
  return (
    <Form method="post" className="wmh-form wmh-stack" noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        name="titel"
        label="Titel"
        required
        maxLength={120}
        defaultValue={str(values, "titel")}
        error={errors?.titel}
      />
      <TextArea
        name="samenvatting"
        label="Samenvatting voor de website"
        required
        maxLength={2000}
        defaultValue={str(values, "samenvatting")}
        error={errors?.samenvatting}
      />
      <SelectField
        name="thema"
        label="Thema"
        required
        placeholder="Kies een thema"
        options={props.themes}
        defaultValue={str(values, "thema")}
        error={errors?.thema}
      />
      <SelectField
        name="status"
        label="Status"
        required
        options={props.statuses}
        defaultValue={str(values, "status") ?? "in_execution"}
        error={errors?.status}
      />
      {props.withReason ? (
        <TextArea
          name="toelichting"
          label="Toelichting bij een nieuwe status"
          description="Alleen nodig als u de status wijzigt. De initiatiefnemer krijgt deze tekst per e-mail. Verplicht bij afwijzen."
          rows={3}
          defaultValue={str(values, "toelichting")}
          error={errors?.toelichting}
        />
      ) : null}
      <TextField
        name="breedtegraad"
        label="Breedtegraad"
        description="De plek op de kaart, bijvoorbeeld 52,3505. Leeg: niet op de kaart."
        inputMode="decimal"
        size="short"
        defaultValue={str(values, "breedtegraad")}
        error={errors?.breedtegraad}
      />
      <TextField
        name="lengtegraad"
        label="Lengtegraad"
        description="Bijvoorbeeld 4,6125."
        inputMode="decimal"
        size="short"
        defaultValue={str(values, "lengtegraad")}
        error={errors?.lengtegraad}
      />
      <SelectField
        name="wijk"
        label="Wijk"
        description="Leeg laten: de wijk volgt uit de plek op de kaart."
        placeholder="Wijk volgt uit de plek"
        options={props.wijken}
        defaultValue={str(values, "wijk")}
        error={errors?.wijk}
      />
      {props.withInitiator ? (
        <>
          <TextField
            name="naam"
            label="Naam van de initiatiefnemer"
            description="Wordt niet op de website getoond."
            defaultValue={str(values, "naam")}
            error={errors?.naam}
          />
          <TextField
            name="email"
            type="email"
            label="E-mailadres van de initiatiefnemer"
            description="Wordt niet getoond. Inwoners kunnen via de website een bericht sturen; wij sturen dat door naar dit adres. Leeg: geen contactformulier."
            defaultValue={str(values, "email")}
            error={errors?.email}
          />
        </>
      ) : null}
      <CheckboxField
        name="gepubliceerd"
        label="Tonen op de website"
        defaultChecked={str(values, "gepubliceerd") === "ja"}
      />
      <CheckboxField
        name="uitgelicht"
        label="Uitlichten op de homepagina"
        defaultChecked={str(values, "uitgelicht") === "ja"}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
