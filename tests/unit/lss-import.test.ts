import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  conditionTests,
  listQuestions,
  type Question,
  surveyDefinitionSchema,
} from "~/domain/surveys/definition";
import { exportLss } from "~/domain/surveys/import/export";
import { cleanHtml } from "~/domain/surveys/import/html";
import { importLss } from "~/domain/surveys/import/limesurvey";
import { MAX_LSS_BYTES } from "~/domain/surveys/import/xml";
import { woonvisieDefinition } from "~/domain/surveys/woonvisie";

const dir = join(__dirname, "../fixtures/limesurvey");
const fixture = (name: string) => readFileSync(join(dir, name), "utf8");

function imported(name: string) {
  const outcome = importLss(fixture(name));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe.each(["survey-new-layout.lss", "survey-old-layout.lss"])("%s", (file) => {
  const { definition, report } = imported(file);
  const byKey = new Map(listQuestions(definition).map((q) => [q.key, q]));
  const q = <T extends Question["type"]>(key: string, type: T) => {
    const found = byKey.get(key);
    expect(found?.type, key).toBe(type);
    return found as unknown as Extract<Question, { type: T }>;
  };

  test("takes the Dutch texts, not the base language (English), and names the language left out", () => {
    expect(definition.title).toBe("Wonen in de wijk");
    expect(report.language).toBe("Nederlands");
    expect(report.surveyNotes.join(" ")).toMatch(/weggelaten: Engels/);
    expect(report.surveyNotes.join(" ")).toMatch(/quotum/);
    expect(q("leeftijd", "number").text).toBe("Hoe oud bent u?");
  });

  test("groups become pages, a text display an information block", () => {
    expect(definition.pages[0]!.title).toBe("Over u");
    expect(definition.pages[0]!.intro).toBe("Eerst een paar vragen over u.");
    const block = definition.pages[0]!.blocks[0]!;
    expect(block.kind).toBe("text");
    expect(block.kind === "text" && block.text).toBe(
      "Welkom\n\nDeze vragenlijst gaat over wonen. Lees meer (https://www.heemstede.nl).\n• kort\n• anoniem",
    );
  });

  test("every mapped type arrives with its codes kept", () => {
    const number = q("leeftijd", "number");
    expect([number.required, number.min, number.max, number.integer, number.unit]).toEqual([
      true,
      0,
      120,
      true,
      "jaar",
    ]);
    expect(q("geslacht", "single").options.map((o) => [o.value, o.code])).toEqual([
      ["f", "F"],
      ["m", "M"],
    ]);
    const list = q("woonvorm", "single");
    expect(list.other).toBe(true);
    expect(list.required).toBe(true);
    expect(list.options.map((o) => [o.value, o.code, o.label])).toEqual([
      ["a1", "A1", "Koopwoning"],
      ["a2", "A2", "Huurwoning"],
      ["a3", "A3", "Bij mijn ouders"],
    ]);
    expect(q("wijk", "single").options.map((o) => [o.value, o.code])).toEqual([
      ["a1", "1"],
      ["a2", "2"],
      ["a3", "3"],
    ]);
    expect(q("huurder", "single").options.map((o) => o.label)).toEqual(["Ja", "Nee"]);
    expect(q("tevreden", "single").options).toHaveLength(5);
    expect(q("tevreden", "single").description).toBe("1 is heel ontevreden, 5 is heel tevreden.");
    expect(q("verhuis", "single").options).toHaveLength(2);
    const multiple = q("wensen", "multiple");
    expect([multiple.other, multiple.max, multiple.options.map((o) => o.code)]).toEqual([
      true,
      2,
      ["SQ001", "SQ002", "SQ003"],
    ]);
    expect(q("ergernis", "multiple").options).toHaveLength(2);
    expect(q("stellinga", "matrix").scale.map((s) => s.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(q("stellingb", "matrix").scale).toHaveLength(10);
    expect(q("stellingc", "matrix").scale.map((s) => s.label)).toEqual(["Ja", "Weet niet", "Nee"]);
    expect(q("stellinge", "matrix").scale.map((s) => s.code)).toEqual(["I", "S", "D"]);
    expect(q("stellingf", "matrix").rows.map((r) => r.label)).toEqual([
      "Wonen is duur",
      "Er is genoeg groen",
    ]);
    expect(q("stellingh", "matrix").scale.map((s) => s.code)).toEqual(["X1", "X2"]);
    expect(q("duaal", "matrix").scale.map((s) => s.code)).toEqual(["A1", "A2"]);
    expect(q("duaal-2", "matrix").scale.map((s) => s.code)).toEqual(["B1", "B2"]);
    expect(q("rangorde", "ranking").top).toBe(2);
    expect(q("kort", "open").multiline).toBe(false);
    expect(q("lang", "open").multiline).toBe(true);
    expect(q("heellang", "open").maxLength).toBe(5000);
    expect(q("contact-sq001", "open").code).toBe("contact_SQ001");
    expect(q("aantallen-sq002", "number").text).toBe("Hoeveel mensen: Kinderen");
  });

  test("what does not map is listed with a reason, never dropped silently", () => {
    const left = report.items.filter((i) => i.status === "leftOut").map((i) => i.code);
    expect(left).toEqual(["datum", "matrixgetal", "som", "upload"]);
    for (const item of report.items.filter((i) => i.status !== "asIs"))
      expect(item.notes.length, item.code).toBeGreaterThan(0);
    const notes = (code: string) => report.items.find((i) => i.code === code)!.notes.join(" ");
    expect(notes("regex")).toMatch(/regexmatch\(\) kennen wij niet/);
    expect(notes("regex")).toMatch(/tijdslimiet/);
    expect(notes("wensen")).toMatch(/vaste volgorde/);
    expect(notes("verhuis")).toMatch(/opmerkingenveld/);
    // Every LimeSurvey question is in the report once.
    expect(report.items).toHaveLength(30);
  });

  test("a script in a question text and an image with a handler are taken out", () => {
    const text = JSON.stringify(definition);
    expect(text).not.toMatch(/<script|alert|onerror|evil\.example|<img/);
    expect(report.items.find((i) => i.code === "woonvorm")!.notes.join(" ")).toMatch(/JavaScript/);
  });

  test("relevance equations become conditions; a condition on the same page moves the question to a new page", () => {
    expect(q("huurder", "single").showIf).toEqual({ question: "woonvorm", operator: "equals", value: "a2" });
    const pageOf = (key: string) => definition.pages.findIndex((p) => p.questions.some((x) => x.key === key));
    expect(pageOf("huurder")).toBeGreaterThan(pageOf("woonvorm"));
    expect(q("lang", "open").showIf).toEqual({
      all: [
        {
          any: [
            { question: "stellingf", row: "sq001", operator: "equals", value: "ao03" },
            { question: "leeftijd", operator: "atLeast", value: 65 },
          ],
        },
        { question: "woonvorm", operator: "notEquals", value: "a3" },
      ],
    });
    expect(q("kort", "open").showIf).toEqual({
      all: [
        { question: "wensen", operator: "equals", value: "sq001" },
        { question: "wensen", operator: "countAtLeast", value: 1 },
      ],
    });
  });

  test("old-style conditions: scenarios or-ed, same field or-ed; the group's relevance added", () => {
    expect(q("oud", "open").showIf).toEqual({
      all: [
        { question: "leeftijd", operator: "greaterThan", value: 17 },
        {
          any: [
            { question: "wijk", operator: "anyOf", value: ["a1", "a2"] },
            { question: "wensen", operator: "equals", value: "sq003" },
          ],
        },
      ],
    });
  });

  test("the result is a valid definition whose conditions only look back", () => {
    expect(surveyDefinitionSchema.safeParse(definition).success).toBe(true);
    const seen = new Set<string>();
    for (const page of definition.pages) {
      for (const x of page.questions)
        if (x.showIf)
          for (const t of conditionTests(x.showIf)) expect(seen.has(t.question), x.key).toBe(true);
      for (const x of page.questions) seen.add(x.key);
    }
  });
});

describe("refused files get one clear Dutch message", () => {
  test.each([
    ["broken-truncated.lss", "notXml", /beschadigd of niet compleet/],
    ["entity-declaration.lss", "doctype", /DOCTYPE- of ENTITY/],
    ["external-entity.lss", "doctype", /DOCTYPE- of ENTITY/],
    ["not-limesurvey.lss", "notLimeSurvey", /geen enquête-export van LimeSurvey/],
    ["question-only.lss", "notSurvey", /geen hele enquête/],
  ])("%s", (file, reason, message) => {
    const outcome = importLss(fixture(file));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(outcome.message).toMatch(message);
    }
  });

  test("empty, not XML at all, and too large", () => {
    expect(importLss("")).toMatchObject({ ok: false, reason: "empty" });
    expect(importLss("PK\u0003\u0004 zip")).toMatchObject({ ok: false, reason: "notXml" });
    expect(importLss("<document>".padEnd(MAX_LSS_BYTES + 1, " "))).toMatchObject({
      ok: false,
      reason: "tooLarge",
    });
  });

  test("an entity reference without a declaration is refused, not expanded", () => {
    const src = fixture("survey-new-layout.lss").replace(
      "<LimeSurveyDocType>Survey",
      "<LimeSurveyDocType>&xxe;Survey",
    );
    expect(importLss(src)).toMatchObject({ ok: false, reason: "notXml" });
  });
});

describe("question HTML", () => {
  test("keeps headings, paragraphs, lists, bold and safe links as text; drops the rest", () => {
    const r = cleanHtml(
      '<h3>Kop</h3><p style="color:red" onclick="x()">Een <strong>vet</strong> woord en <a href="javascript:alert(1)">dit</a>.</p><iframe src="https://x"></iframe><ol><li>een</li><li>twee</li></ol><img src="https://x/y.png">',
    );
    expect(r.text).toBe("Kop\n\nEen vet woord en dit.\n1. een\n2. twee");
    expect(r.dropped.sort()).toEqual(["handler", "iframe", "image", "script", "style"]);
  });
  test("entities are decoded once", () => {
    expect(cleanHtml("Tom &amp; Jerry &lt;b&gt;").text).toBe("Tom & Jerry <b>");
  });
});

describe("robustness: mutated files never throw, they import or are refused", () => {
  const sources = [fixture("survey-new-layout.lss"), fixture("survey-old-layout.lss")];
  // A small deterministic generator, so a failure can be repeated.
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const mutations: ((s: string) => string)[] = [
    (s) => s.slice(0, Math.floor(random() * s.length)),
    (s) => {
      const at = Math.floor(random() * s.length);
      return s.slice(0, at) + s.slice(at + Math.floor(random() * 200));
    },
    (s) => {
      const at = Math.floor(random() * s.length);
      return (
        s.slice(0, at) +
        ["<", ">", "&", "]]>", "<row>", "</rows>", '"', "\u0000", "<![CDATA["][Math.floor(random() * 9)] +
        s.slice(at)
      );
    },
    (s) => s.replace(/<!\[CDATA\[[^\]]*\]\]>/g, (m) => (random() < 0.05 ? "<![CDATA[]]>" : m)),
    (s) =>
      s.replace(/<(type|parent_qid|gid|scale_id|relevance|language)><!\[CDATA\[[^\]]*\]\]>/g, (m, tag) =>
        random() < 0.1
          ? `<${tag}><![CDATA[${["", "0", "999", "Z", "1 + (", "nl", "X"][Math.floor(random() * 7)]}]]>`
          : m,
      ),
  ];
  // Each import is a few milliseconds; the generous timeout is for the shared, loaded test machine.
  test("120 mutations", { timeout: 120_000 }, () => {
    let imported = 0;
    let refused = 0;
    for (let i = 0; i < 120; i++) {
      const source = sources[i % 2]!;
      const mutated = mutations[i % mutations.length]!(source);
      const outcome = importLss(mutated);
      if (outcome.ok) {
        imported++;
        expect(surveyDefinitionSchema.safeParse(outcome.definition).success).toBe(true);
      } else {
        refused++;
        expect(outcome.message.length).toBeGreaterThan(20);
      }
    }
    expect(imported + refused).toBe(120);
    expect(imported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("export and round trip", () => {
  const woonvisie = surveyDefinitionSchema.parse(woonvisieDefinition);
  test("import(export(Woonvisie)) gives back the same definition", () => {
    const { xml } = exportLss(woonvisie);
    const back = importLss(xml);
    expect(back.ok).toBe(true);
    if (back.ok)
      expect(JSON.parse(JSON.stringify(back.definition))).toEqual(JSON.parse(JSON.stringify(woonvisie)));
  });
  test("the export report names what LimeSurvey cannot show", () => {
    const { report } = exportLss(woonvisie);
    const notes = report.items.flatMap((i) => i.notes).join(" ");
    expect(notes).toMatch(/kerncijfers staan in LimeSurvey als tekst/);
    expect(notes).toMatch(/postcodevraag/);
    expect(notes).toMatch(/rapportcijfer/);
    expect(report.items.every((i) => i.status !== "asIs" || i.notes.length === 0)).toBe(true);
  });
  test("an imported survey exported again keeps its LimeSurvey codes and conditions", () => {
    const first = imported("survey-new-layout.lss").definition;
    const { xml } = exportLss(first);
    expect(xml).toContain('<![CDATA[woonvorm.NAOK == "A2"]]>');
    expect(xml).toContain("<![CDATA[SQ001]]>");
    const again = importLss(xml);
    expect(again.ok && JSON.parse(JSON.stringify(again.definition))).toEqual(
      JSON.parse(JSON.stringify(first)),
    );
  });
});
