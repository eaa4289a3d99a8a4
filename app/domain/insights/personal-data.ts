// Likely personal data in an open answer. Staff must remove it before an answer is used as a quote
// (docs/policy.md: residents' personal data is separate from their answers).

export type PersonalDataKind = "email" | "phone" | "address" | "postcode";

export interface PersonalDataHit {
  kind: PersonalDataKind;
  text: string;
  start: number;
  end: number;
}

export const personalDataLabels: Record<PersonalDataKind, string> = {
  email: "e-mailadres",
  phone: "telefoonnummer",
  address: "straat met huisnummer",
  postcode: "postcode",
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Dutch numbers: 06-12345678, 023 - 548 56 00, +31 6 1234 5678, 0031235485600.
const SEP = String.raw`(?:\s?-\s?|\s)?`;
const PHONE = new RegExp(
  String.raw`(?<!\d)(?:\+31|0031|0)${SEP}(?:\(0\)${SEP})?[1-9](?:${SEP}\d){8}(?!\d)`,
  "g",
);
// A street name (ending in a usual Dutch street word) followed by a house number, optionally with addition.
const STREET_WORDS =
  "straat|laan|weg|plein|kade|dreef|singel|gracht|park|hof|pad|dijk|steeg|plantsoen|erf|ring|baan|hout|vaart|wei|wal|markt|zijde|pleintje|hoek";
const streetWord = STREET_WORDS.split("|")
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join("|");
// Capitalised words before the street word belong to the name: "Van Merlenlaan", "Heemsteedse Dreef".
const ADDRESS = new RegExp(
  String.raw`(?<!\p{L})(?:\p{Lu}[\p{L}'-]*\s)*[\p{L}'-]*?(?:${streetWord})\s+\d{1,4}(?:\s?[a-zA-Z](?!\p{L}))?(?:[-\s]?(?:hs|bis|rd|zw)\b)?`,
  "gu",
);
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g;

/** Find likely personal data. Errs on the side of flagging: a person checks every hit. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const collect = (kind: PersonalDataKind, pattern: RegExp) => {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ kind, text: m[0], start, end });
    }
  };
  collect("email", EMAIL);
  collect("phone", PHONE);
  collect("address", ADDRESS);
  collect("postcode", POSTCODE);
  return hits.sort((a, b) => a.start - b.start);
}

/** Replace each hit with a placeholder, e.g. "[e-mailadres verwijderd]". */
export function redactPersonalData(text: string): string {
  let out = "";
  let last = 0;
  for (const hit of findPersonalData(text)) {
    out += `${text.slice(last, hit.start)}[${personalDataLabels[hit.kind]} verwijderd]`;
    last = hit.end;
  }
  return out + text.slice(last);
}

/** True when the text holds likely personal data (the one check for every side column, see docs/privacy.md). */
export function hasPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/**
 * Terms that may name a code: no term with likely personal data or with digits (a phone number or a
 * house number split into words is still personal).
 */
export function safeTerms(terms: string[]): string[] {
  return terms.filter((t) => !/\d/.test(t) && !hasPersonalData(t));
}

/** A value as it may leave the system in a side column (export cell, code label, report text). */
export function cleanSideText<T>(value: T): T {
  return (typeof value === "string" ? redactPersonalData(value) : value) as T;
}

export const LABEL_HAS_PERSONAL_DATA =
  "Een codenaam mag geen persoonsgegevens bevatten, zoals een telefoonnummer, e-mailadres of adres.";
