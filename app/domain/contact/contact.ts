import { z } from "zod";
import { emailField, optionalText, requiredText } from "../../lib/forms";

/** The contact form. Field names are English; labels and messages are Dutch (app/routes/contact.tsx). */
export const contactSchema = z.object({
  name: requiredText(200, "Vul uw naam in."),
  email: emailField(),
  phone: optionalText(30).refine(
    (v) => v === undefined || /^[0-9+\-() ]{6,30}$/.test(v),
    "Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 023 548 56 00.",
  ),
  subject: requiredText(200, "Vul een onderwerp in."),
  message: requiredText(5000, "Schrijf uw bericht."),
});

export type ContactInput = z.infer<typeof contactSchema>;

/** Per IP address: enough for a person, too little for a spam run. Counted in PostgreSQL. */
export const CONTACT_RATE_LIMIT = { windowSeconds: 60 * 60, max: 5 } as const;

export const CONTACT_RATE_LIMITED_MESSAGE =
  "U heeft in korte tijd veel berichten gestuurd. Probeer het over een uur opnieuw, of bel 14 023.";

/** True when the hidden field that people never see was filled in: a bot. */
export function isBot(form: FormData): boolean {
  const value = form.get("website");
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The confirmation to the resident. It repeats nothing the sender typed except the name, so the
 * form cannot be used to send someone else a message of the sender's choosing.
 */
/**
 * The confirmation goes to an address nobody has confirmed: it repeats nothing the sender typed
 * (not even the name), so the form cannot be used to send others a text from the municipality.
 */
export function confirmationParagraphs(): string[] {
  return [
    "Beste heer, mevrouw,",
    "Bedankt voor uw bericht aan de gemeente Heemstede. Wij hebben het goed ontvangen.",
    "Een medewerker leest uw bericht en neemt contact met u op als dat nodig is. Heeft u haast? Bel dan 14 023.",
    "Heeft u dit bericht niet zelf gestuurd? Dan kunt u deze e-mail negeren.",
  ];
}

/** The notification to the municipality's inbox, with everything the resident filled in. */
export function notificationParagraphs(input: ContactInput, link: string): string[] {
  return [
    "Er is een nieuw bericht gestuurd via het contactformulier van Wij maken Heemstede.",
    `Naam: ${input.name}\nE-mailadres: ${input.email}\nTelefoon: ${input.phone ?? "niet ingevuld"}\nOnderwerp: ${input.subject}`,
    input.message,
    `Alle berichten staan in het beheer: ${link}`,
  ];
}
