import { describe, expect, test } from "vitest";
import { staffInitiativeFields, staffInitiativeSchema } from "../../app/domain/initiatives/staff-initiative";
import { parseForm } from "../../app/lib/forms";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("staff initiative form", () => {
  test("the public fields map onto what adding and editing save", () => {
    const parsed = parseForm(
      staffInitiativeSchema,
      form({
        titel: "Bankje",
        samenvatting: "Een bankje bij de vijver.",
        thema: "groen",
        status: "in_execution",
        breedtegraad: "52,35",
        lengtegraad: "4,62",
        wijk: "",
        gepubliceerd: "ja",
        naam: "Anna",
        email: "anna@voorbeeld.nl",
      }),
    );
    if (!parsed.ok) throw new Error("form should be valid");
    expect(staffInitiativeFields(parsed.data)).toEqual({
      title: "Bankje",
      summary: "Een bankje bij de vijver.",
      theme: "groen",
      status: "in_execution",
      lat: 52.35,
      lng: 4.62,
      wijkCode: null,
      featured: false,
      published: true,
    });
  });
});
