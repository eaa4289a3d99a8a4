import { z } from "zod";

// Dutch fallback messages for zod, for the rare field whose schema has no message of its own.
const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null")
        return { message: "Dit veld is verplicht." };
      return { message: "Deze waarde klopt niet." };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string")
        return {
          message:
            issue.minimum === 1 ? "Dit veld is verplicht." : `Gebruik minstens ${issue.minimum} tekens.`,
        };
      if (issue.type === "array") return { message: `Kies er minstens ${issue.minimum}.` };
      return { message: `Vul een getal in van minstens ${issue.minimum}.` };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: `Gebruik hoogstens ${issue.maximum} tekens.` };
      if (issue.type === "array") return { message: `Kies er hoogstens ${issue.maximum}.` };
      return { message: `Vul een getal in van hoogstens ${issue.maximum}.` };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email")
        return { message: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." };
      return { message: "Deze waarde klopt niet." };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: "Kies een van de mogelijkheden." };
    default:
      return {
        message: ctx.defaultError === "Required" ? "Dit veld is verplicht." : "Deze waarde klopt niet.",
      };
  }
};
z.setErrorMap(dutchErrorMap);

export type FieldErrors = Partial<Record<string, string>>;
export type FormValues = Record<string, string | string[]>;

/** FormData to a plain object; repeated names (checkbox groups) become arrays. */
export function formToObject(form: FormData, multi: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = multi.includes(key) || all.length > 1 ? all : (all[0] ?? "");
  }
  for (const key of multi) out[key] ??= [];
  return out;
}

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Parse a submitted form with a zod schema: the first message per field, and the raw values to re-show. */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  form: FormData,
  options: { multi?: readonly string[] } = {},
): FormResult<z.infer<S>> {
  const values = formToObject(form, options.multi);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: firstErrors(result.error), values: withoutSecrets(values) };
}

export function firstErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Never echo passwords back into a page. */
function withoutSecrets(values: FormValues): FormValues {
  const copy = { ...values };
  for (const key of Object.keys(copy)) if (/password|wachtwoord/i.test(key)) delete copy[key];
  return copy;
}

/** A string value from FormValues (first of an array). */
export function str(values: FormValues | undefined, key: string): string | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Optional trimmed text: empty becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik hoogstens ${max} tekens.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number, message: string) =>
  z.string({ required_error: message }).trim().min(1, message).max(max, `Gebruik hoogstens ${max} tekens.`);

export const emailField = (message = "Vul uw e-mailadres in.") =>
  z
    .string({ required_error: message })
    .trim()
    .min(1, message)
    .max(254, "Dit e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
    .transform((v) => v.toLowerCase());

/** An optional decimal number between `min` and `max` ("52,35" or "52.35"); empty becomes null. */
export const optionalCoordinate = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v.replace(",", "."));
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return n;
    });

/** Paging parameters from a URL, bounded. */
export function pageParam(url: URL, name = "pagina"): number {
  const n = Number.parseInt(url.searchParams.get(name) ?? "1", 10);
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The number of pages for `total` rows, `pageSize` a page; an empty list is one (empty) page. */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * For a page with several forms that each post an `intent`: the errors and re-shown values of the
 * form that was submitted, and nothing for the others.
 */
export function intentFeedback<I extends string>(
  actionData: { intent: I; errors: FieldErrors; values: FormValues } | undefined,
) {
  return {
    errorsFor: (intent: I): FieldErrors => (actionData?.intent === intent ? actionData.errors : {}),
    valueFor: (intent: I, key: string, fallback?: string | null) =>
      actionData?.intent === intent ? str(actionData.values, key) : (fallback ?? undefined),
  };
}
