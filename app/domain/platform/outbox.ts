/** How the status of an outgoing mail reads in the staff area. */
export const outboxStatusLabels: Record<string, string> = {
  queued: "Wacht op verzending",
  sent: "Verstuurd",
  failed: "Mislukt",
  stored: "Bewaard (geen mailserver ingesteld)",
};
