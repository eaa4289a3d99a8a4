import { ChoiceGroup, type FieldErrors, type Option, TextField } from "./form";

// The profile questions of the digipanel, shared by sign-up and "Mijn digipanel".
export function PanelProfileFields({
  values,
  errors,
  households,
  tenures,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  households: Option[];
  tenures: Option[];
}) {
  return (
    <>
      <TextField
        name="birthYear"
        label="Geboortejaar"
        description="Bijvoorbeeld 1970."
        inputMode="numeric"
        maxLength={4}
        size="short"
        autoComplete="bday-year"
        required
        defaultValue={values.birthYear}
        error={errors.birthYear}
      />
      <TextField
        name="postcode"
        label="Postcode"
        description="Bijvoorbeeld 2101 AB. Wij bewaren alleen de 4 cijfers, om te weten in welke wijk u woont."
        maxLength={7}
        size="short"
        autoComplete="postal-code"
        required
        defaultValue={values.postcode}
        error={errors.postcode}
      />
      <ChoiceGroup
        name="household"
        label="Hoe woont u?"
        options={households}
        required
        defaultValue={values.household}
        error={errors.household}
      />
      <ChoiceGroup
        name="tenure"
        label="Wat voor woning heeft u?"
        options={tenures}
        required
        defaultValue={values.tenure}
        error={errors.tenure}
      />
    </>
  );
}
