import { z } from "zod";
import { amsterdamToInstant } from "../../lib/amsterdam-time";
import { emailField, optionalCoordinate, optionalText, requiredText } from "../../lib/forms";

// Rules for bijeenkomsten (issue 14, point 3), without I/O. docs/informed-events.md.

/**
 * Retention (docs/privacy.md), counted from the moment a bijeenkomst is over (its end, or the moment
 * it was cancelled): the accessibility need after REGISTRATION_ACCESSIBILITY_DAYS, name and e-mail after
 * REGISTRATION_DAYS; a registration the person cancelled loses them REGISTRATION_CANCELLED_DAYS after
 * the cancellation. The row stays as a count (people, status).
 */
export const REGISTRATION_ACCESSIBILITY_DAYS = 7;
export const REGISTRATION_DAYS = 90;
export const REGISTRATION_CANCELLED_DAYS = 30;

/**
 * A registration cleared by its retention period keeps its status (the counts) and gets email "" (the
 * unique index on live registrations leaves "" out): nothing is ever mailed to it, no AVG look-up finds it.
 */
export const hasAddress = (email: string) => email.includes("@");

const localDateTime = (message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .min(1, message)
    .transform((v, ctx) => {
      const at = amsterdamToInstant(v);
      if (!at) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Vul een bestaande datum en tijd in." });
        return z.NEVER;
      }
      return at;
    });

/** A point of a bijeenkomst: in or near Heemstede. */
const eventCoordinate = (min: number, max: number) =>
  optionalCoordinate(min, max, "Kies een punt in of bij Heemstede.");

const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string({ required_error: message })
    .trim()
    .min(1, message)
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Vul een getal in van ${min} tot en met ${max}.`);

/** The staff form of a bijeenkomst. `now` rejects dates in the past. */
export function eventFormSchema(now: Date) {
  return z
    .object({
      title: requiredText(200, "Vul een titel in."),
      description: requiredText(5000, "Vul een korte beschrijving in."),
      startsAt: localDateTime("Vul in wanneer de bijeenkomst begint."),
      endsAt: localDateTime("Vul in wanneer de bijeenkomst eindigt."),
      address: requiredText(300, "Vul het adres van de plek in."),
      lat: eventCoordinate(52.3, 52.4),
      lng: eventCoordinate(4.55, 4.7),
      capacity: wholeNumber("Vul het aantal plaatsen in.", 1, 10_000),
      registrationDeadline: localDateTime("Vul in tot wanneer mensen zich kunnen aanmelden."),
      projectId: z
        .string()
        .trim()
        .optional()
        .transform((v, ctx) => {
          if (!v) return null;
          if (!/^\d{1,9}$/.test(v)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Kies een bestaand project." });
            return z.NEVER;
          }
          return Number(v);
        }),
    })
    .superRefine((v, ctx) => {
      if (v.startsAt <= now)
        ctx.addIssue({ code: "custom", path: ["startsAt"], message: "Deze datum ligt in het verleden." });
      if (v.endsAt <= v.startsAt)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Het einde ligt voor het begin." });
      if (v.registrationDeadline > v.startsAt)
        ctx.addIssue({
          code: "custom",
          path: ["registrationDeadline"],
          message: "Aanmelden moet sluiten voordat de bijeenkomst begint.",
        });
      if ((v.lat === null) !== (v.lng === null))
        ctx.addIssue({
          code: "custom",
          path: ["lat"],
          message: "Vul zowel de breedte als de lengte in, of geen van beide.",
        });
    });
}
export type EventInput = z.infer<ReturnType<typeof eventFormSchema>>;

export const MAX_PEOPLE = 10;

export const registrationSchema = z.object({
  name: requiredText(200, "Vul uw naam in."),
  email: emailField(),
  people: wholeNumber("Vul in met hoeveel personen u komt.", 1, MAX_PEOPLE),
  accessibility: optionalText(1000),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const capacitySchema = z.object({
  capacity: wholeNumber("Vul het aantal plaatsen in.", 1, 10_000),
});

/** Why registration is not possible now, or null when it is. */
export function registrationClosedReason(
  event: { status: string; registrationOpen: boolean; registrationDeadline: Date; startsAt: Date },
  now: Date,
): "cancelled" | "closed" | "deadline" | "past" | null {
  if (event.status === "cancelled") return "cancelled";
  if (event.startsAt <= now) return "past";
  if (event.registrationDeadline <= now) return "deadline";
  if (!event.registrationOpen) return "closed";
  return null;
}

export const closedReasonText = {
  cancelled: "Deze bijeenkomst gaat niet door.",
  past: "Deze bijeenkomst is al geweest.",
  deadline: "Aanmelden kan niet meer: de aanmeldtermijn is voorbij.",
  closed: "Aanmelden is gesloten.",
} as const;

/** Where a new registration of `people` goes, given the places already taken. */
export function placeFor(capacity: number, confirmedPeople: number, people: number): "confirmed" | "waiting" {
  return confirmedPeople + people <= capacity ? "confirmed" : "waiting";
}

/**
 * Who moves up from the waiting list when places come free: in order of registration, everyone whose
 * group fits in the free places. A group that does not fit is passed over for now (it keeps its place
 * at the front), so one large group never keeps a free place empty for a single person behind it.
 */
export function waitingListMoves<W extends { id: number; people: number }>(
  capacity: number,
  confirmedPeople: number,
  waitingInOrder: readonly W[],
): W[] {
  let free = capacity - confirmedPeople;
  const moves: W[] = [];
  for (const w of waitingInOrder) {
    if (free <= 0) break;
    if (w.people <= free) {
      moves.push(w);
      free -= w.people;
    }
  }
  return moves;
}

/** True when a new capacity would leave confirmed people without a place. */
export function capacityTooLow(newCapacity: number, confirmedPeople: number): boolean {
  return newCapacity < confirmedPeople;
}
