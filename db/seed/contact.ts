import type { Executor } from "../../app/lib/db.server";
import { contactMessages } from "../schema";

// Demo data: invented messages, marked as demo in the staff area.
export async function seedContact(db: Executor) {
  await db.insert(contactMessages).values([
    {
      name: "Marieke de Vries (demo)",
      email: "marieke@demo.wijmakenheemstede.nl",
      subject: "Bankje bij de speeltuin",
      message:
        "Goedemorgen,\n\nBij de speeltuin in onze straat staat geen bankje. Kan daar een bankje komen? Ik wil graag helpen met het zoeken naar een goede plek.\n\nGroet, Marieke",
      isDemo: true,
    },
    {
      name: "Ahmed Bakkali (demo)",
      email: "ahmed@demo.wijmakenheemstede.nl",
      phone: "06 12345678",
      subject: "Vraag over de Woonvisie",
      message: "Wanneer kan ik meedoen aan de vragenlijst over wonen in Heemstede?",
      handled: true,
      isDemo: true,
    },
  ]);
}
