import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Heading } from "./content";
import { ErrorSummary, type FieldErrors } from "./form";

// One of several post forms on a page, in its own panel: the heading names the section, and the
// hidden `intent` tells the action which form was sent. Kept out of form.tsx so the survey page's
// bundle does not grow.
export function IntentFormPanel({
  id,
  title,
  intent,
  errors,
  intro,
  children,
}: {
  /** Id of the heading; the section is labelled by it. */
  id: string;
  title: ReactNode;
  intent: string;
  errors: FieldErrors;
  /** Shown between the heading and the error summary. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="wmh-panel wmh-form">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {intro}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </section>
  );
}
