// The answers of a quickscan as people read them: label/value rows for the staff detail page and the print,
// and the check page's rows with the step to change each. Pure.

import { type OptionKey, optionLabel, type QuickscanAnswers } from "./quickscan-form";
import { parseAddressChoice } from "./quickscan-location";
import type { StepId } from "./quickscan-steps";
import { INITIATIVE_THEMES } from "./themes";

/** All answers as label/value pairs in form order, for the staff detail page and the print. */
export function answerRows(a: Partial<QuickscanAnswers>, wijkName?: (code: string) => string | undefined) {
  const list = (key: "parties" | "contribution", v: readonly string[] | undefined) =>
    v?.length ? v.map((x) => optionLabel(key, x)).join(", ") : "Niet ingevuld door de initiatiefnemer";
  const yes = (b: boolean | undefined) => (b ? "Ja" : "Nee");
  return [
    { label: "Titel", value: a.title ?? "" },
    { label: "Beschrijving", value: a.description ?? "" },
    { label: "Foto of schets", value: a.photoId ? `Ja${a.photoAlt ? `: ${a.photoAlt}` : ""}` : "Nee" },
    { label: "Waar", value: optionLabel("locationKind", a.locationKind) },
    ...(a.address ? [{ label: "Adres", value: a.address }] : []),
    ...(a.wijkCode ? [{ label: "Wijk", value: wijkName?.(a.wijkCode) ?? a.wijkCode }] : []),
    ...(a.locationKind === "point" && a.lat && a.lng
      ? [{ label: "Plek op de kaart", value: `breedtegraad ${a.lat}, lengtegraad ${a.lng}` }]
      : []),
    { label: "Wie doen er mee", value: list("parties", a.parties) },
    { label: "Hoeveel partijen", value: optionLabel("partyCount", a.partyCount) },
    { label: "Verandert de leefomgeving van anderen", value: optionLabel("impact", a.impact) },
    { label: "Botsende belangen", value: optionLabel("interests", a.interests) },
    { label: "Raakt andere plannen", value: optionLabel("otherPlans", a.otherPlans) },
    { label: "Openbare ruimte", value: optionLabel("publicSpace", a.publicSpace) },
    { label: "Vergunning nodig", value: optionLabel("permit", a.permit) },
    { label: "Past binnen de regels", value: optionLabel("policy", a.policy) },
    { label: "Eigen bijdrage", value: list("contribution", a.contribution) },
    { label: "Gevraagd budget", value: a.budget ? `€ ${a.budget.toLocaleString("nl-NL")}` : "Geen" },
    { label: "Wanneer beginnen", value: optionLabel("timing", a.timing) },
    { label: "Naam", value: a.name ?? "" },
    { label: "E-mailadres", value: a.email ?? "" },
    { label: "Telefoon", value: a.phone ?? "-" },
    { label: "Naam mag openbaar", value: yes(a.showName) },
    { label: "Precieze plek mag op de kaart", value: yes(a.allowExactLocation) },
  ];
}

/** What the check page says where the resident left a question open (they can add it with "Wijzig"). */
export const NOTHING_FILLED_IN = "U heeft hier niets ingevuld";

export interface CheckRow {
  /** The question as the resident read it. */
  label: string;
  value: string;
  /** The step to change this answer on ("Wijzig"). */
  step: StepId;
  /** The field the "Wijzig" link leads to, so the page opens at that question. */
  field: string;
}

/**
 * The answers as the check page shows them, in the order they were asked, with the step to change
 * each. Never coordinates: a point reads "Aangewezen op de kaart".
 */
export function checkRows(
  v: Record<string, unknown>,
  wijkName: (code: string) => string | undefined = () => undefined,
): CheckRow[] {
  const text = (k: string) => (typeof v[k] === "string" ? (v[k] as string).trim() : "");
  const many = (key: "parties" | "contribution") => {
    const x = v[key];
    const list = Array.isArray(x) ? x : x ? [x] : [];
    return list.length ? list.map((i) => optionLabel(key, i)).join(", ") : NOTHING_FILLED_IN;
  };
  const one = (key: OptionKey) => optionLabel(key, v[key]) || NOTHING_FILLED_IN;
  const yes = (k: string) => (v[k] === "ja" ? "Ja" : "Nee");
  const kind = v.locationKind;
  const choice = parseAddressChoice(text("addressChoice") || undefined);
  const place: CheckRow[] =
    kind === "address"
      ? [
          {
            label: "Adres of straat",
            value: choice?.label ?? text("address"),
            step: "plek",
            field: "address",
          },
        ]
      : kind === "wijk"
        ? [
            {
              label: "Wijk",
              value: wijkName(text("wijkCode")) ?? text("wijkCode"),
              step: "plek",
              field: "wijkCode",
            },
          ]
        : kind === "point"
          ? [{ label: "Plek op de kaart", value: "Aangewezen op de kaart", step: "plek", field: "lat" }]
          : [];
  const budget = text("budget").replace(/[€.\s]/g, "");
  return [
    { label: "Titel van uw idee", value: text("title"), step: "idee", field: "title" },
    { label: "Beschrijving", value: text("description"), step: "idee", field: "description" },
    {
      label: "Onderwerp",
      value: INITIATIVE_THEMES.find((t) => t.value === v.theme)?.label ?? "",
      step: "idee",
      field: "theme",
    },
    {
      label: "Foto of schets",
      value: text("photoId") ? `Toegevoegd${text("photoAlt") ? `: ${text("photoAlt")}` : ""}` : "Geen",
      step: "idee",
      field: "photo",
    },
    { label: "Waar is uw idee?", value: one("locationKind"), step: "waar", field: "locationKind" },
    ...place,
    { label: "Wie doen er mee, naast u?", value: many("parties"), step: "wie", field: "parties" },
    { label: "Hoeveel partijen doen er mee?", value: one("partyCount"), step: "wie", field: "partyCount" },
    {
      label: "Verandert uw idee de leefomgeving van anderen?",
      value: one("impact"),
      step: "gevolgen",
      field: "impact",
    },
    {
      label: "Denken mensen er verschillend over?",
      value: one("interests"),
      step: "gevolgen",
      field: "interests",
    },
    {
      label: "Raakt uw idee aan andere plannen?",
      value: one("otherPlans"),
      step: "gevolgen",
      field: "otherPlans",
    },
    {
      label: "Gebruikt uw idee openbare ruimte?",
      value: one("publicSpace"),
      step: "regels",
      field: "publicSpace",
    },
    { label: "Heeft u een vergunning nodig?", value: one("permit"), step: "regels", field: "permit" },
    { label: "Past uw idee binnen de regels?", value: one("policy"), step: "regels", field: "policy" },
    { label: "Wat draagt u zelf bij?", value: many("contribution"), step: "bijdrage", field: "contribution" },
    {
      label: "Hoeveel geld vraagt u?",
      value: /^\d+$/.test(budget) ? `€ ${Number(budget).toLocaleString("nl-NL")}` : "Geen geld",
      step: "bijdrage",
      field: "budget",
    },
    { label: "Wanneer wilt u beginnen?", value: one("timing"), step: "bijdrage", field: "timing" },
    { label: "Uw naam", value: text("name"), step: "gegevens", field: "name" },
    { label: "Uw e-mailadres", value: text("email"), step: "gegevens", field: "email" },
    {
      label: "Uw telefoonnummer",
      value: text("phone") || NOTHING_FILLED_IN,
      step: "gegevens",
      field: "phone",
    },
    {
      label: "De gemeente mag contact met u opnemen",
      value: yes("consentContact"),
      step: "gegevens",
      field: "consentContact",
    },
    { label: "Uw naam mag op de website", value: yes("showName"), step: "gegevens", field: "showName" },
    {
      label: "De precieze plek mag op de kaart",
      value: yes("allowExactLocation"),
      step: "gegevens",
      field: "allowExactLocation",
    },
  ];
}
