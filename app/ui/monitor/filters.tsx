// The filter form of the overview (public page and the gemeente's list in /beheer): a GET form, so every filter is in the URL and works without JavaScript.
import { Form } from "@remix-run/react";
import type { OverviewFilter } from "~/domain/monitor/forms";
import {
  STOPLICHTEN,
  stoplichtInfo,
  stoplichtWords,
  TERTIALEN,
  tertiaalMonths,
} from "~/domain/monitor/vocabulary";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <select
          id={id}
          name={name}
          defaultValue={value}
          className="utrecht-select utrecht-select--html-select"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function MonitorFilters({
  action,
  filter,
  years,
  themes,
  organisations,
  organisationAs = "trekker",
}: {
  action: string;
  filter: OverviewFilter;
  years: number[];
  themes: { id: number; label: string }[];
  organisations: { id: string; name: string; kind: string }[];
  /** "trekker" (public page, `?trekker=`) or "trekker of partij" (the gemeente's list, `?organisatie=`). */
  organisationAs?: "trekker" | "trekker_or_party";
}) {
  const byParty = organisationAs === "trekker_or_party";
  return (
    <Form
      method="get"
      action={action}
      className="wmh-monitor-filters"
      aria-label="Kies periode en filters"
      key={JSON.stringify(filter)}
    >
      <Select
        name="jaar"
        label="Jaar"
        value={String(filter.year)}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <Select
        name="tertiaal"
        label="Stand na tertiaal"
        value={String(filter.tertiaal)}
        options={TERTIALEN.map((t) => ({ value: String(t), label: `Tertiaal ${t} (${tertiaalMonths[t]})` }))}
      />
      <Select
        name="thema"
        label="Thema"
        value={filter.theme ? String(filter.theme) : ""}
        options={[
          { value: "", label: "Alle thema's" },
          ...themes.map((t) => ({ value: String(t.id), label: `${t.id}. ${t.label}` })),
        ]}
      />
      <Select
        name={byParty ? "organisatie" : "trekker"}
        label={byParty ? "Organisatie (trekker of partij)" : "Trekker"}
        value={(byParty ? filter.organisation : filter.trekker) ?? ""}
        options={[
          { value: "", label: byParty ? "Alle organisaties" : "Alle trekkers" },
          ...organisations
            .filter((o) => o.kind !== "tenant_organisation")
            .map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <Select
        name="stoplicht"
        label="Stoplicht"
        value={filter.stoplicht ? stoplichtWords[filter.stoplicht] : ""}
        options={[
          { value: "", label: "Alle stoplichten" },
          // The URL keeps the Dutch word (?stoplicht=groen).
          ...STOPLICHTEN.map((s) => ({ value: stoplichtWords[s], label: stoplichtInfo[s].label })),
        ]}
      />
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="filter-zoek">
            Zoek in de afspraken
          </label>
        </div>
        <div className="utrecht-form-field__input">
          <input
            id="filter-zoek"
            name="zoek"
            type="search"
            defaultValue={filter.q}
            maxLength={100}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
      </div>
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Toon afspraken
        </button>
      </div>
    </Form>
  );
}
