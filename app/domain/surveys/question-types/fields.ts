// The form field names of survey answers: used by the resident part (render, validation) and the
// staff part (values for redisplay). Its own module so that the two parts share only this, not
// shared.ts (which the survey page would then load as a separate chunk).

export const DONT_KNOW_VALUE = "weetniet";
export const OTHER_VALUE = "anders";

/** Form field names: v_<key> for the main value, v_<key>__<sub> for rows, items and extras. */
export function fieldName(questionKey: string, sub?: string): string {
  return sub ? `v_${questionKey}__${sub}` : `v_${questionKey}`;
}
/** The id the error summary links to (the fieldset or the single input). */
export function fieldId(questionKey: string): string {
  return `vraag-${questionKey}`;
}
