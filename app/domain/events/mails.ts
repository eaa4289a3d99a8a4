import { composeMail, type MailMessage } from "../../lib/mail.server";

// Every mail about bijeenkomsten, in B1 Dutch with "u". Links in full; no tracking.

export interface EventMailFacts {
  title: string;
  when: string;
  address: string;
  url: string;
}

function facts(e: EventMailFacts): string {
  return `Wanneer: ${e.when}\nWaar: ${e.address}\nMeer informatie: ${e.url}`;
}

export function confirmedMail(
  to: string,
  name: string,
  e: EventMailFacts,
  people: number,
  cancelLink: string,
  ics: string,
): MailMessage {
  return {
    to,
    kind: "event.confirmed",
    subject: `U bent aangemeld: ${e.title}`,
    attachments: [{ filename: "bijeenkomst.ics", contentType: "text/calendar; charset=utf-8", content: ics }],
    ...composeMail([
      `Beste ${name},`,
      `U bent aangemeld voor de bijeenkomst "${e.title}" met ${people === 1 ? "1 persoon" : `${people} personen`}.`,
      facts(e),
      "In de bijlage zit een agendabestand. Daarmee zet u de bijeenkomst in uw agenda.",
      "De dag ervoor krijgt u een herinnering.",
      `Kunt u toch niet komen? Meld u dan af, dan geven wij uw plaats aan iemand anders: ${cancelLink}`,
    ]),
  };
}

export function waitingMail(to: string, name: string, e: EventMailFacts, cancelLink: string): MailMessage {
  return {
    to,
    kind: "event.waiting",
    subject: `U staat op de wachtlijst: ${e.title}`,
    ...composeMail([
      `Beste ${name},`,
      `De bijeenkomst "${e.title}" is vol. U staat op de wachtlijst.`,
      "Meldt iemand zich af? Dan krijgt u vanzelf een plaats. U krijgt dan een e-mail.",
      facts(e),
      `Wilt u niet meer op de wachtlijst staan? Meld u dan af: ${cancelLink}`,
    ]),
  };
}

export function movedUpMail(
  to: string,
  name: string,
  e: EventMailFacts,
  cancelLink: string,
  ics: string,
): MailMessage {
  return {
    ...confirmedMail(to, name, e, 1, cancelLink, ics),
    kind: "event.moved_up",
    subject: `Er is plaats voor u: ${e.title}`,
    ...composeMail([
      `Beste ${name},`,
      `Goed nieuws: er is een plaats vrijgekomen. U bent nu aangemeld voor de bijeenkomst "${e.title}".`,
      facts(e),
      "In de bijlage zit een agendabestand. Daarmee zet u de bijeenkomst in uw agenda.",
      `Kunt u toch niet komen? Meld u dan af: ${cancelLink}`,
    ]),
  };
}

export function cancelledByYouMail(to: string, name: string, e: EventMailFacts): MailMessage {
  return {
    to,
    kind: "event.registration_cancelled",
    subject: `U bent afgemeld: ${e.title}`,
    ...composeMail([
      `Beste ${name},`,
      `U bent afgemeld voor de bijeenkomst "${e.title}". Jammer dat u niet kunt komen.`,
      `Wilt u zich toch weer aanmelden? Dat kan hier, als er nog plaats is: ${e.url}`,
    ]),
  };
}

export function reminderMail(to: string, name: string, e: EventMailFacts, cancelLink: string): MailMessage {
  return {
    to,
    kind: "event.reminder",
    subject: `Morgen: ${e.title}`,
    ...composeMail([
      `Beste ${name},`,
      `Morgen is de bijeenkomst "${e.title}". Wij zien u graag.`,
      facts(e),
      `Kunt u toch niet komen? Meld u dan af: ${cancelLink}`,
    ]),
  };
}

export function eventCancelledMail(to: string, name: string, e: EventMailFacts, reason: string): MailMessage {
  return {
    to,
    kind: "event.cancelled",
    subject: `Gaat niet door: ${e.title}`,
    ...composeMail([
      `Beste ${name},`,
      `De bijeenkomst "${e.title}" op ${e.when} gaat niet door. Het spijt ons.`,
      ...(reason ? [reason] : []),
      "U hoeft niets te doen. Uw aanmelding is vervallen.",
    ]),
  };
}
