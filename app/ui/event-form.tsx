import { str } from "~/lib/forms";
import { type FieldErrors, type FormValues, SelectField, TextArea, TextField } from "./form";

// The fields of a bijeenkomst (staff, new and edit). Times are Amsterdam wall-clock times.

export function EventFields({
  errors,
  values,
  projects,
}: {
  errors: FieldErrors;
  values?: FormValues;
  projects: { id: number; title: string }[];
}) {
  const v = (k: string) => str(values as Record<string, string>, k);
  return (
    <>
      <TextField
        name="title"
        label="Titel"
        required
        maxLength={200}
        defaultValue={v("title")}
        error={errors.title}
      />
      <TextArea
        name="description"
        label="Beschrijving"
        description="Wat gebeurt er, voor wie is het? Laat een witregel tussen alinea's."
        required
        rows={6}
        maxLength={5000}
        defaultValue={v("description")}
        error={errors.description}
      />
      <TextField
        name="startsAt"
        type="datetime-local"
        label="Begint op"
        description="Nederlandse tijd."
        required
        defaultValue={v("startsAt")}
        error={errors.startsAt}
      />
      <TextField
        name="endsAt"
        type="datetime-local"
        label="Eindigt op"
        required
        defaultValue={v("endsAt")}
        error={errors.endsAt}
      />
      <TextField
        name="address"
        label="Adres van de plek"
        description="Bijvoorbeeld: Raadhuis, Raadhuisplein 1, Heemstede. Dit adres staat altijd als tekst op de pagina."
        required
        maxLength={300}
        defaultValue={v("address")}
        error={errors.address}
      />
      <TextField
        name="lat"
        inputMode="decimal"
        label="Punt op de kaart: breedtegraad"
        description="Bijvoorbeeld 52,3575. Laat leeg als u geen punt wilt tonen."
        defaultValue={v("lat")}
        error={errors.lat}
      />
      <TextField
        name="lng"
        inputMode="decimal"
        label="Punt op de kaart: lengtegraad"
        description="Bijvoorbeeld 4,6201."
        defaultValue={v("lng")}
        error={errors.lng}
      />
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        label="Aantal plaatsen"
        required
        defaultValue={v("capacity")}
        error={errors.capacity}
      />
      <TextField
        name="registrationDeadline"
        type="datetime-local"
        label="Aanmelden kan tot"
        required
        defaultValue={v("registrationDeadline")}
        error={errors.registrationDeadline}
      />
      <SelectField
        name="projectId"
        label="Project"
        placeholder="Geen project"
        options={projects.map((p) => ({ value: String(p.id), label: p.title }))}
        defaultValue={v("projectId")}
        error={errors.projectId}
      />
    </>
  );
}
