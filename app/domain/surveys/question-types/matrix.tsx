import type { QuestionOf } from "../definition";
import { Choice, Group, str } from "./parts";
import {
  DONT_KNOW_VALUE,
  fieldId,
  fieldName,
  first,
  messages,
  type QuestionProps,
  type ResidentPart,
} from "./shared";

/** Matrix: rows × one scale; "weet ik niet" is a value per row. */
export const matrix: ResidentPart<"matrix"> = {
  dontKnow: "perRow",
  validate(q, raw, { empty }) {
    const rows: Record<string, string | null> = {};
    const scale = new Set(q.scale.map((s) => s.value));
    for (const r of q.rows) {
      const v = first(raw, fieldName(q.key, r.value));
      if (!v) continue;
      if (v === DONT_KNOW_VALUE && q.allowDontKnow) rows[r.value] = null;
      else if (scale.has(v)) rows[r.value] = v;
      else return { error: messages.invalidChoice };
    }
    const answered = Object.keys(rows).length;
    if (answered === 0) return empty(messages.matrixIncomplete);
    if (q.required && answered < q.rows.length) return { error: messages.matrixIncomplete };
    return { value: { kind: "matrix", rows } };
  },
  Component: MatrixQuestion,
};

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
