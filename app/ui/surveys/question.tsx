import { type ComponentType, type ReactNode, useCallback, useEffect, useState } from "react";
import { DONT_KNOW_VALUE, fieldId, fieldName, OTHER_VALUE, type RawValues } from "~/domain/surveys/answers";
import { AGREE_SCALE, DONT_KNOW_LABEL, OTHER_LABEL } from "~/domain/surveys/constants";
import type { Question, QuestionOf, QuestionType } from "~/domain/surveys/definition";
import { PointFields, pointFieldId } from "../map/point-fields";
import type { TileConfig } from "../map/types";
import { loadMapPointPicker } from "./load-map-point-picker";
import { mapPointLabels } from "./map-point-labels";
import type { SurveyPointPickerProps } from "./map-point-picker";

// Renders one survey question as plain HTML form fields (fieldset/legend for groups), so every
// type works without JavaScript. Only the ranking question adds buttons when JavaScript runs.

function str(values: RawValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}
function list(values: RawValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

function describedBy(id: string, description?: string, error?: string) {
  const ids = [description ? `${id}-uitleg` : null, error ? `${id}-fout` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Optional({ required }: { required: boolean }) {
  return required ? null : <span className="wmh-optional"> (niet verplicht)</span>;
}

function Help({ id, description, error }: { id: string; description?: string; error?: string }) {
  return (
    <>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
          <span className="wmh-visually-hidden">Fout: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function Group(props: { q: Question; error?: string; children: ReactNode; className?: string }) {
  const id = fieldId(props.q.key);
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wmh-question${props.error ? " utrecht-form-fieldset--invalid wmh-question--invalid" : ""}${props.className ? ` ${props.className}` : ""}`}
      aria-describedby={describedBy(id, props.q.description, props.error)}
      tabIndex={-1}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.q.text}
        <Optional required={props.q.required} />
      </legend>
      <Help id={id} description={props.q.description} error={props.error} />
      {props.children}
    </fieldset>
  );
}

function Choice(props: {
  id: string;
  name: string;
  value: string;
  label: ReactNode;
  multiple?: boolean;
  checked: boolean;
}) {
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--${props.multiple ? "checkbox" : "radio"} wmh-choice`}
    >
      <div className="utrecht-form-field__input">
        <input
          id={props.id}
          type={props.multiple ? "checkbox" : "radio"}
          name={props.name}
          value={props.value}
          defaultChecked={props.checked}
          className={
            props.multiple
              ? "utrecht-checkbox utrecht-checkbox--html-input"
              : "utrecht-radio-button utrecht-radio-button--html-input"
          }
        />
        <label
          htmlFor={props.id}
          className={`utrecht-form-label utrecht-form-label--${props.multiple ? "checkbox" : "radio"}`}
        >
          {props.label}
        </label>
      </div>
    </div>
  );
}

function OtherText({ q, values }: { q: Question; values: RawValues }) {
  const name = fieldName(q.key, OTHER_VALUE);
  return (
    <div className="utrecht-form-field wmh-other">
      <label className="utrecht-form-label" htmlFor={`${fieldId(q.key)}-anders-tekst`}>
        {OTHER_LABEL}:
      </label>
      <input
        id={`${fieldId(q.key)}-anders-tekst`}
        name={name}
        type="text"
        maxLength={200}
        defaultValue={str(values, name)}
        className="utrecht-textbox utrecht-textbox--html-input"
      />
    </div>
  );
}

function DontKnowBox({ q, values }: { q: Question; values: RawValues }) {
  if (!q.allowDontKnow) return null;
  const name = fieldName(q.key, DONT_KNOW_VALUE);
  return (
    <Choice
      id={`${fieldId(q.key)}-weetniet`}
      name={name}
      value="ja"
      label={DONT_KNOW_LABEL}
      multiple
      checked={str(values, name) !== ""}
    />
  );
}

function TextQuestion({
  q,
  values,
  error,
  kind,
}: {
  q: Question;
  values: RawValues;
  error?: string;
  kind: "open-multi" | "open" | "number" | "birthYear" | "postcode";
}) {
  const id = fieldId(q.key);
  const name = fieldName(q.key);
  const common = {
    id,
    name,
    defaultValue: str(values, name),
    "aria-invalid": error ? true : undefined,
    "aria-required": q.required || undefined,
    "aria-describedby": describedBy(id, q.description, error),
  };
  const maxLength = q.type === "open" ? q.maxLength : undefined;
  return (
    <div
      className={`utrecht-form-field wmh-question${error ? " utrecht-form-field--invalid wmh-question--invalid" : ""}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {q.text}
          <Optional required={q.required} />
        </label>
      </div>
      <Help id={id} description={q.description} error={error} />
      <div className="utrecht-form-field__input">
        {kind === "open-multi" ? (
          <textarea
            {...common}
            rows={5}
            maxLength={maxLength}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        ) : (
          <input
            {...common}
            type="text"
            maxLength={kind === "open" ? maxLength : kind === "postcode" ? 7 : 12}
            inputMode={kind === "number" || kind === "birthYear" ? "numeric" : undefined}
            autoComplete={kind === "postcode" ? "postal-code" : kind === "birthYear" ? "bday-year" : "off"}
            className={`utrecht-textbox utrecht-textbox--html-input${kind === "open" ? "" : " wmh-input-short"}`}
          />
        )}
        {q.type === "number" && q.unit ? <span className="wmh-unit"> {q.unit}</span> : null}
      </div>
      {q.allowDontKnow ? <DontKnowBox q={q} values={values} /> : null}
    </div>
  );
}

function RankingQuestion({
  q,
  values,
  error,
}: {
  q: QuestionOf<"ranking">;
  values: RawValues;
  error?: string;
}) {
  const top = q.top ?? q.items.length;
  const [ranks, setRanks] = useState<Record<string, string>>(() =>
    Object.fromEntries(q.items.map((i) => [i.value, str(values, fieldName(q.key, i.value))])),
  );
  const [enhanced, setEnhanced] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // With JavaScript the list itself shows the order; Hoger/Lager move an item and renumber the top.
  const [order, setOrder] = useState<string[]>(() => {
    const rank = (v: string) => Number(ranks[v]) || Number.POSITIVE_INFINITY;
    return q.items
      .map((i, index) => ({ v: i.value, index }))
      .sort((a, b) => rank(a.v) - rank(b.v) || a.index - b.index)
      .map((x) => x.v);
  });
  useEffect(() => setEnhanced(true), []);
  const shown = enhanced ? order.map((v) => q.items.find((i) => i.value === v)!) : q.items;

  function move(itemValue: string, delta: -1 | 1) {
    const values = [...order];
    const from = values.indexOf(itemValue);
    const to = from + delta;
    if (to < 0 || to >= values.length) return;
    [values[from], values[to]] = [values[to]!, values[from]!];
    setOrder(values);
    setRanks(Object.fromEntries(values.map((v, i) => [v, i < top ? String(i + 1) : ""])));
    const label = q.items.find((i) => i.value === itemValue)?.label ?? "";
    setAnnouncement(
      to < top ? `${label} staat nu op plaats ${to + 1}.` : `${label} staat nu niet meer in de top ${top}.`,
    );
    // Keep the keyboard focus on the item; at the top or bottom the other button (this one is disabled).
    const atEdge = to === 0 || to === values.length - 1;
    const direction = delta < 0 !== atEdge ? "omhoog" : "omlaag";
    requestAnimationFrame(() =>
      document.getElementById(`${fieldId(q.key)}-${itemValue}-${direction}`)?.focus(),
    );
  }

  return (
    <Group q={q} error={error} className="wmh-ranking">
      <p className="utrecht-paragraph wmh-hint">
        {enhanced
          ? `Gebruik de knoppen Hoger en Lager, of vul de nummers 1 tot en met ${top} in.`
          : `Vul bij ${top === q.items.length ? "elk onderwerp" : `${top} onderwerpen`} een nummer in: 1 is het belangrijkst.`}
      </p>
      <ol className="wmh-ranking__list">
        {shown.map((item, index) => {
          const inputId = `${fieldId(q.key)}-${item.value}`;
          return (
            <li key={item.value} className="wmh-ranking__item">
              <label className="utrecht-form-label" htmlFor={inputId}>
                {item.label}
              </label>
              <input
                id={inputId}
                name={fieldName(q.key, item.value)}
                type="number"
                inputMode="numeric"
                min={1}
                max={top}
                value={ranks[item.value] ?? ""}
                onChange={(e) => setRanks({ ...ranks, [item.value]: e.target.value })}
                className="utrecht-textbox utrecht-textbox--html-input wmh-input-rank"
                aria-describedby={describedBy(fieldId(q.key), q.description, error)}
              />
              {enhanced ? (
                <span className="wmh-ranking__buttons">
                  <button
                    type="button"
                    id={`${inputId}-omhoog`}
                    aria-label={`Hoger: ${item.label}`}
                    className="utrecht-button utrecht-button--secondary-action wmh-button-small"
                    onClick={() => move(item.value, -1)}
                    disabled={index === 0}
                  >
                    Hoger
                  </button>
                  <button
                    type="button"
                    id={`${inputId}-omlaag`}
                    aria-label={`Lager: ${item.label}`}
                    className="utrecht-button utrecht-button--secondary-action wmh-button-small"
                    onClick={() => move(item.value, 1)}
                    disabled={index === shown.length - 1}
                  >
                    Lager
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="wmh-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <DontKnowBox q={q} values={values} />
    </Group>
  );
}

interface QuestionProps<Q extends Question> {
  q: Q;
  values: RawValues;
  error?: string;
  /** Map tiles for the map-point question; without them it offers the list and the address only. */
  tiles?: TileConfig;
}

/** Radio buttons (single) or checkboxes (multiple), "anders, namelijk" and "weet ik niet". */
function ChoiceQuestion({ q, values, error }: QuestionProps<QuestionOf<"single" | "multiple">>) {
  const id = fieldId(q.key);
  const name = fieldName(q.key);
  const multiple = q.type === "multiple";
  const chosen = new Set(list(values, name));
  const options = [...q.options, ...(q.other ? [{ value: OTHER_VALUE, label: OTHER_LABEL }] : [])];
  return (
    <Group q={q} error={error}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          id={`${id}-${i}`}
          name={name}
          value={o.value}
          label={o.label}
          multiple={multiple}
          checked={chosen.has(o.value)}
        />
      ))}
      {q.other ? <OtherText q={q} values={values} /> : null}
      {q.allowDontKnow ? (
        <Choice
          id={`${id}-weetniet`}
          name={name}
          value={DONT_KNOW_VALUE}
          label={DONT_KNOW_LABEL}
          multiple={multiple}
          checked={chosen.has(DONT_KNOW_VALUE)}
        />
      ) : null}
    </Group>
  );
}

/** Eens/oneens (5 points) or a grade (1–10) as one row of radio buttons. */
function ScaleQuestion({ q, values, error }: QuestionProps<QuestionOf<"agree" | "grade">>) {
  const id = fieldId(q.key);
  const name = fieldName(q.key);
  const scale =
    q.type === "agree"
      ? AGREE_SCALE.map((s) => ({ value: String(s.value), label: s.label }))
      : Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  const chosen = str(values, name);
  return (
    <Group q={q} error={error} className={q.type === "grade" ? "wmh-scale wmh-scale--grade" : "wmh-scale"}>
      <div className="wmh-scale__options">
        {scale.map((s) => (
          <Choice
            key={s.value}
            id={`${id}-${s.value}`}
            name={name}
            value={s.value}
            label={s.label}
            checked={chosen === s.value}
          />
        ))}
      </div>
      {q.allowDontKnow ? (
        <Choice
          id={`${id}-weetniet`}
          name={name}
          value={DONT_KNOW_VALUE}
          label={DONT_KNOW_LABEL}
          checked={chosen === DONT_KNOW_VALUE}
        />
      ) : null}
    </Group>
  );
}

/** Rows × one scale, each row its own group of radio buttons. */
function MatrixQuestion({ q, values, error }: QuestionProps<QuestionOf<"matrix">>) {
  const id = fieldId(q.key);
  const scale = [...q.scale, ...(q.allowDontKnow ? [{ value: DONT_KNOW_VALUE, label: "Weet ik niet" }] : [])];
  return (
    <Group q={q} error={error} className="wmh-matrix">
      {q.rows.map((row) => {
        const rowName = fieldName(q.key, row.value);
        const chosen = str(values, rowName);
        return (
          <fieldset key={row.value} className="utrecht-form-fieldset wmh-matrix__row">
            <legend className="utrecht-form-fieldset__legend">{row.label}</legend>
            <div className="wmh-scale__options">
              {scale.map((s) => (
                <Choice
                  key={s.value}
                  id={`${id}-${row.value}-${s.value}`}
                  name={rowName}
                  value={s.value}
                  label={s.label}
                  checked={chosen === s.value}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
    </Group>
  );
}

/**
 * The render component of every question type: a Record over the type list, so a new type without
 * its component is a type error (question-types/index.ts holds the other parts).
 */
const questionComponents: { [T in QuestionType]: (props: QuestionProps<QuestionOf<T>>) => ReactNode } = {
  single: ChoiceQuestion,
  multiple: ChoiceQuestion,
  agree: ScaleQuestion,
  grade: ScaleQuestion,
  ranking: (p) => <RankingQuestion {...p} />,
  matrix: MatrixQuestion,
  open: (p) => <TextQuestion {...p} kind={p.q.multiline ? "open-multi" : "open"} />,
  number: (p) => <TextQuestion {...p} kind="number" />,
  birthYear: (p) => <TextQuestion {...p} kind="birthYear" />,
  postcode: (p) => <TextQuestion {...p} kind="postcode" />,
  mapPoint: (p) => <MapPointQuestion {...p} />,
};

export function SurveyQuestion(props: QuestionProps<Question>) {
  const Component = questionComponents[props.q.type] as (p: QuestionProps<Question>) => ReactNode;
  return <Component {...props} />;
}

/**
 * A place in Heemstede plus a comment: a list of places and an address field (always), and a point
 * on a map. Without JavaScript the point is two number fields; with JavaScript the point picker with
 * its Leaflet map replaces them once fetched (both lazily, so the survey page stays under 100 KB) and
 * fills in the same fields. The list choice wins on the server, so clicking the map clears it.
 */
function MapPointQuestion({
  q,
  values,
  error,
  tiles,
}: {
  q: QuestionOf<"mapPoint">;
  values: RawValues;
  error?: string;
  tiles?: TileConfig;
}) {
  const id = fieldId(q.key);
  const locationName = fieldName(q.key, "locatie");
  const addressName = fieldName(q.key, "adres");
  const commentName = fieldName(q.key, "opmerking");
  const latName = fieldName(q.key, "lat");
  const lngName = fieldName(q.key, "lng");
  const [picker, setPicker] = useState<{
    Picker: ComponentType<SurveyPointPickerProps>;
    lat: string;
    lng: string;
  } | null>(null);
  useEffect(() => {
    if (!tiles) return;
    let live = true;
    // On failure the number fields simply stay.
    loadMapPointPicker()
      .then((m) => {
        const typed = (name: string) =>
          (document.getElementById(pointFieldId(name)) as HTMLInputElement | null)?.value ?? "";
        if (live) setPicker({ Picker: m.default, lat: typed(latName), lng: typed(lngName) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tiles, latName, lngName]);
  const clearList = useCallback(() => {
    const select = document.getElementById(`${id}-locatie`) as HTMLSelectElement | null;
    if (select) select.value = "";
  }, [id]);
  const legend =
    q.locations.length > 0 || q.allowAddress ? mapPointLabels.mapLegend : mapPointLabels.mapLegendOnly;
  return (
    <Group q={q} error={error} className="wmh-mappoint">
      {q.locations.length > 0 ? (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${id}-locatie`}>
            {mapPointLabels.list}
          </label>
          <select
            id={`${id}-locatie`}
            name={locationName}
            defaultValue={str(values, locationName)}
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="">{mapPointLabels.noListChoice}</option>
            {q.locations.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {q.allowAddress ? (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${id}-adres`}>
            {q.locations.length > 0 ? mapPointLabels.addressAfterList : mapPointLabels.address}
          </label>
          <input
            id={`${id}-adres`}
            name={addressName}
            type="text"
            maxLength={200}
            autoComplete="off"
            defaultValue={str(values, addressName)}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
      ) : null}
      {picker && tiles ? (
        <picker.Picker
          latName={latName}
          lngName={lngName}
          legend={legend}
          description={mapPointLabels.mapDescription}
          defaultLat={picker.lat}
          defaultLng={picker.lng}
          tiles={tiles}
          onPicked={clearList}
        />
      ) : tiles ? (
        <PointFields
          latName={latName}
          lngName={lngName}
          legend={legend}
          description={mapPointLabels.mapDescription}
          defaultLat={str(values, latName).replace(".", ",")}
          defaultLng={str(values, lngName).replace(".", ",")}
        />
      ) : null}
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${id}-opmerking`}>
          {q.commentLabel} <span className="wmh-optional">(niet verplicht)</span>
        </label>
        <textarea
          id={`${id}-opmerking`}
          name={commentName}
          rows={3}
          maxLength={1000}
          defaultValue={str(values, commentName)}
          className="utrecht-textarea utrecht-textarea--html-textarea"
        />
      </div>
      <DontKnowBox q={q} values={values} />
    </Group>
  );
}
