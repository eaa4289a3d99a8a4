import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { expect, inject, test } from "vitest";
import { quickscan } from "../../app/domain/initiatives/quickscan";
import { answerRows, checkRows } from "../../app/domain/initiatives/quickscan-answers";
import { type QuickscanAnswers, ruleAnswers, validateAll } from "../../app/domain/initiatives/quickscan-form";
import { stepsFor, stepTitle } from "../../app/domain/initiatives/quickscan-steps";
import { migrateDatabase, migrationsFolder } from "../../app/server/migrate";
import { withDatabase } from "../../app/server/scratch-db";

// Migrations 0012 (english_stored_values), 0014 (monitor_english_codes), 0015 (location_kind_english) and
// 0016 (quickscan_answers_english) convert the Dutch codes stored before them into the English codes of the glossary. A database is migrated
// up to 0011, filled with the old values, then migrated to the end.

const LAST_DUTCH = "0011_monitor_stoplicht_backfill";

/** A copy of the migrations folder whose journal stops at `tag`. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wmh-migrations-"));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === tag);
  expect(end).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

test("migrations 0012, 0014, 0015 and 0016 turn the stored Dutch values into English codes", async () => {
  const serverUrl = inject("dbServerUrl");
  const name = `wmh_t_${inject("dbTemplate").slice(9)}_english${Date.now() % 100000}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const folder = migrationsUpTo(LAST_DUTCH);
  const url = withDatabase(serverUrl, name);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(db), { migrationsFolder: folder });

    // Rows as the app wrote them before 0012.
    await db`insert into staff_users (id, email, name, roles) values ('u1', 'a@example.nl', 'A', '{partner}')`;
    const statuses = [
      "nieuw",
      "in_behandeling",
      "planvorming",
      "vastgesteld",
      "in_uitvoering",
      "gerealiseerd",
      "afgewezen",
      "ingetrokken",
    ];
    const ids: string[] = [];
    for (const [i, status] of statuses.entries()) {
      const [row] = await db<{ id: string }[]>`
        insert into initiatives (title, description, theme, location_kind, answers, initiator_name,
          initiator_email, proposed_decider, proposed_complex, decider, complex, status)
        values (${`Idee ${i}`}, 'x', 'groen', 'heel', '{}', 'An', 'an@example.nl', 'ambtenaren', false,
          'ambtenaren', false, ${status})
        returning id`;
      ids.push(row!.id);
    }
    const first = ids[0]!;
    const deciders = [
      ["initiatiefnemer", "initiatiefnemer", null],
      ["ambtenaren", "college", "college"],
      ["college", "raad", "raad"],
    ] as const;
    for (const [i, [proposed, decider, adoptedBy]] of deciders.entries())
      await db`update initiatives set proposed_decider = ${proposed}, decider = ${decider}, adopted_by = ${adoptedBy}
        where id = ${ids[i]!}`;
    await db`update initiatives set location_precision = 'buurt' where id = ${ids[1]!}`;
    // Location kinds (0015) in the column and in the answers kept with the idea; ids[0] stays 'heel' without
    // answers (as staff-entered ideas: {"source": "beheer"}).
    const oldKinds = [
      [ids[1]!, "adres", { locationKind: "adres", address: "Binnenweg 1", title: "Bank" }],
      [ids[2]!, "punt", { locationKind: "punt", lat: "52,35", lng: "4,61" }],
      [ids[3]!, "wijk", { locationKind: "wijk", wijkCode: "W1" }],
      [ids[4]!, "heel", { locationKind: "heel" }],
    ] as const;
    for (const [id, kind, answers] of oldKinds)
      await db`update initiatives set location_kind = ${kind}, answers = ${JSON.stringify(answers)}::jsonb
        where id = ${id}`;
    // The other quickscan answers (0016) as kept with the idea before: every Dutch value of every question once
    // or more, in three ideas whose deciders were council (complex), officials and executive.
    const oldAnswers = [
      [
        ids[5]!,
        {
          title: "Plein",
          locationKind: "heel",
          parties: ["buren", "gemeente", "school"],
          partyCount: "veel",
          impact: "groot",
          interests: "veel",
          otherPlans: "weet_niet",
          publicSpace: "ja",
          permit: "weet_niet",
          policy: "omgevingsplan",
          contribution: ["tijd", "mensen", "materiaal", "geld"],
          budget: 5000,
          timing: "dit_jaar",
          name: "An",
          showName: true,
        },
      ],
      [
        ids[6]!,
        {
          parties: ["vereniging", "bedrijf"],
          partyCount: "enkele",
          impact: "klein",
          interests: "enkele",
          otherPlans: "nee",
          publicSpace: "nee",
          permit: "ja",
          policy: "weet_niet",
          contribution: [],
          timing: "snel",
        },
      ],
      [
        ids[7]!,
        {
          parties: [],
          partyCount: "alleen",
          impact: "geen",
          interests: "geen",
          otherPlans: "ja",
          publicSpace: "nee",
          permit: "nee",
          policy: "regels",
          contribution: ["geld"],
          timing: "later",
        },
      ],
    ] as const;
    for (const [id, answers] of oldAnswers)
      await db`update initiatives set answers = ${JSON.stringify(answers)}::jsonb where id = ${id}`;
    // Quickscans in progress: their answers as the form posted them (strings), one with no kind yet, one whole
    // quickscan ready to send (one ticked party is a string, as a single checkbox posts it).
    const draftAnswers: Record<string, Record<string, string | string[]>> = {
      a: { title: "Bankje", locationKind: "adres", address: "Binnenweg 1", parties: ["buren"] },
      p: { title: "Boom", locationKind: "punt", kaart: "ja", lat: "52,35", lng: "4,61" },
      w: { title: "Speeltuin", locationKind: "wijk", wijkCode: "W1" },
      h: { title: "Markt", locationKind: "heel" },
      n: { title: "Nog niets" },
      q: {
        title: "Bankje",
        description: "Een bank bij de vijver",
        theme: "groen",
        locationKind: "heel",
        parties: "gemeente",
        partyCount: "alleen",
        impact: "geen",
        interests: "geen",
        otherPlans: "nee",
        publicSpace: "nee",
        permit: "nee",
        policy: "past",
        contribution: ["tijd", "geld"],
        budget: "",
        timing: "weet_niet",
        name: "An",
        email: "an@example.nl",
        consentContact: "ja",
      },
    };
    for (const [token, answers] of Object.entries(draftAnswers))
      await db`insert into quickscan_drafts (token_hash, answers, updated_at)
        values (${token}, ${JSON.stringify(answers)}::jsonb, '2026-11-30T10:00:00Z')`;

    await db`insert into initiative_events (initiative_id, kind, status, text) values
      (${first}, 'status', 'nieuw', null), (${first}, 'status', 'in_behandeling', null),
      (${first}, 'toegewezen', null, null), (${first}, 'beslisser', null, null),
      (${first}, 'gepubliceerd', null, null), (${first}, 'vastgesteld', null, null), (${first}, 'stap', null, '2')`;
    await db`insert into initiative_messages (initiative_id, kind, body) values
      (${first}, 'van_initiatiefnemer', 'a'), (${first}, 'aanvulling', 'b'),
      (${first}, 'aan_initiatiefnemer', 'c'), (${first}, 'notitie', 'd')`;
    await db`insert into initiative_documents (initiative_id, kind, version, content) values
      (${first}, 'planomschrijving', 1, '{}'), (${first}, 'participatieplan', 1, '{}')`;
    await db`insert into audit_log (action, entity_type, entity_id, details) values
      ('initiative.status_changed', 'initiative', ${first}, ${JSON.stringify({ from: "nieuw", to: "afgewezen", reason: "past niet" })}::jsonb),
      ('initiative.status_changed', 'initiative', ${first}, ${JSON.stringify({ from: "onbekend", to: "in_uitvoering" })}::jsonb),
      ('staff_user.roles_changed', 'staff_user', 'u1', ${JSON.stringify({ from: "nieuw", to: "afgewezen" })}::jsonb),
      ('initiative.published', 'initiative', ${first}, ${JSON.stringify({ publicTitle: "T", precision: "geen", featured: false })}::jsonb),
      ('initiative.decider_confirmed', 'initiative', ${first}, ${JSON.stringify({ from: { decider: "ambtenaren", complex: false }, to: { decider: "raad", complex: true }, reason: "groot" })}::jsonb)`;
    await db`insert into monitor_organisations (id, name, kind) values ('elan', 'Elan', 'corporatie'),
      ('gemeente-heemstede', 'Gemeente', 'gemeente'), ('bewonersraad', 'Bewonersraad', 'huurdersorganisatie')`;
    const [agreement] = await db<{ id: number }[]>`
      insert into monitor_agreements (key, number, kind, first_year, last_year, theme, title, text, prioriteit)
      values ('J 1.1 (2024)', 'J 1.1', 'jaar', 2024, 2024, 1, 'T', 'T', 'doorlopend') returning id`;
    await db`insert into monitor_agreements (key, number, kind, first_year, last_year, theme, title, text, prioriteit)
      values ('J 1.2 (2024)', 'J 1.2', 'jaar', 2024, 2024, 1, 'T', 'T', 't2')`;
    await db`insert into monitor_agreement_parties (agreement_id, organisation_id, role)
      values (${agreement!.id}, 'elan', 'partij')`;
    const [round] = await db<{ id: number }[]>`
      insert into monitor_rounds (year, tertiaal, status) values (2024, 1, 'gesloten') returning id`;
    await db`insert into outbox ("to", subject, text, kind) values
      ('a@example.nl', 'Ronde', 'x', 'monitor.round_uitnodiging'),
      ('a@example.nl', 'Herinnering', 'x', 'monitor.round_herinnering'),
      ('a@example.nl', 'Contact', 'x', 'contact.confirmation')`;
    await db`insert into monitor_round_mails (round_id, user_id, kind) values
      (${round!.id}, 'u1', 'uitnodiging'), (${round!.id}, 'u1', 'herinnering')`;
    for (const [tertiaal, status, stoplicht] of [
      [1, "bevestigd", "groen"],
      [2, "teruggestuurd", "rood"],
      [3, "ingediend", "afgerond"],
    ] as const)
      await db`insert into monitor_updates (agreement_id, agreement_key, year, tertiaal, organisation_id,
          stoplicht, explanation, author_name, status)
        values (${agreement!.id}, 'J 1.1 (2024)', 2024, ${tertiaal}, 'elan', ${stoplicht}, 'Loopt.', 'A', ${status})`;
    // The other stoplichten, each once, in updates of the other agreement.
    for (const [tertiaal, stoplicht] of [
      [1, "geel"],
      [2, "vervallen"],
      [3, "nog_niet_beoordeeld"],
    ] as const)
      await db`insert into monitor_updates (agreement_id, agreement_key, year, tertiaal, organisation_id,
          stoplicht, explanation, author_name, status)
        select id, key, 2024, ${tertiaal}, 'elan', ${stoplicht}, 'Loopt.', 'A', 'bevestigd'
        from monitor_agreements where key = 'J 1.2 (2024)'`;
    // The maintained current stoplicht as the app kept it (0011 filled it the same way).
    await db`insert into monitor_stoplicht_current (agreement_id, year, tertiaal, stoplicht, explanation)
      select id, 2024, 1, case key when 'J 1.1 (2024)' then 'groen' else 'nog_niet_beoordeeld' end, null
      from monitor_agreements`;

    await db`insert into population_figures (dimension, category, count, source) values
      ('age', '16-29', 10, 'ingevuld'), ('wijk', 'W1', 20, 'csv')`;
    await db`insert into audit_log (action, entity_type, details) values
      ('panel.population_saved', 'population_figures', ${JSON.stringify({ dimensions: ["age"], rows: 1, source: "ingevuld" })}::jsonb)`;
    const [project] = await db<{ id: number }[]>`
      insert into projects (slug, title) values ('woonvisie', 'Woonvisie') returning id`;
    const sources = [
      "bewonersavond",
      "werkgroep-samen-besluiten",
      "woningcorporaties",
      "huurdersorganisaties",
      "overige-stakeholders",
    ];
    for (const source of sources)
      await db`insert into input_items (project_id, theme, source, title, text, item_date)
        values (${project!.id}, 1, ${source}, 'T', 'T', '2026-10-14')`;
    await db`insert into audit_log (action, entity_type, details) values
      ('insights.input_item_created', 'input_item', ${JSON.stringify({ projectId: project!.id, theme: 1, source: "bewonersavond", title: "T" })}::jsonb)`;

    await migrateDatabase(url);

    const initiativeRows = await db<{ id: string; status: string }[]>`select id, status from initiatives`;
    expect(ids.map((id) => initiativeRows.find((r) => r.id === id)?.status)).toEqual([
      "new",
      "in_review",
      "planning",
      "adopted",
      "in_execution",
      "realised",
      "rejected",
      "withdrawn",
    ]);
    const deciderRows = await db<
      { id: string; proposed_decider: string; decider: string; adopted_by: string | null }[]
    >`
      select id, proposed_decider, decider, adopted_by from initiatives`;
    expect(
      ids.slice(0, 3).map((id) => {
        const r = deciderRows.find((d) => d.id === id)!;
        return [r.proposed_decider, r.decider, r.adopted_by];
      }),
    ).toEqual([
      ["initiator", "initiator", null],
      ["officials", "executive", "executive"],
      ["executive", "council", "council"],
    ]);
    const kinds = await db<{ id: string; location_kind: string; answers: Record<string, unknown> }[]>`
      select id, location_kind, answers from initiatives`;
    const kindOf = (id: string) => kinds.find((k) => k.id === id)!;
    expect(ids.slice(0, 5).map((id) => kindOf(id).location_kind)).toEqual([
      "whole_town",
      "address",
      "point",
      "wijk",
      "whole_town",
    ]);
    expect(kindOf(ids[0]!).answers).toEqual({});
    expect(kindOf(ids[1]!).answers).toEqual({
      locationKind: "address",
      address: "Binnenweg 1",
      title: "Bank",
    });
    expect(oldKinds.map(([id]) => kindOf(id).answers.locationKind)).toEqual([
      "address",
      "point",
      "wijk",
      "whole_town",
    ]);
    const drafts = await db<
      { token_hash: string; answers: Record<string, string | string[]>; kept: boolean }[]
    >`
      select token_hash, answers, updated_at = '2026-11-30T10:00:00Z' as kept from quickscan_drafts`;
    const draft = (token: string) => drafts.find((d) => d.token_hash === token)!;
    expect(Object.keys(draftAnswers).map((t) => draft(t).answers.locationKind)).toEqual([
      "address",
      "point",
      "wijk",
      "whole_town",
      undefined,
      "whole_town",
    ]);
    // Only the codes changed; the draft's other answers and its age (the expiry) are kept.
    expect(draft("a").answers).toEqual({
      ...draftAnswers.a,
      locationKind: "address",
      parties: ["neighbours"],
    });
    expect(draft("p").answers).toEqual({ ...draftAnswers.p, locationKind: "point" });
    expect(drafts.every((d) => d.kept)).toBe(true);
    // A quickscan started before the migration shows and goes on as before: the title of the location page,
    // the location page skipped for all of Heemstede only, and the place rows of the check page.
    const wijkName = (code: string) => (code === "W1" ? "Centrum" : undefined);
    const seen = (token: string) => {
      const a = draft(token).answers;
      const rows = checkRows(a, wijkName).filter((r) => r.step === "waar" || r.step === "plek");
      return [stepTitle("plek", a), stepsFor(a).includes("plek"), rows.map((r) => `${r.label}: ${r.value}`)];
    };
    expect(Object.keys(draftAnswers).map(seen)).toEqual([
      [
        "Op welk adres of in welke straat?",
        true,
        ["Waar is uw idee?: Op een adres of in een straat", "Adres of straat: Binnenweg 1"],
      ],
      [
        "Waar is het op de kaart?",
        true,
        ["Waar is uw idee?: Op een plek op de kaart", "Plek op de kaart: Aangewezen op de kaart"],
      ],
      ["In welke wijk?", true, ["Waar is uw idee?: In een wijk", "Wijk: Centrum"]],
      ["Waar is uw idee precies?", false, ["Waar is uw idee?: In heel Heemstede"]],
      ["Waar is uw idee precies?", true, ["Waar is uw idee?: U heeft hier niets ingevuld"]],
      ["Waar is uw idee precies?", false, ["Waar is uw idee?: In heel Heemstede"]],
    ]);
    // 0016: the other answers of the quickscan in progress, converted value by value.
    expect(draft("q").answers).toEqual({
      ...draftAnswers.q,
      locationKind: "whole_town",
      parties: "municipality",
      partyCount: "alone",
      impact: "none",
      interests: "none",
      otherPlans: "no",
      publicSpace: "no",
      permit: "no",
      policy: "fits",
      contribution: ["time", "money"],
      timing: "unknown",
    });
    // Its check page reads as before, and it can still be sent: the whole draft validates and the rule
    // gives the decider it gave before (nothing needed from the municipality but its taking part).
    const answerLabels = [
      "Wie doen er mee, naast u?",
      "Hoeveel partijen doen er mee?",
      "Verandert uw idee de leefomgeving van anderen?",
      "Denken mensen er verschillend over?",
      "Raakt uw idee aan andere plannen?",
      "Gebruikt uw idee openbare ruimte?",
      "Heeft u een vergunning nodig?",
      "Past uw idee binnen de regels?",
      "Wat draagt u zelf bij?",
      "Hoeveel geld vraagt u?",
      "Wanneer wilt u beginnen?",
    ];
    expect(
      checkRows(draft("q").answers)
        .filter((r) => answerLabels.includes(r.label))
        .map((r) => r.value),
    ).toEqual([
      "De gemeente",
      "Alleen ik of mijn huishouden",
      "Nee, anderen merken er weinig van",
      "Nee, ik verwacht dat iedereen het ermee eens is",
      "Nee",
      "Nee, alleen eigen grond of een eigen gebouw",
      "Nee",
      "Ja, het past binnen de regels die er zijn",
      "Tijd, Geld",
      "Geen geld",
      "Dat weet ik nog niet",
    ]);
    const sendable = validateAll(draft("q").answers);
    expect(sendable.ok).toBe(true);
    const draftResult = quickscan(ruleAnswers((sendable as { answers: QuickscanAnswers }).answers));
    expect([draftResult.decider, draftResult.complex, draftResult.deciderReasons]).toEqual([
      "officials",
      false,
      ["U wilt dat de gemeente meedoet."],
    ]);
    expect(draftResult.chances).toEqual([
      "U steekt zelf tijd in uw idee. Dat vergroot de kans op succes.",
      "U draagt zelf geld bij aan uw idee.",
      "Uw idee heeft weinig gevolgen voor anderen. Dan kan het vaak snel.",
    ]);
    // The answers kept with the idea read the same on the staff page.
    const place = (id: string) =>
      answerRows(kindOf(id).answers, wijkName)
        .filter((r) => ["Waar", "Adres", "Wijk", "Plek op de kaart"].includes(r.label))
        .map((r) => `${r.label}: ${r.value}`);
    expect(oldKinds.map(([id]) => place(id))).toEqual([
      ["Waar: Op een adres of in een straat", "Adres: Binnenweg 1"],
      ["Waar: Op een plek op de kaart", "Plek op de kaart: breedtegraad 52,35, lengtegraad 4,61"],
      ["Waar: In een wijk", "Wijk: Centrum"],
      ["Waar: In heel Heemstede"],
    ]);
    // 0016: the answers kept with the ideas, converted; everything else in them is kept.
    const kept = await db<
      { id: string; answers: Record<string, unknown> }[]
    >`select id, answers from initiatives`;
    const answersOf = (id: string) => kept.find((k) => k.id === id)!.answers;
    expect(oldAnswers.map(([id]) => answersOf(id))).toEqual([
      {
        ...oldAnswers[0][1],
        locationKind: "whole_town",
        parties: ["neighbours", "municipality", "school"],
        partyCount: "many",
        impact: "large",
        interests: "many",
        otherPlans: "unknown",
        publicSpace: "yes",
        permit: "unknown",
        policy: "plan_change",
        contribution: ["time", "people", "materials", "money"],
        timing: "this_year",
      },
      {
        ...oldAnswers[1][1],
        parties: ["association", "business"],
        partyCount: "few",
        impact: "small",
        interests: "some",
        otherPlans: "no",
        publicSpace: "no",
        permit: "yes",
        policy: "unknown",
        timing: "soon",
      },
      {
        ...oldAnswers[2][1],
        contribution: ["money"],
        partyCount: "alone",
        impact: "none",
        interests: "none",
        otherPlans: "yes",
        publicSpace: "no",
        permit: "no",
        policy: "exception",
        timing: "later",
      },
    ]);
    // The staff page and the print read them as before ...
    const answerRow = (id: string) =>
      answerRows(answersOf(id) as Partial<QuickscanAnswers>)
        .filter((r) =>
          [
            "Wie doen er mee",
            "Hoeveel partijen",
            "Verandert de leefomgeving van anderen",
            "Botsende belangen",
            "Raakt andere plannen",
            "Openbare ruimte",
            "Vergunning nodig",
            "Past binnen de regels",
            "Eigen bijdrage",
            "Wanneer beginnen",
          ].includes(r.label),
        )
        .map((r) => r.value);
    expect(oldAnswers.map(([id]) => answerRow(id))).toEqual([
      [
        "Buren of buurtbewoners, De gemeente, Een school of kinderopvang",
        "Meer dan 5 partijen",
        "Ja, er verandert veel voor (groepen) inwoners",
        "Ja, er spelen veel verschillende belangen",
        "Dat weet ik niet",
        "Ja, bijvoorbeeld de stoep, een plein, park of de straat",
        "Dat weet ik niet",
        "Nee, het omgevingsplan of beleid van de gemeenteraad moet veranderen",
        "Tijd, Mensen die meehelpen, Spullen of materiaal, Geld",
        "Binnen een jaar",
      ],
      [
        "Een vereniging of stichting, Een bedrijf of winkel",
        "2 tot 5 partijen",
        "Een beetje, bijvoorbeeld de buren of de straat",
        "Misschien, een paar mensen denken er anders over",
        "Nee",
        "Nee, alleen eigen grond of een eigen gebouw",
        "Ja",
        "Dat weet ik niet",
        "Niet ingevuld door de initiatiefnemer",
        "Binnen 3 maanden",
      ],
      [
        "Niet ingevuld door de initiatiefnemer",
        "Alleen ik of mijn huishouden",
        "Nee, anderen merken er weinig van",
        "Nee, ik verwacht dat iedereen het ermee eens is",
        "Ja",
        "Nee, alleen eigen grond of een eigen gebouw",
        "Nee",
        "Nee, er is een uitzondering of een nieuwe regel nodig",
        "Geld",
        "Later dan een jaar",
      ],
    ]);
    // ... and the rule gives the decider, complexity and number of reasons and points of attention it gave
    // with the Dutch values (counted by hand from quickscan.ts before 0016: A permit-maybe, public space,
    // impact, interests, other plans, budget, complex = 7; B permit, impact, interests, no contribution = 4;
    // C other plans = 1).
    const outcome = (id: string) => {
      const r = quickscan(ruleAnswers(answersOf(id) as unknown as QuickscanAnswers));
      return [r.decider, r.complex, r.deciderReasons.length, r.attentionPoints.length];
    };
    expect(oldAnswers.map(([id]) => outcome(id))).toEqual([
      ["council", true, 1, 7],
      ["officials", false, 2, 4],
      ["executive", false, 1, 1],
    ]);
    const precisions = await db<{ id: string; location_precision: string }[]>`
      select id, location_precision from initiatives`;
    expect(ids.slice(0, 2).map((id) => precisions.find((p) => p.id === id)?.location_precision)).toEqual([
      "none",
      "buurt",
    ]);
    const events = await db`select kind, status from initiative_events order by id`;
    expect(events.map((e) => [e.kind, e.status])).toEqual([
      ["status", "new"],
      ["status", "in_review"],
      ["assigned", null],
      ["decider", null],
      ["published", null],
      ["adopted", null],
      ["step", null],
    ]);
    const messages = await db`select kind from initiative_messages order by id`;
    expect(messages.map((m) => m.kind)).toEqual(["from_initiator", "addition", "to_initiator", "note"]);
    const documents = await db`select kind from initiative_documents order by id`;
    expect(documents.map((d) => d.kind)).toEqual(["plan_description", "participation_plan"]);
    const audit = await db`select details from audit_log
      where action not in ('panel.population_saved', 'insights.input_item_created') order by id`;
    expect(audit.map((a) => a.details)).toEqual([
      { from: "new", to: "rejected", reason: "past niet" },
      // A value that was never a status stays as it was; only status changes are touched.
      { from: "onbekend", to: "in_execution" },
      { from: "nieuw", to: "afgewezen" },
      { publicTitle: "T", precision: "none", featured: false },
      {
        from: { decider: "officials", complex: false },
        to: { decider: "council", complex: true },
        reason: "groot",
      },
    ]);
    expect((await db`select role from monitor_agreement_parties`).map((r) => r.role)).toEqual(["party"]);
    expect((await db`select status from monitor_rounds`).map((r) => r.status)).toEqual(["closed"]);
    expect((await db`select kind from monitor_round_mails order by kind`).map((r) => r.kind)).toEqual([
      "invitation",
      "reminder",
    ]);
    expect((await db`select kind from outbox order by id`).map((r) => r.kind)).toEqual([
      "monitor.round_invitation",
      "monitor.round_reminder",
      "contact.confirmation",
    ]);
    expect(
      (await db`select status, stoplicht from monitor_updates order by id`).map((r) => [
        r.status,
        r.stoplicht,
      ]),
    ).toEqual([
      ["confirmed", "green"],
      ["returned", "red"],
      ["submitted", "completed"],
      ["confirmed", "yellow"],
      ["confirmed", "lapsed"],
      ["confirmed", "not_assessed"],
    ]);
    expect(
      (
        await db`select a.key, c.stoplicht from monitor_stoplicht_current c join monitor_agreements a
        on a.id = c.agreement_id order by a.key`
      ).map((r) => [r.key, r.stoplicht]),
    ).toEqual([
      ["J 1.1 (2024)", "green"],
      ["J 1.2 (2024)", "not_assessed"],
    ]);
    expect(
      (await db`select id, kind from monitor_organisations order by id`).map((r) => [r.id, r.kind]),
    ).toEqual([
      ["bewonersraad", "tenant_organisation"],
      ["elan", "housing_corporation"],
      ["gemeente-heemstede", "municipality"],
    ]);
    expect((await db`select source from population_figures order by count`).map((r) => r.source)).toEqual([
      "entered",
      "csv",
    ]);
    expect((await db`select source from input_items order by id`).map((r) => r.source)).toEqual([
      "residents_evening",
      "working_group",
      "housing_corporations",
      "tenant_organisations",
      "other_stakeholders",
    ]);
    const [inputAudit] = await db`select details from audit_log where action = 'insights.input_item_created'`;
    expect(inputAudit!.details).toMatchObject({ source: "residents_evening" });
    const [populationAudit] = await db`select details from audit_log where action = 'panel.population_saved'`;
    expect(populationAudit!.details).toEqual({ dimensions: ["age"], rows: 1, source: "entered" });
    expect(
      (await db`select prioriteit from monitor_agreements order by key`).map((r) => r.prioriteit),
    ).toEqual(["ongoing", "t2"]);

    // The new checks, defaults and the partial index hold the English codes.
    await expect(db`update initiatives set status = 'nieuw' where id = ${first}`).rejects.toThrow(
      /initiatives_status_check/,
    );
    await expect(
      db`insert into initiative_messages (initiative_id, kind, body) values (${first}, 'notitie', 'x')`,
    ).rejects.toThrow(/initiative_messages_kind_check/);
    await expect(db`update initiatives set decider = 'raad' where id = ${first}`).rejects.toThrow(
      /initiatives_decider_check/,
    );
    const [fresh] = await db`
      insert into initiatives (title, description, theme, location_kind, answers, initiator_name,
        initiator_email, proposed_decider, proposed_complex, decider, complex)
      values ('Nieuw', 'x', 'groen', 'whole_town', '{}', 'An', 'an@example.nl', 'officials', false, 'officials', false)
      returning status, location_precision`;
    expect(fresh!.status).toBe("new");
    expect(fresh!.location_precision).toBe("none");
    await expect(
      db`insert into monitor_updates (agreement_id, agreement_key, year, tertiaal, organisation_id,
          stoplicht, explanation, author_name)
        values (${agreement!.id}, 'J 1.1 (2024)', 2024, 3, 'elan', 'geel', 'Tweede.', 'A')`,
    ).rejects.toThrow(/monitor_updates_one_pending/);
  } finally {
    await db.end();
    rmSync(folder, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
