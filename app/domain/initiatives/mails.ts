// Every e-mail of the initiatives context, in one place so the B1 wording can be reviewed together.
import { deciderLabel, type QuickscanResult } from "./quickscan";
import { type Status, statusExplanation, statusLabel } from "./statuses";

const dateFmt = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });

/**
 * The first mail goes to an address nobody has confirmed yet: it repeats none of the free text
 * the sender typed (name, title), only the municipality's own quickscan outcome and the link.
 */
export function submittedMail(p: {
  link: string;
  result: QuickscanResult;
  contact: string;
  respondBy: Date;
}) {
  return {
    subject: "Uw idee is ontvangen",
    // In the order a resident asks: who decides and why, is it complex and why, what happens next
    // and who helps, then what to watch out for. No typed text of the sender: the address is not
    // confirmed yet, so nobody can make the municipality mail their words to someone else.
    paragraphs: [
      "Beste heer, mevrouw,",
      "Bedankt voor uw idee. Hieronder leest u de eerste uitkomst van de quickscan: wie beslist, waarom, en wat er nu gebeurt.",
      `Wie beslist over uw idee?\n${deciderLabel(p.result.decider)}. ${p.result.deciderReasons.join(" ")}`,
      p.result.complex
        ? `Is het een ingewikkeld idee?\nJa, het is een complexe opgave, omdat:\n${p.result.complexReasons.map((r) => `- ${r}`).join("\n")}`
        : `Is het een ingewikkeld idee?\nNee. ${p.result.complexReasons.join(" ")}`,
      `Wat gebeurt er nu?\n${p.result.nextSteps.map((s) => `- ${s}`).join("\n")}`,
      `Uw contactpersoon is ${p.contact}. U hoort uiterlijk ${dateFmt.format(p.respondBy)} van ons.`,
      ...(p.result.attentionPoints.length
        ? [`Let op:\n${p.result.attentionPoints.map((s) => `- ${s}`).join("\n")}`]
        : []),
      `Op uw eigen pagina ziet u hoe het met uw idee gaat. U kunt daar ook berichten sturen: ${p.link}`,
      "Bewaar deze e-mail goed. Iedereen met deze link kan uw pagina zien.",
    ],
  };
}

export function newIdeaForStaffMail(p: { title: string; staffLink: string; complex: boolean }) {
  return {
    subject: `Nieuw idee: ${p.title}`,
    paragraphs: [
      `Er is een nieuw idee binnengekomen dat aan u is toegewezen: "${p.title}".${p.complex ? " Volgens de quickscan is dit een complexe opgave." : ""}`,
      `Bekijk het idee in het beheer: ${p.staffLink}`,
    ],
  };
}

export function messageToInitiatorMail(p: { name: string; title: string; body: string; link: string }) {
  return {
    subject: `Nieuw bericht over uw idee "${p.title}"`,
    paragraphs: [
      `Beste ${p.name},`,
      "U heeft een nieuw bericht van de gemeente over uw idee:",
      p.body,
      `Reageren kan op uw eigen pagina: ${p.link}`,
    ],
  };
}

export function messageToStaffMail(p: { title: string; body: string; staffLink: string; kind: string }) {
  return {
    subject: `${p.kind === "addition" ? "Aanvulling" : "Bericht"} van de initiatiefnemer: ${p.title}`,
    paragraphs: [
      `De initiatiefnemer van "${p.title}" heeft ${p.kind === "addition" ? "informatie toegevoegd" : "een bericht gestuurd"}:`,
      p.body,
      `Bekijk het idee in het beheer: ${p.staffLink}`,
    ],
  };
}

export function statusMail(p: {
  name: string;
  title: string;
  status: Status;
  reason?: string;
  link: string;
}) {
  return {
    subject: `Uw idee "${p.title}": ${statusLabel(p.status).toLowerCase()}`,
    paragraphs: [
      `Beste ${p.name},`,
      `De status van uw idee "${p.title}" is nu: ${statusLabel(p.status)}.`,
      statusExplanation[p.status],
      ...(p.reason ? [`De reden: ${p.reason}`] : []),
      `Meer lezen of reageren kan op uw eigen pagina: ${p.link}`,
    ],
  };
}

export function withdrawnForStaffMail(p: { title: string; reason?: string; staffLink: string }) {
  return {
    subject: `Idee ingetrokken: ${p.title}`,
    paragraphs: [
      `De initiatiefnemer heeft het idee "${p.title}" ingetrokken.`,
      ...(p.reason ? [`De reden: ${p.reason}`] : []),
      `Bekijk het idee in het beheer: ${p.staffLink}`,
    ],
  };
}

export function linksMail(p: { ideas: { title: string; link: string }[] }) {
  return {
    subject: "Uw link naar uw idee",
    paragraphs: [
      "U vroeg om de link naar de pagina van uw idee. Hier is de link.",
      // Numbered, not by title: the address may not be the sender's, so no typed text is repeated.
      ...p.ideas.map((i, n) => `Idee ${n + 1}: ${i.link}`),
      "Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren.",
    ],
  };
}
