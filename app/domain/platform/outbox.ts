/** How the status of an outgoing mail reads in the staff area. */
export const outboxStatusLabels: Record<string, string> = {
  queued: "Wacht op verzending",
  sent: "Verstuurd",
  failed: "Mislukt",
  stored: "Bewaard (geen mailserver ingesteld)",
};

// What staff may see of a mail (issue 12, docs/privacy.md): no live secret and no panel member's
// address. Personal links (anything carrying a token or a code) and survey codes are masked before
// a mail leaves the domain, so no route ever holds them.

export const MASKED_LINK = "[persoonlijke link]";
export const MASKED_CODE = "[persoonlijke code]";
export const MASKED_PANEL_RECIPIENT = "[lid van het digipanel]";

/** Query parameters that make a link personal. */
const SECRET_PARAMS = new Set(["code", "verder", "token", "t", "key"]);
/** A path segment or value that looks like a token: 16+ URL-safe characters with a digit or mixed case. */
const SECRET_SEGMENT = /^[A-Za-z0-9_-]{16,}$/;

/** Record ids in staff links (they need a login) are not secrets. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksSecret(value: string): boolean {
  return (
    SECRET_SEGMENT.test(value) &&
    !UUID.test(value) &&
    (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)))
  );
}

/** True when a link carries a token or a code: a personal link that works for whoever has it. */
export function isPersonalLink(link: string): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return true;
  }
  for (const [k, v] of url.searchParams)
    if (SECRET_PARAMS.has(k.toLowerCase()) || looksSecret(v)) return true;
  return url.pathname.split("/").some((segment) => looksSecret(decodeURIComponent(segment)));
}

/** A survey code as mailed (formatCode: XXXX-XXXX-XXXX from the code alphabet), standalone. */
const SURVEY_CODE = /\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b/g;

/** The text with every personal link and survey code replaced by a placeholder. */
export function maskSecrets(text: string): string {
  return text
    .replace(/<?(https?:\/\/[^\s<>"]+)>?/g, (whole, link: string) => {
      const trimmed = link.replace(/[.,;:!?)]+$/, "");
      if (!isPersonalLink(trimmed)) return whole;
      return whole.replace(trimmed, MASKED_LINK);
    })
    .replace(SURVEY_CODE, MASKED_CODE);
}

/** Panel mail goes to panel members, whose addresses staff never see. */
export function isPanelMail(kind: string): boolean {
  return kind.startsWith("panel.");
}

/** The recipient as staff may see it. */
export function visibleRecipient(kind: string, to: string): string {
  return isPanelMail(kind) ? MASKED_PANEL_RECIPIENT : to;
}

/** Days a mail's text is kept after it was sent (or finally failed); then only the envelope is left. */
export const OUTBOX_BODY_DAYS = 7;
/** Days the envelope (recipient, subject, kind, status) of a mail is kept. */
export const OUTBOX_DAYS = 90;
