import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, Heading, Paragraph } from "./content";
import { SubmitButton } from "./form";

/**
 * The page behind an unsubscribe link (news for followers, the digipanel): what unsubscribing means and
 * one button; after it, or for a link that is unknown or used, the confirmation. Texts per list.
 */
export function UnsubscribePage({
  done,
  heading,
  explanation,
  doneText,
  rejoin,
}: {
  /** Unsubscribed now, or nothing (left) to unsubscribe. */
  done: boolean;
  heading: string;
  explanation: string;
  doneText: string;
  /** The line under the confirmation, with a link to subscribe again. */
  rejoin: ReactNode;
}) {
  if (done)
    return (
      <div className="wmh-stack">
        <Heading level={1}>U bent afgemeld</Heading>
        <Alert type="ok">
          <Paragraph>{doneText}</Paragraph>
        </Alert>
        <Paragraph>{rejoin}</Paragraph>
      </div>
    );
  return (
    <div className="wmh-stack">
      <Heading level={1}>{heading}</Heading>
      <Paragraph>{explanation}</Paragraph>
      <Form method="post">
        <SubmitButton>Ja, meld mij af</SubmitButton>
      </Form>
    </div>
  );
}
