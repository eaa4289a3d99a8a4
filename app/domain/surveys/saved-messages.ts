// The confirmation on the survey editor's overview after a save. The redirect carries a code
// (`?opgeslagen=question-save`, and `&nieuweversie=1` when the edit started a new concept version), never
// the text: a link cannot put its own words on a staff page. The version number comes from the survey.

const savedMessages = {
  saved: "Opgeslagen.",
  created: "De enquête is aangemaakt.",
  settings: "De instellingen zijn opgeslagen.",
  close: "De enquête is gesloten. Er kunnen geen antwoorden meer bij komen.",
  duplicate: "Er is een kopie gemaakt.",
  general: "De algemene gegevens zijn opgeslagen.",
  "page-save": "De pagina is opgeslagen.",
  "page-delete": "De pagina is verwijderd.",
  "page-up": "Opgeslagen.",
  "page-down": "Opgeslagen.",
  "question-save": "De vraag is opgeslagen.",
  "question-delete": "De vraag is verwijderd.",
  "question-up": "Opgeslagen.",
  "question-down": "Opgeslagen.",
  "block-save": "Het informatieblok is opgeslagen.",
  "block-delete": "Het informatieblok is verwijderd.",
  import: "De JSON is ingelezen.",
  "lss-import":
    "De enquête is ingelezen uit LimeSurvey en opgeslagen als concept. Controleer de vragen voordat u hem publiceert.",
} as const;

/** What a save on the survey editor reports: `publish` or one of the fixed messages. */
export type SurveySaved = keyof typeof savedMessages | "publish";

export function isSurveySaved(code: string): code is SurveySaved {
  return code === "publish" || Object.hasOwn(savedMessages, code);
}

/** The query string of the redirect after a save. */
export function savedQuery(saved: SurveySaved, newVersion = false): string {
  return `?opgeslagen=${saved}${newVersion ? "&nieuweversie=1" : ""}`;
}

/**
 * The Dutch confirmation for the code in the URL, with the survey's current version where it is named;
 * nothing for a missing or unknown code.
 */
export function surveySavedMessage(code: string | null, newVersion: boolean, version: number): string | null {
  if (!code || !isSurveySaved(code)) return null;
  if (code === "publish") return `Versie ${version} is gepubliceerd.`;
  const note = newVersion
    ? ` Er is een nieuwe conceptversie ${version} gemaakt; de gepubliceerde versie blijft ongewijzigd.`
    : "";
  return `${savedMessages[code]}${note}`;
}
