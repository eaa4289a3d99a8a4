// Partner accounts: a beheerder links a user with role "partner" to the one organisation (corporatie or
// huurdersorganisatie) they speak for, on /beheer/gebruikers. Without a link a partner can log in but not
// update or react; the monitor's start page says so (docs/monitor.md, "Partner accounts").
import { eq } from "drizzle-orm";
import { z } from "zod";
import { monitorOrganisations, monitorPartners, staffUsers } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { parseForm } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import type { StaffUsersOutcome } from "../auth/staff-users-form.server";
import { auditEntry } from "./viewer.server";
import { organisationKindLabels } from "./vocabulary";

/** The organisations a partner can speak for (not the gemeente) and the current link of every partner. */
export async function partnerLinks(db: Executor) {
  const [organisations, links] = await Promise.all([
    db.select().from(monitorOrganisations),
    db.select().from(monitorPartners),
  ]);
  return {
    organisations: organisations
      .filter((o) => o.kind !== "municipality")
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "nl"))
      .map((o) => ({ value: o.id, label: `${o.name} (${organisationKindLabels[o.kind].toLowerCase()})` })),
    links: Object.fromEntries(links.map((l) => [l.userId, l.organisationId])) as Record<string, string>,
  };
}

const linkSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  organisatie: z.string().trim().max(100),
});

/**
 * Link a partner account to an organisation, or unlink it (empty choice). Only for accounts with role
 * partner, only to a corporatie or huurdersorganisatie; one transaction with its audit line.
 */
export async function linkPartnerOrganisation(
  actor: Actor,
  form: FormData,
  db: Executor,
): Promise<StaffUsersOutcome> {
  const intent = "link_organisation";
  const parsed = parseForm(linkSchema, form);
  const userId = String(form.get("userId") ?? "").slice(0, 100);
  const fail = (message: string, status = 400): StaffUsersOutcome => ({
    intent,
    userId,
    ok: false,
    status,
    message,
    errors: { organisatie: message },
    values: parsed.values,
  });
  const done = (message: string): StaffUsersOutcome => ({
    intent,
    userId,
    ok: true,
    status: 200,
    message,
    errors: {},
    values: {},
  });
  if (!parsed.ok) return fail("Dit verzoek klopt niet. Probeer het opnieuw.");
  const { organisatie } = parsed.data;
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId)).for("update");
    if (!user) return fail("Deze gebruiker bestaat niet.", 404);
    if (!user.roles.includes("partner"))
      return fail(
        "Alleen een account met de rol Partner prestatieafspraken kan aan een organisatie worden gekoppeld. Geef eerst die rol.",
      );
    const [current] = await tx.select().from(monitorPartners).where(eq(monitorPartners.userId, userId));
    if (!organisatie) {
      if (!current) return fail("Kies de organisatie waarvoor deze partner werkt.");
      await tx.delete(monitorPartners).where(eq(monitorPartners.userId, userId));
      await audit(
        actor,
        auditEntry("monitor_partner.unlinked", "staff_user", userId, {
          email: user.email,
          organisatie: current.organisationId,
        }),
        tx,
      );
      return done(`${user.name} is losgekoppeld van de organisatie. Deze partner kan nu niets bijwerken.`);
    }
    const [organisation] = await tx
      .select()
      .from(monitorOrganisations)
      .where(eq(monitorOrganisations.id, organisatie));
    if (!organisation || organisation.kind === "municipality")
      return fail("Kies een woningcorporatie of huurdersorganisatie uit de lijst.");
    if (current?.organisationId === organisation.id)
      return done(`${user.name} werkt al namens ${organisation.name}.`);
    await tx
      .insert(monitorPartners)
      .values({ userId, organisationId: organisation.id })
      .onConflictDoUpdate({ target: monitorPartners.userId, set: { organisationId: organisation.id } });
    await audit(
      actor,
      auditEntry("monitor_partner.linked", "staff_user", userId, {
        email: user.email,
        organisatie: organisation.id,
        ...(current ? { vorigeOrganisatie: current.organisationId } : {}),
      }),
      tx,
    );
    return done(`${user.name} werkt nu namens ${organisation.name}.`);
  });
}
