import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { documentPage } from "../../app/domain/consultation/document-page.server";
import { handleDocumentPost } from "../../app/domain/consultation/documents.server";
import { consultationQueue, loadNota, publishNota } from "../../app/domain/consultation/nota.server";
import { handleReactionsPost } from "../../app/domain/consultation/points.server";
import {
  projectConsultation,
  publicChanges,
  publicDocument,
} from "../../app/domain/consultation/public-document.server";
import {
  handleOwnReaction,
  ownReaction,
  submitReaction,
} from "../../app/domain/consultation/public-reactions.server";
import {
  REACTION_EMAIL_LIMIT,
  REACTION_IP_LIMIT,
  reactionLimitMessages,
} from "../../app/domain/consultation/reactions";
import { reactionsPage } from "../../app/domain/consultation/reactions-page.server";
import { uploadMessages } from "../../app/domain/consultation/upload";
import { deliverBulkQueue } from "../../app/domain/panel/bulk-delivery.server";
import { getDb } from "../../app/lib/db.server";
import * as documentRoute from "../../app/routes/meedenken_.$slug_.document";
import * as notaRoute from "../../app/routes/meedenken_.$slug_.reactienota.$versie";
import * as reactRoute from "../../app/routes/meedenken_.$slug_.reageren";
import * as changesRoute from "../../app/routes/meedenken_.$slug_.wijzigingen";
import {
  auditLog,
  consultationDocuments,
  consultationMails,
  consultationReactions,
  outbox,
  projects,
} from "../../db/schema";
import { withBulkMailSink } from "../support/bulk-mail";
import { AFTER, DURING, form, publishedConsultation } from "../support/consultation";
import { makeRequest, run } from "../support/remix";
import { bodyText } from "../support/smtp-sink";

const sink = withBulkMailSink();

const db = () => getDb();

async function setup() {
  return publishedConsultation("# Passend wonen\nMeer sociale huur.\n\nStarters.\n\n# Duurzaam\nIsoleren.");
}

const tokenIn = (text: string) => /\/reactie\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

async function react(values: Record<string, string>, now = DURING) {
  const outcome = await submitReaction("woonvisie", form(values), db(), now);
  if (!outcome.ok) return { outcome, token: "" };
  const [mail] = await db().select().from(outbox).where(eq(outbox.to, values.email!)).orderBy(outbox.id);
  return { outcome, token: tokenIn(mail!.text) };
}

const resident = (paragraphId: number, extra: Record<string, string> = {}) => ({
  soort: "inwoner",
  naam: "Jan Jansen",
  email: "jan@example.nl",
  reactie: "Er moeten meer sociale huurwoningen komen voor starters.",
  alinea: String(paragraphId),
  ...extra,
});

describe("reaction confirm flow", () => {
  test("a reaction counts only after the link in the mail is used; the name never shows", async () => {
    const { page } = await setup();
    const p11 = page.chapters[0]!.paragraphs[0]!;
    const { outcome, token } = await react(resident(p11.id));
    expect(outcome.ok).toBe(true);
    const [mail] = await db().select().from(outbox).where(eq(outbox.kind, "consultation.confirm"));
    expect(mail!.text).toContain("alinea 1.1");
    expect((await publicDocument("woonvisie", db(), undefined, DURING))!.reactionCount).toBe(0);

    expect(await ownReaction("woonvisie", token, db(), DURING)).toMatchObject({
      status: "pending",
      canConfirm: true,
    });
    expect(await handleOwnReaction("woonvisie", token, "confirm", db(), DURING)).toMatchObject({ ok: true });
    // Twice is harmless.
    expect(await handleOwnReaction("woonvisie", token, "confirm", db(), DURING)).toMatchObject({ ok: true });
    const after = (await publicDocument("woonvisie", db(), undefined, DURING))!;
    expect(after.reactionCount).toBe(1);
    expect(after.chapters[0]!.paragraphs[0]!.reactions).toEqual([
      {
        id: expect.any(Number),
        who: "Een inwoner",
        text: "Er moeten meer sociale huurwoningen komen voor starters.",
      },
    ]);
    expect(JSON.stringify(after)).not.toContain("Jan Jansen");
    expect(JSON.stringify(after)).not.toContain("jan@example.nl");
  });

  test("the staff page counts each version's own paragraphs and confirmed reactions", async () => {
    const { id, page, post } = await setup();
    const { token } = await react(resident(page.chapters[0]!.paragraphs[0]!.id));
    await handleOwnReaction("woonvisie", token, "confirm", db(), DURING);
    expect((await post({ intent: "new_version" })).ok).toBe(true);
    const staffPage = (await documentPage(id, db()))!;
    // Version 2 (the draft copy) has the same 3 paragraphs and no reactions; version 1 has the reaction.
    expect(staffPage.versions.map((v) => [v.version.number, v.paragraphs, v.reactions])).toEqual([
      [2, 3, 0],
      [1, 3, 1],
    ]);
  });

  test("a wrong token or another project's slug finds nothing", async () => {
    const { page } = await setup();
    const { token } = await react(resident(page.chapters[0]!.paragraphs[0]!.id));
    expect(await ownReaction("woonvisie", "x".repeat(43), db(), DURING)).toBeNull();
    expect(await ownReaction("ander-project", token, db(), DURING)).toBeNull();
  });

  test("reaction text with likely personal data is held back until staff clear it", async () => {
    const { page, actor, id } = await setup();
    const { token } = await react(
      resident(page.chapters[0]!.paragraphs[1]!.id, {
        reactie: "Bel mij op 06-12345678 over de Binnenweg 12.",
      }),
    );
    await handleOwnReaction("woonvisie", token, "confirm", db(), DURING);
    const shown = (await publicDocument("woonvisie", db(), undefined, DURING))!.chapters[0]!.paragraphs[1]!
      .reactions;
    expect(shown[0]!.text).toBeNull();
    const staffView = await reactionsPage(id, db());
    expect(staffView!.reactions[0]!.personalData).toEqual(["telefoonnummer", "straat met huisnummer"]);
    const refused = await handleReactionsPost(
      actor,
      id,
      1,
      form({ intent: "clear", reactie: String(staffView!.reactions[0]!.id), openbaar: "Bel 06-12345678" }),
      db(),
    );
    expect(refused).toMatchObject({ ok: false, status: 400 });
    const cleared = await handleReactionsPost(
      actor,
      id,
      1,
      form({
        intent: "clear",
        reactie: String(staffView!.reactions[0]!.id),
        openbaar: "Bel mij over mijn straat.",
      }),
      db(),
    );
    expect(cleared.ok).toBe(true);
    const again = (await publicDocument("woonvisie", db(), undefined, DURING))!.chapters[0]!.paragraphs[1]!
      .reactions;
    expect(again[0]!.text).toBe("Bel mij over mijn straat.");
  });
});

describe("period rules", () => {
  test("a reaction before or after the period is refused politely, with the input kept", async () => {
    const { page } = await setup();
    const values = resident(page.chapters[0]!.paragraphs[0]!.id);
    for (const at of [new Date("2026-11-30T12:00:00Z"), AFTER]) {
      const outcome = await submitReaction("woonvisie", form(values), db(), at);
      expect(outcome).toMatchObject({ ok: false, status: 409, values: { naam: "Jan Jansen" } });
    }
    expect(await db().select().from(consultationReactions)).toHaveLength(0);
  });

  test("the period end is Amsterdam time: 23:59 on 15 December is 22:59 UTC", async () => {
    const { page } = await setup();
    const values = resident(page.chapters[0]!.paragraphs[0]!.id);
    expect((await submitReaction("woonvisie", form(values), db(), new Date("2026-12-15T22:58:00Z"))).ok).toBe(
      true,
    );
    expect((await submitReaction("woonvisie", form(values), db(), new Date("2026-12-15T22:59:00Z"))).ok).toBe(
      false,
    );
  });

  test("withdrawal works until the period ends, not after; a pending link cannot confirm after the end", async () => {
    const { page } = await setup();
    const a = await react(resident(page.chapters[0]!.paragraphs[0]!.id));
    const b = await react(resident(page.chapters[0]!.paragraphs[0]!.id, { email: "piet@example.nl" }));
    await handleOwnReaction("woonvisie", a.token, "confirm", db(), DURING);
    expect(await handleOwnReaction("woonvisie", a.token, "withdraw", db(), DURING)).toMatchObject({
      ok: true,
    });
    expect((await publicDocument("woonvisie", db(), undefined, DURING))!.reactionCount).toBe(0);
    expect(await handleOwnReaction("woonvisie", b.token, "confirm", db(), AFTER)).toMatchObject({
      ok: false,
      status: 409,
    });
    await handleOwnReaction("woonvisie", b.token, "confirm", db(), DURING);
    expect(await handleOwnReaction("woonvisie", b.token, "withdraw", db(), AFTER)).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  test("an organisation must give its name and its role", async () => {
    const { page } = await setup();
    const base = {
      ...resident(page.chapters[1]!.paragraphs[0]!.id),
      soort: "organisatie",
      email: "info@elan.example",
    };
    const missing = await submitReaction("woonvisie", form(base), db(), DURING);
    expect(missing).toMatchObject({ ok: false, status: 400 });
    if (!missing.ok) expect(Object.keys(missing.errors).sort()).toEqual(["organisatie", "rol"]);
    const ok = await submitReaction(
      "woonvisie",
      form({ ...base, organisatie: "Elan Wonen", rol: "adviseur" }),
      db(),
      DURING,
    );
    expect(ok.ok).toBe(true);
  });

  test("a paragraph of another version cannot be reacted on", async () => {
    const { page, post } = await setup();
    expect((await post({ intent: "new_version" })).ok).toBe(true);
    expect((await post({ intent: "publish" })).ok).toBe(true);
    const outcome = await submitReaction(
      "woonvisie",
      form(resident(page.chapters[0]!.paragraphs[0]!.id)),
      db(),
      DURING,
    );
    expect(outcome).toMatchObject({ ok: false, status: 409 });
  });
});

describe("versions", () => {
  test("a published version is frozen; reactions stay on their version; the change overview compares them", async () => {
    const { page, post } = await setup();
    const { token } = await react(resident(page.chapters[0]!.paragraphs[0]!.id));
    await handleOwnReaction("woonvisie", token, "confirm", db(), DURING);
    // Nothing to edit: version 1 is published.
    expect(await post({ intent: "save", tekst: "# X\nY" })).toMatchObject({ ok: false, status: 409 });
    await post({ intent: "new_version" });
    expect(
      (
        await post({
          intent: "save",
          tekst: "# Passend wonen\nVeel meer sociale huur.\n\nStarters.\n\n# Duurzaam\nIsoleren.",
        })
      ).ok,
    ).toBe(true);
    await post({ intent: "publish" });
    const v2 = (await publicDocument("woonvisie", db(), undefined, DURING))!;
    expect(v2.version.number).toBe(2);
    expect(v2.reactionCount).toBe(0);
    const v1 = (await publicDocument("woonvisie", db(), 1, DURING))!;
    expect(v1.chapters[0]!.paragraphs[0]!.reactions).toHaveLength(1);
    expect(v1.chapters[0]!.paragraphs[0]!.text).toBe("Meer sociale huur.");
    const changes = (await publicChanges("woonvisie", 1, 2, db()))!.changes;
    expect(changes.filter((c) => c.kind === "changed").map((c) => c.label)).toEqual(["1.1"]);
  });

  test("the change overview matches paragraphs by content: one inserted paragraph is one change; bad version numbers are a 404", async () => {
    const { post } = await setup();
    await post({ intent: "new_version" });
    await post({
      intent: "save",
      tekst:
        "# Passend wonen\nEen nieuwe eerste alinea.\n\nMeer sociale huur.\n\nStarters.\n\n# Duurzaam\nIsoleren.",
    });
    await post({ intent: "publish" });
    const page = await run<{ changes: { kind: string; label: string; previousLabel: string | null }[] }>(
      changesRoute.loader,
      makeRequest("/meedenken/woonvisie/wijzigingen?van=1&naar=2"),
      { slug: "woonvisie" },
    );
    expect(page.status).toBe(200);
    expect(page.data.changes.filter((c) => c.kind !== "unchanged")).toEqual([
      expect.objectContaining({ kind: "added", label: "1.1", previousLabel: null }),
    ]);
    expect(page.data.changes.find((c) => c.label === "1.3")).toMatchObject({
      kind: "unchanged",
      previousLabel: "1.2",
    });
    for (const query of ["van=1&naar=1", "van=abc&naar=2", "van=1&naar=9", "van=-1&naar=2", ""])
      expect(
        (
          await run(changesRoute.loader, makeRequest(`/meedenken/woonvisie/wijzigingen?${query}`), {
            slug: "woonvisie",
          })
        ).status,
      ).toBe(404);
  });

  test("Word import: a good .docx fills the draft; bad files get one clear message at the field", async () => {
    const { actor, id, post } = await setup();
    await post({ intent: "new_version" });
    const file = (name: string) => {
      const f = new FormData();
      f.set("intent", "import");
      f.set(
        "bestand",
        new File([readFileSync(new URL(`../fixtures/consultation/${name}`, import.meta.url))], name),
      );
      return f;
    };
    const good = await handleDocumentPost(actor, id, file("concept-woonvisie.docx"), db());
    expect(good).toMatchObject({ ok: true });
    for (const [name, message] of [
      ["beveiligd.docx", uploadMessages.encrypted],
      ["geen-word.docx", uploadMessages.notWord],
    ] as const)
      expect(await handleDocumentPost(actor, id, file(name), db())).toMatchObject({
        ok: false,
        status: 400,
        errors: { bestand: message },
      });
    const big = new FormData();
    big.set("intent", "import");
    big.set("bestand", new File([new Uint8Array(10 * 1024 * 1024 + 10)], "groot.docx"));
    expect(await handleDocumentPost(actor, id, big, db())).toMatchObject({
      errors: { bestand: uploadMessages.tooLarge },
    });
    const actions = (await db().select().from(auditLog)).map((a) => a.action);
    expect(actions).toContain("consultation_version.imported");
  });
});

describe("decisions and the reactienota", () => {
  async function withReactions() {
    const ctx = await setup();
    const p11 = ctx.page.chapters[0]!.paragraphs[0]!.id;
    for (const [email, extra] of [
      ["jan@example.nl", { naam: "Jan Jansen" }],
      ["marie@example.nl", { naam: "Marie de Vries" }],
      [
        "info@elan.example",
        { soort: "organisatie", naam: "Contactpersoon Elan", organisatie: "Elan Wonen", rol: "adviseur" },
      ],
    ] as const) {
      const { token } = await react(resident(p11, { email, ...extra }));
      await handleOwnReaction("woonvisie", token, "confirm", db(), DURING);
    }
    return ctx;
  }

  test("staff merge similar reactions into one point, answer and decide; the nota names organisations only", async () => {
    const { actor, id } = await withReactions();
    const staff = await reactionsPage(id, db());
    const ids = staff!.reactions.map((r) => String(r.id));
    const post = (values: Record<string, string | string[]>, now = DURING) =>
      handleReactionsPost(actor, id, 1, form(values), db(), now);
    expect(
      (
        await post({
          intent: "merge",
          reacties: ids.slice(0, 2),
          samenvatting: "Meer sociale huur voor starters.",
        })
      ).ok,
    ).toBe(true);
    expect(
      (await post({ intent: "merge", reacties: [ids[2]!], samenvatting: "Haalbaarheid met de corporaties." }))
        .ok,
    ).toBe(true);
    const points = (await reactionsPage(id, db()))!.points;
    expect(points.map((p) => p.reactionIds.length)).toEqual([2, 1]);

    // A decision needs an answer, a reason and (unless not adopted) the change.
    const missing = await post({
      intent: "answer",
      punt: String(points[0]!.id),
      antwoord: "",
      besluit: "",
      reden: "",
    });
    expect(missing).toMatchObject({ ok: false, status: 400 });
    if (!missing.ok) expect(Object.keys(missing.errors).sort()).toEqual(["antwoord", "besluit", "reden"]);
    const noChange = await post({
      intent: "answer",
      punt: String(points[0]!.id),
      antwoord: "Wij bouwen meer.",
      besluit: "adopted",
      reden: "Past in het beleid.",
    });
    expect(noChange).toMatchObject({ ok: false, errors: { wijziging: expect.any(String) } });
    expect(
      (
        await post({
          intent: "answer",
          punt: String(points[0]!.id),
          antwoord: "Wij bouwen meer.",
          besluit: "adopted",
          reden: "Past in het beleid.",
          toelichting: "Alinea 1.1 noemt nu 30% sociale huur.",
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await post({
          intent: "answer",
          punt: String(points[1]!.id),
          antwoord: "Dat doen wij al.",
          besluit: "not_adopted",
          reden: "Staat in de prestatieafspraken.",
        })
      ).ok,
    ).toBe(true);

    // Not during the period.
    expect(await publishNota(actor, id, 1, db(), DURING)).toMatchObject({ ok: false, status: 409 });
    const published = await publishNota(actor, id, 1, db(), AFTER);
    expect(published).toMatchObject({ ok: true, recipients: 3 });
    expect(await publishNota(actor, id, 1, db(), AFTER)).toMatchObject({ ok: false, status: 409 });

    const nota = (await loadNota({ slug: "woonvisie" }, 1, db(), { publicOnly: true }))!;
    const text = JSON.stringify(nota);
    for (const secret of [
      "Jan Jansen",
      "Marie de Vries",
      "jan@example.nl",
      "Contactpersoon Elan",
      "info@elan.example",
    ])
      expect(text).not.toContain(secret);
    expect(nota.nota.sections[0]!.paragraphs[0]!.points.map((p) => p.respondents)).toEqual([
      ["2 inwoners"],
      ["Elan Wonen (Adviseur (meedenken))"],
    ]);
    expect(nota.nota.summary.byDecision).toMatchObject({ adopted: 1, not_adopted: 1 });

    // The project page shows the document, its (closed) period and now the reactienota.
    const [project] = await db().select().from(projects);
    expect(await projectConsultation(project!.id, db(), AFTER)).toMatchObject({
      title: "Concept-Woonvisie",
      period: "closed",
      latest: 1,
      notas: [1],
    });

    // The public route shows it; the points are now fixed.
    const route = await run<{ title: string }>(
      notaRoute.loader,
      makeRequest("/meedenken/woonvisie/reactienota/1"),
      { slug: "woonvisie", versie: "1" },
    );
    expect(route.status).toBe(200);
    expect(await post({ intent: "dissolve", punt: String(points[0]!.id) }, AFTER)).toMatchObject({
      ok: false,
      status: 409,
    });

    // Everyone who reacted gets one mail with the link, through the bulk delivery path.
    expect(await db().select().from(consultationMails)).toHaveLength(3);
    const delivered = await deliverBulkQueue(consultationQueue, { budgetMs: 10_000 });
    expect(delivered.sent).toBe(3);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([
      "info@elan.example",
      "jan@example.nl",
      "marie@example.nl",
    ]);
    expect(bodyText(sink.messages[0]!.raw)).toContain("/meedenken/woonvisie/reactienota/1");
    const actions = (await db().select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "consultation_point.merged",
        "consultation_point.answered",
        "consultation_nota.published",
      ]),
    );
  });

  test("the nota cannot be published while a reaction is not in a point", async () => {
    const { actor, id } = await withReactions();
    const [project] = await db().select().from(projects);
    expect(await projectConsultation(project!.id, db(), DURING)).toMatchObject({ period: "open", notas: [] });
    expect(await publishNota(actor, id, 1, db(), AFTER)).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringContaining("3 reacties"),
    });
  });

  test("theme suggestions reuse the open-answer themes", async () => {
    const { actor, id } = await withReactions();
    expect((await handleReactionsPost(actor, id, 1, form({ intent: "suggest" }), db())).ok).toBe(true);
    const rows = await db().select({ theme: consultationReactions.theme }).from(consultationReactions);
    expect(rows.every((r) => r.theme === 1)).toBe(true);
  });
});

describe("routes", () => {
  test("unknown documents and unpublished notas are a Dutch 404; the form keeps input on errors", async () => {
    const { page } = await setup();
    expect(
      (await run(documentRoute.loader, makeRequest("/meedenken/onbekend/document"), { slug: "onbekend" }))
        .status,
    ).toBe(404);
    expect(
      (
        await run(documentRoute.loader, makeRequest("/meedenken/woonvisie/document?versie=abc"), {
          slug: "woonvisie",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await run(notaRoute.loader, makeRequest("/meedenken/woonvisie/reactienota/1"), {
          slug: "woonvisie",
          versie: "1",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await run(reactRoute.loader, makeRequest("/meedenken/woonvisie/reageren?alinea=999999"), {
          slug: "woonvisie",
        })
      ).status,
    ).toBe(404);
    const bad = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
      reactRoute.action,
      makeRequest("/meedenken/woonvisie/reageren", {
        form: {
          soort: "inwoner",
          naam: "Jan",
          email: "geen-adres",
          reactie: "Goed plan!",
          alinea: String(page.chapters[0]!.paragraphs[0]!.id),
        },
      }),
      { slug: "woonvisie" },
    );
    // The real clock is outside the demo period here, so the period message comes first.
    expect([400, 409]).toContain(bad.status);
    expect(bad.data.values.reactie).toBe("Goed plan!");
  });
});

describe("rate limits on the reaction form", () => {
  const count = (results: { status: number }[]) => {
    const out: Record<number, number> = {};
    for (const r of results) out[r.status] = (out[r.status] ?? 0) + 1;
    return out;
  };

  test("30 parallel POSTs from one IP address: exactly the limit gets through, the rest a Dutch message with the input kept", async () => {
    const { page } = await setup();
    // The route runs on the real clock: open the period around it.
    await db()
      .update(consultationDocuments)
      .set({
        reactionStartsAt: new Date(Date.now() - 86_400_000),
        reactionEndsAt: new Date(Date.now() + 86_400_000),
      });
    const paragraph = String(page.chapters[0]!.paragraphs[0]!.id);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        run<{ ok: boolean; errors: Record<string, string>; values: Record<string, string> }>(
          reactRoute.action,
          makeRequest("/meedenken/woonvisie/reageren", {
            form: {
              ...resident(Number(paragraph)),
              email: `p${i}@example.nl`,
              reactie: `Reactie nummer ${i}.`,
            },
          }),
          { slug: "woonvisie" },
        ),
      ),
    );
    expect(count(results)).toEqual({ 200: REACTION_IP_LIMIT.max, 429: 30 - REACTION_IP_LIMIT.max });
    const refused = results.filter((r) => r.status === 429);
    for (const r of refused) {
      expect(r.data.errors._form).toBe(reactionLimitMessages.ip);
      expect(r.data.values.reactie).toMatch(/^Reactie nummer \d+\.$/);
      expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
    expect(await db().select().from(consultationReactions)).toHaveLength(REACTION_IP_LIMIT.max);
    expect(await db().select().from(outbox).where(eq(outbox.kind, "consultation.confirm"))).toHaveLength(
      REACTION_IP_LIMIT.max,
    );
  });

  test("30 parallel reactions with one e-mail address from different IP addresses: the e-mail limit holds, at the field", async () => {
    const { page } = await setup();
    const values = resident(page.chapters[0]!.paragraphs[0]!.id, { email: "Jan@Example.nl" });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submitReaction(
          "woonvisie",
          form({ ...values, email: i % 2 ? "jan@example.nl" : "Jan@Example.nl" }),
          db(),
          DURING,
          `10.0.0.${i}`,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(REACTION_EMAIL_LIMIT.max);
    for (const o of outcomes.filter((o) => !o.ok))
      expect(o).toMatchObject({
        status: 429,
        errors: { email: reactionLimitMessages.email },
        values: { naam: "Jan Jansen" },
      });
    expect(await db().select().from(consultationReactions)).toHaveLength(REACTION_EMAIL_LIMIT.max);
    // Another address from the same connections still gets through.
    expect(
      (
        await submitReaction(
          "woonvisie",
          form({ ...values, email: "piet@example.nl" }),
          db(),
          DURING,
          "10.0.0.1",
        )
      ).ok,
    ).toBe(true);
  });

  test("a form with field errors is not counted", async () => {
    const { page } = await setup();
    const values = resident(page.chapters[0]!.paragraphs[0]!.id, { reactie: "" });
    for (let i = 0; i < REACTION_IP_LIMIT.max + 2; i += 1)
      expect(await submitReaction("woonvisie", form(values), db(), DURING, "10.1.1.1")).toMatchObject({
        status: 400,
      });
    expect(
      (
        await submitReaction(
          "woonvisie",
          form({ ...values, reactie: "Nu wel goed." }),
          db(),
          DURING,
          "10.1.1.1",
        )
      ).ok,
    ).toBe(true);
  });
});
