import { type FormValues, str } from "~/lib/forms";
import { type FieldErrors, TextField } from "./form";

/**
 * The resident's name and e-mail address, where a form asks who is writing or coming (the contact form,
 * the registration for a bijeenkomst). Only the e-mail's description differs: what the address is for.
 */
export function NameAndEmailFields({
  values,
  errors,
  emailDescription,
}: {
  values: FormValues | undefined;
  errors: FieldErrors;
  emailDescription: string;
}) {
  return (
    <>
      <TextField
        name="name"
        label="Naam"
        autoComplete="name"
        required
        maxLength={200}
        defaultValue={str(values, "name")}
        error={errors.name}
      />
      <TextField
        name="email"
        type="email"
        label="E-mailadres"
        description={emailDescription}
        autoComplete="email"
        required
        defaultValue={str(values, "email")}
        error={errors.email}
      />
    </>
  );
}
