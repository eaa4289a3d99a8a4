import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { listAudit } from "../../app/domain/audit/audit.server";
import {
  findForInitiator,
  messageFromInitiator,
  resendLinks,
  withdrawByInitiator,
} from "../../app/domain/initiatives/initiator.server";
import { recordAdoption, saveDocument } from "../../app/domain/initiatives/proceskader.server";
import type { QuickscanAnswers } from "../../app/domain/initiatives/quickscan-form";
import { InitiativeError } from "../../app/domain/initiatives/shared.server";
import { statusLabel } from "../../app/domain/initiatives/statuses";
import { submitIdea } from "../../app/domain/initiatives/submission.server";
import {
  addNote,
  assignAccountManager,
  changeStatus,
  getInitiative,
  listInitiatives,
  messageToInitiator,
  publish,
  setDecider,
} from "../../app/domain/initiatives/triage.server";
import { getDb } from "../../app/lib/db.server";
import { initiatives, outbox, routingRules, settings, wijken } from "../../db/schema";
import { createStaff, resetDatabase } from "../support/db";

beforeEach(resetDatabase);

const answers = (over: Partial<QuickscanAnswers> = {}): QuickscanAnswers => ({
  title: "Geveltuinen in de Kerklaan",
  description: "Wij willen samen geveltuintjes aanleggen langs de stoep.",
  theme: "groen",
  locationKind: "wijk",
  wijkCode: "W1",
  address: undefined,
  addressChoice: undefined,
  parties: ["neighbours"],
  partyCount: "few",
  impact: "small",
  interests: "none",
  otherPlans: "no",
  publicSpace: "yes",
  permit: "unknown",
  policy: "fits",
  contribution: ["time", "people"],
  budget: 500,
  timing: "soon",
  name: "Anna de Vries",
  email: "anna@example.nl",
  phone: undefined,
  consentContact: "ja",
  showName: false,
  allowExactLocation: false,
  ...over,
});

async function mailsTo(to: string) {
  return getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id);
}
const tokenIn = (text: string) => text.match(/\/idee\/volgen\/([A-Za-z0-9_-]{43})/)![1]!;

describe("submitting an idea", () => {
  test("routes to the accounthouder of theme and wijk, mails the result, and the link opens the private page", async () => {
    const groen = await createStaff(["ambtenaar"], { name: "Gijs Groen" });
    const other = await createStaff(["ambtenaar"]);
    await getDb()
      .insert(wijken)
      .values({ code: "W1", name: "Wijk 1", postcodes: ["2101"] });
    await getDb()
      .insert(routingRules)
      .values([
        { theme: null, wijkCode: null, team: "Team Participatie" },
        { theme: "groen", wijkCode: null, accountManagerId: other.id },
        { theme: "groen", wijkCode: "W1", accountManagerId: groen.id },
      ]);
    await getDb().insert(settings).values({ key: "initiatives.response_days", value: 3 });

    const res = await submitIdea({ answers: answers() }, getDb(), new Date("2026-11-27T10:00:00Z"));
    expect(res.result.decider).toBe("officials");
    expect(res.contact).toBe("Gijs Groen");
    expect(res.respondBy.toISOString().slice(0, 10)).toBe("2026-12-02");

    const [mail] = await mailsTo("anna@example.nl");
    expect(mail!.kind).toBe("initiative.submitted");
    expect(mail!.text).toContain("Gijs Groen");
    expect(mail!.text).toContain("Medewerkers van de gemeente");
    expect((await mailsTo(groen.email))[0]!.kind).toBe("initiative.new");

    const token = tokenIn(mail!.text);
    expect(token).toBe(res.token);
    const page = await findForInitiator(token);
    expect(page?.idea.title).toBe("Geveltuinen in de Kerklaan");
    expect(page?.contact).toBe("Gijs Groen");
    // The token is stored only as its hash.
    const raw = JSON.stringify(await getDb().execute("select * from initiative_follow_tokens"));
    expect(raw).not.toContain(token);
  });

  test("without any routing rule the idea goes to the fallback team", async () => {
    const res = await submitIdea({ answers: answers({ theme: "verkeer" }) });
    expect(res.contact).toBe("Team Participatie");
    expect((await mailsTo("initiatieven@heemstede.nl"))[0]!.kind).toBe("initiative.new");
  });

  test("unknown and tampered tokens find nothing", async () => {
    const { token } = await submitIdea({ answers: answers() });
    expect(await findForInitiator(`${token.slice(0, 42)}${token.endsWith("x") ? "y" : "x"}`)).toBeNull();
    expect(await findForInitiator("kort")).toBeNull();
    expect(await findForInitiator("' or 1=1 --")).toBeNull();
  });
});

describe("the initiator's private page", () => {
  test("messages go both ways and each is mailed; internal notes are never shown", async () => {
    const am = await createStaff(["ambtenaar"]);
    await getDb().insert(routingRules).values({ theme: null, wijkCode: null, accountManagerId: am.id });
    const { id, token } = await submitIdea({ answers: answers() });
    const actor = { id: am.id, email: am.email };

    await messageFromInitiator(token, "from_initiator", "Wanneer kunnen we praten?");
    expect((await mailsTo(am.email)).at(-1)!.kind).toBe("initiative.reply");
    await messageToInitiator(id, "Dinsdag om 10 uur?", actor);
    const mail = (await mailsTo("anna@example.nl")).at(-1)!;
    expect(mail.kind).toBe("initiative.message");
    expect(mail.text).toContain("Dinsdag om 10 uur?");
    await addNote(id, "Intern: budget nagaan bij financiën", actor);

    // The new link in the mail works, and so does the old one.
    for (const t of [token, tokenIn(mail.text)]) {
      const page = await findForInitiator(t);
      expect(page!.messages.map((m) => m.body)).toEqual(["Wanneer kunnen we praten?", "Dinsdag om 10 uur?"]);
    }
    const staffView = await getInitiative(id);
    expect(staffView!.messages).toHaveLength(3);
  });

  test("the initiator can withdraw; the idea leaves the map and messages stop", async () => {
    const { id, token } = await submitIdea({ answers: answers() });
    expect(await withdrawByInitiator(token, "Geen tijd meer")).toBe(true);
    const [row] = await getDb().select().from(initiatives).where(eq(initiatives.id, id));
    expect(row!.status).toBe("withdrawn");
    const trail = await listAudit({ entityType: "initiative", entityId: id, page: 1, pageSize: 10 });
    expect(trail.rows.map((r) => r.action)).toContain("initiative.withdrawn_by_initiator");
    expect(row!.isPublished).toBe(false);
    await expect(messageFromInitiator(token, "addition", "nog iets")).rejects.toBeInstanceOf(InitiativeError);
  });

  test("a new link can be requested by e-mail; an unknown address gets nothing", async () => {
    const { token } = await submitIdea({ answers: answers() });
    await resendLinks("ANNA@example.nl");
    const mail = (await mailsTo("anna@example.nl")).at(-1)!;
    expect(mail.kind).toBe("initiative.link");
    const newToken = tokenIn(mail.text);
    expect(newToken).not.toBe(token);
    expect((await findForInitiator(newToken))?.idea.title).toBe("Geveltuinen in de Kerklaan");
    await resendLinks("nobody@example.nl");
    expect(await mailsTo("nobody@example.nl")).toHaveLength(0);
  });
});

describe("triage by civil servants", () => {
  test("each status change is audited, shown in the timeline and mailed to the initiator", async () => {
    const am = await createStaff(["ambtenaar"]);
    const actor = { id: am.id, email: am.email };
    const { id, token } = await submitIdea({ answers: answers() });
    for (const status of ["in_review", "planning", "adopted", "in_execution", "realised"] as const) {
      await changeStatus(id, status, undefined, actor);
      const mail = (await mailsTo("anna@example.nl")).at(-1)!;
      expect(mail.kind).toBe("initiative.status");
      expect(mail.subject).toContain(statusLabel(status).toLowerCase());
    }
    const page = await findForInitiator(token);
    expect(page!.events.filter((e) => e.kind === "status").map((e) => e.status)).toEqual([
      "new",
      "in_review",
      "planning",
      "adopted",
      "in_execution",
      "realised",
    ]);
    const trail = await listAudit({ entityType: "initiative", entityId: id, page: 1, pageSize: 50 });
    expect(trail.rows.filter((r) => r.action === "initiative.status_changed")).toHaveLength(5);
  });

  test("rejecting needs a reason, which is mailed; nothing is written without it", async () => {
    const am = await createStaff(["ambtenaar"]);
    const actor = { id: am.id, email: am.email };
    const { id } = await submitIdea({ answers: answers() });
    const before = (await mailsTo("anna@example.nl")).length;
    await expect(changeStatus(id, "rejected", undefined, actor)).rejects.toThrow(/reden/);
    expect((await mailsTo("anna@example.nl")).length).toBe(before);
    await changeStatus(id, "rejected", "Dit past niet in het budget van dit jaar.", actor);
    expect((await mailsTo("anna@example.nl")).at(-1)!.text).toContain(
      "Dit past niet in het budget van dit jaar.",
    );
    await expect(changeStatus(id, "in_review", undefined, actor)).rejects.toThrow(/niet mogelijk/);
  });

  test("assign, override the decider, publish with a rounded location", async () => {
    const am = await createStaff(["ambtenaar"]);
    const other = await createStaff(["ambtenaar"]);
    const actor = { id: am.id, email: am.email };
    const { id } = await submitIdea({ answers: answers() });
    await getDb().update(initiatives).set({ lat: 52.357_123, lng: 4.618_987 }).where(eq(initiatives.id, id));

    await assignAccountManager(id, other.id, actor);
    expect((await mailsTo(other.email)).at(-1)!.kind).toBe("initiative.assigned");
    const researcher = await createStaff(["onderzoeker"]);
    await expect(assignAccountManager(id, researcher.id, actor)).rejects.toThrow(/ambtenaar/);

    await expect(setDecider(id, { decider: "officials", complex: true, reason: "x" }, actor)).rejects.toThrow(
      /complexe opgave/,
    );
    await setDecider(id, { decider: "executive", complex: true, reason: "Grote impact op de wijk" }, actor);

    await publish(
      id,
      { publicTitle: "Geveltuinen", publicSummary: "Groen in de straat", precision: "exact", featured: true },
      actor,
    );
    const [row] = await getDb().select().from(initiatives).where(eq(initiatives.id, id));
    expect(row).toMatchObject({
      decider: "executive",
      complex: true,
      accountManagerId: other.id,
      isPublished: true,
      isFeatured: true,
      publicLat: 52.357,
      publicLng: 4.619,
    });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    const actions = (
      await listAudit({ entityType: "initiative", entityId: id, page: 1, pageSize: 50 })
    ).rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "initiative.account_manager_changed",
        "initiative.decider_confirmed",
        "initiative.published",
      ]),
    );
  });

  test("a complex idea gets versioned plans and a recorded adoption (basisstap 3)", async () => {
    const am = await createStaff(["ambtenaar"]);
    const actor = { id: am.id, email: am.email };
    const { id } = await submitIdea({ answers: answers({ policy: "plan_change", impact: "large" }) });
    await expect(
      recordAdoption(
        id,
        { adoptedBy: "council", adoptedOn: "2026-12-10", adoptionReference: "RB-2026-12" },
        actor,
      ),
    ).rejects.toThrow(/planomschrijving/);
    expect(await saveDocument(id, "plan_description", { wat: "Versie 1" }, actor)).toBe(1);
    expect(await saveDocument(id, "plan_description", { wat: "Versie 2" }, actor)).toBe(2);
    expect(
      await saveDocument(id, "participation_plan", { doelen: ["samen_denken"], deelnemers: [] }, actor),
    ).toBe(1);
    await recordAdoption(
      id,
      { adoptedBy: "council", adoptedOn: "2026-12-10", adoptionReference: "RB-2026-12" },
      actor,
    );
    const detail = await getInitiative(id);
    expect(detail!.idea).toMatchObject({
      processStep: 3,
      adoptedBy: "council",
      adoptionReference: "RB-2026-12",
    });
    expect(detail!.documents.plan!.content).toEqual({ wat: "Versie 2" });
    expect(detail!.documents.versions).toHaveLength(3);
  });

  test("the list searches in Dutch, filters, and counts per status", async () => {
    await submitIdea({ answers: answers({ title: "Speeltuin bij de bibliotheek", theme: "spelen-sport" }) });
    await submitIdea({
      answers: answers({ title: "Bomen planten", description: "Wij planten bomen in het park." }),
    });
    const { id } = await submitIdea({ answers: answers({ title: "Fietsenstalling", theme: "verkeer" }) });
    const am = await createStaff(["ambtenaar"]);
    await changeStatus(id, "in_review", undefined, { id: am.id, email: am.email });

    const base = { sort: "nieuwste" as const, page: 1, pageSize: 20 };
    // Dutch stemming: "plant" finds "planten".
    const found = await listInitiatives({ ...base, q: "plant" });
    expect(found.rows.map((r) => r.title)).toEqual(["Bomen planten"]);
    expect((await listInitiatives({ ...base, theme: "verkeer" })).rows.map((r) => r.title)).toEqual([
      "Fietsenstalling",
    ]);
    const byStatus = await listInitiatives({ ...base, status: "new" });
    expect(byStatus.total).toBe(2);
    expect(byStatus.counts).toEqual({ new: 2, in_review: 1 });
    const sorted = await listInitiatives({ ...base, sort: "titel" });
    expect(sorted.rows.map((r) => r.title)).toEqual([
      "Bomen planten",
      "Fietsenstalling",
      "Speeltuin bij de bibliotheek",
    ]);
  });
});
