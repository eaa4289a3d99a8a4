import { composeMail, type MailMessage } from "../../lib/mail.server";

// Every panel mail in one place, in B1 Dutch with "u", for review. Links are shown in full;
// no images, no tracking pixels, no link redirects.

export function confirmMail(to: string, link: string): MailMessage {
  return {
    to,
    kind: "panel.confirm",
    subject: "Bevestig uw aanmelding voor het digipanel",
    ...composeMail([
      "Beste inwoner van Heemstede,",
      "U heeft zich aangemeld voor het digipanel van de gemeente Heemstede. Dank u wel!",
      `Bevestig uw aanmelding met deze link. De link werkt 7 dagen: ${link}`,
      "Heeft u zich niet aangemeld? Dan hoeft u niets te doen. Zonder bevestiging doet u niet mee.",
    ]),
  };
}

/** Sent when someone signs up again with an address that is already in the panel. */
export function alreadyMemberMail(to: string, link: string): MailMessage {
  return {
    to,
    kind: "panel.already",
    subject: "U doet al mee aan het digipanel",
    ...composeMail([
      "Beste inwoner van Heemstede,",
      "Iemand heeft dit e-mailadres opnieuw aangemeld voor het digipanel. U doet al mee, dus er verandert niets.",
      `Wilt u uw gegevens bekijken of veranderen? Ga dan naar: ${link}`,
    ]),
  };
}

export function loginMail(to: string, link: string): MailMessage {
  return {
    to,
    kind: "panel.login",
    subject: "Uw link naar Mijn digipanel",
    ...composeMail([
      "Beste inwoner van Heemstede,",
      `Met deze link komt u op uw eigen pagina van het digipanel. De link werkt 1 uur: ${link}`,
      "Op die pagina kunt u uw gegevens veranderen, zien aan welke enquêtes u heeft meegedaan en stoppen met het digipanel.",
      "Heeft u niet om deze link gevraagd? Dan hoeft u niets te doen.",
    ]),
  };
}

export interface InvitationMailInput {
  to: string;
  subject: string;
  message: string;
  surveyLink: string;
  unsubscribeLink: string;
  reminder: number;
  messageId: string;
}

/** An invitation or a reminder: personal survey link, unsubscribe link and List-Unsubscribe headers. */
export function invitationMail(input: InvitationMailInput): MailMessage & { messageId: string } {
  const subject = input.reminder > 0 ? `Herinnering: ${input.subject}` : input.subject;
  const paragraphs = [
    "Beste deelnemer aan het digipanel,",
    ...(input.reminder > 0
      ? ["Een tijdje geleden vroegen wij uw mening. Heeft u nog geen tijd gehad? Dan kan het nog steeds."]
      : []),
    ...input.message
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    `Doe mee via uw persoonlijke link: ${input.surveyLink}`,
    "Deze link is alleen voor u. Uw antwoorden bewaren wij los van uw e-mailadres.",
    `Wilt u geen uitnodigingen meer krijgen? Meld u dan af: ${input.unsubscribeLink}`,
  ];
  return {
    to: input.to,
    kind: input.reminder > 0 ? "panel.reminder" : "panel.invitation",
    subject,
    messageId: input.messageId,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeLink}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    ...composeMail(paragraphs),
  };
}

/** A stable Message-ID per invitation and mail, so a rare resend after a crash is recognisable. */
export function invitationMessageId(invitationId: number, reminder: number, domain: string): string {
  return `<panel-${invitationId}-${reminder}@${domain}>`;
}
