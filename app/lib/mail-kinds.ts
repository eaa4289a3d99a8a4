// What caused a mail (the outbox's `kind`), in words for /beheer/uitgaande-mail. Staff never see the code.
// A kind that is not listed shows as "Andere e-mail"; add new kinds here when a feature sends a new mail.

const mailKindLabels: Record<string, string> = {
  "contact.confirmation": "Bevestiging van een contactbericht",
  "contact.notification": "Melding van een nieuw contactbericht",
  "initiative.submitted": "Bevestiging van een ingediend idee",
  "initiative.new": "Melding van een nieuw idee aan het team",
  "initiative.assigned": "Melding: u bent accounthouder",
  "initiative.status": "Nieuwe status van een idee",
  "initiative.message": "Bericht aan de initiatiefnemer",
  "initiative.reply": "Bericht van de initiatiefnemer aan de gemeente",
  "initiative.withdrawn": "Idee ingetrokken door de initiatiefnemer",
  "initiative.link": "Nieuwe link naar de volgpagina van een idee",
  "initiative.contact": "Bericht van een bewoner over een initiatief op de kaart",
  "panel.confirm": "Bevestiging van aanmelding voor het digipanel",
  "panel.already": "Melding: al lid van het digipanel",
  "panel.login": "Inloglink voor het digipanel",
  "survey.resume-link": "Link om een enquête later af te maken",
  "staff.invite": "Uitnodiging voor een medewerker",
  "staff.login-alert": "Waarschuwing: mislukte inlogpogingen",
  "staff.two-factor-enabled": "Melding: tweestapsverificatie aangezet",
  "event.confirmed": "Bevestiging van aanmelding voor een bijeenkomst",
  "event.waiting": "Melding: op de wachtlijst voor een bijeenkomst",
  "event.moved_up": "Melding: van de wachtlijst naar een plek",
  "event.registration_cancelled": "Bevestiging van afmelding voor een bijeenkomst",
  "event.reminder": "Herinnering aan een bijeenkomst",
  "event.cancelled": "Bijeenkomst gaat niet door",
  "follower.confirm": "Bevestiging: op de hoogte blijven",
  "follower.digest": "Overzicht van nieuws en bijeenkomsten",
  "follower.mailing": "Bericht aan volgers",
  "follower.mailing_test": "Proefbericht aan volgers",
  "monitor.sent_back": "Prestatieafspraak teruggestuurd aan de partner",
  "monitor.round_invitation": "Nieuwe ronde van de prestatieafspraken",
  "monitor.round_reminder": "Herinnering: prestatieafspraken bijwerken",
  "consultation.confirm": "Bevestiging van een reactie op een inspraakdocument",
  "consultation.nota": "Melding: de reactienota is gepubliceerd",
};

export function mailKindLabel(kind: string): string {
  return mailKindLabels[kind] ?? "Andere e-mail";
}
