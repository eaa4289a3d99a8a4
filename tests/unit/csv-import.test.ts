import { describe, expect, test } from "vitest";
import { checkCsv } from "../../app/domain/initiatives/csv-import";
import { parseCsv } from "../../app/lib/csv";

const options = {
  themes: ["groen", "verkeer"],
  statuses: ["in_execution", "realised"],
  wijkCodes: ["DEMO01"],
};

describe("CSV parsing", () => {
  test("quotes, doubled quotes, newlines in a field, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","regel 1\nregel 2"\r\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "regel 1\nregel 2"],
    ]);
  });

  test("semicolons, as Dutch spreadsheets save CSV", () => {
    expect(parseCsv("titel;breedtegraad\nBankje;52,35\n\n")).toEqual([
      ["titel", "breedtegraad"],
      ["Bankje", "52,35"],
    ]);
  });
});

describe("checking an import file", () => {
  const header = "titel;samenvatting;thema;status;breedtegraad;lengtegraad;wijk;uitgelicht;email";
  test("a valid file gives typed rows; Dutch decimals and ja/nee are understood", () => {
    const result = checkCsv(
      `${header}\nBankje;Een bank in het park;groen;in_uitvoering;52,35;4,61;demo01;ja;A@Voorbeeld.nl\nZebrapad;Oversteek;verkeer;gerealiseerd;;;;;`,
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]).toMatchObject({
      status: "in_execution",
      titel: "Bankje",
      breedtegraad: 52.35,
      lengtegraad: 4.61,
      wijk: "DEMO01",
      uitgelicht: true,
      email: "a@voorbeeld.nl",
      line: 2,
    });
    expect(result.rows[1]).toMatchObject({
      breedtegraad: null,
      lengtegraad: null,
      wijk: null,
      uitgelicht: false,
      email: null,
    });
  });

  test("errors per row with the line number a spreadsheet shows", () => {
    const result = checkCsv(
      `${header}\nGoed;Goed;groen;in_uitvoering;52.35;4.61;;;\n;Geen titel;paars;in_uitvoering;52.35;;;misschien;geen-mail`,
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.validCount).toBe(1);
    expect(result.rowErrors).toEqual([
      {
        line: 3,
        messages: [
          "De titel ontbreekt.",
          "Onbekend thema. Kies uit: groen, verkeer.",
          "Vul ja of nee in bij uitgelicht.",
          "Het e-mailadres klopt niet.",
          "Vul breedtegraad en lengtegraad allebei in, of allebei niet.",
        ],
      },
    ]);
  });

  test("a point outside the region is refused", () => {
    const result = checkCsv(`${header}\nA;B;groen;in_uitvoering;40;4.6;;;`, options);
    expect(result.ok).toBe(false);
  });

  test("missing and unknown columns are file errors", () => {
    const result = checkCsv("titel,onzin\nA,B", options);
    expect(result).toEqual({
      ok: false,
      fileErrors: [
        "Deze kolommen ontbreken: samenvatting, thema, status.",
        "Deze kolommen kennen wij niet: onzin.",
      ],
      rowErrors: [],
      validCount: 0,
    });
  });
});
