import { composeMail, type MailMessage } from "../../lib/mail.server";

// Mails of "Blijf op de hoogte", B1 Dutch with "u"; links in full, no tracking.

export function followConfirmMail(to: string, what: string, link: string): MailMessage {
  return {
    to,
    kind: "follower.confirm",
    subject: "Bevestig dat u op de hoogte wilt blijven",
    ...composeMail([
      "Beste lezer,",
      `U wilt op de hoogte blijven van ${what}. Bevestig dat met deze link. De link werkt 7 dagen: ${link}`,
      "U krijgt dan hoogstens één e-mail per dag, alleen als er iets nieuws is. Afmelden kan altijd met één klik.",
      "Heeft u dit niet gevraagd? Dan hoeft u niets te doen. Zonder bevestiging sturen wij u niets.",
    ]),
  };
}

/** The footer every follower mail ends with, and the RFC 8058 headers. */
export function withUnsubscribe(
  mail: { to: string; subject: string; paragraphs: string[]; kind: string; messageId: string },
  unsubscribeLink: string,
): MailMessage & { messageId: string } {
  return {
    to: mail.to,
    kind: mail.kind,
    subject: mail.subject,
    messageId: mail.messageId,
    headers: {
      "List-Unsubscribe": `<${unsubscribeLink}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    ...composeMail([
      ...mail.paragraphs,
      `U krijgt deze e-mail omdat u op de hoogte wilt blijven. Wilt u dat niet meer? Meld u af: ${unsubscribeLink}`,
    ]),
  };
}
