// Agree (1–5) and grade (1–10) are both a fixed scale of radio buttons; they differ only in length.
import { AGREE_SCALE, DONT_KNOW_LABEL } from "../constants";
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

function scalePart<T extends "agree" | "grade">(length: number): ResidentPart<T> {
  const part: ResidentPart<"agree" | "grade"> = {
    dontKnow: "radio",
    validate(q, raw, { empty }) {
      const v = first(raw, fieldName(q.key));
      if (!v) return empty(messages.requiredChoice);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > length) return { error: messages.invalidChoice };
      return { value: { kind: "number", number: n } };
    },
    Component: ScaleQuestion,
  };
  // The part reads only what agree and grade share, so it holds for either.
  return part as unknown as ResidentPart<T>;
}

/** Eens/oneens op 5 punten. */
export const agree = scalePart<"agree">(AGREE_SCALE.length);
/** Rapportcijfer 1 tot en met 10. */
export const grade = scalePart<"grade">(10);

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
