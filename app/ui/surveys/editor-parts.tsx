import type { SerializeFrom } from "@remix-run/node";
import { createContext, type ReactNode, useContext } from "react";
import type { FormValues } from "~/lib/forms";
import type { loader as surveyEditorLoader } from "~/routes/beheer.enquetes.$id";
import { Heading, Paragraph, TextLink } from "../content";

// Shared by the survey editor routes under /beheer/enquetes/:id (one route per editor).

export type SurveyEditorData = SerializeFrom<typeof surveyEditorLoader>;

/**
 * The survey as the editor layout (routes/beheer.enquetes.$id) loaded it, handed down by React
 * context rather than useRouteLoaderData: that hook would add itself to the framework chunk every
 * page loads, the survey page included (its JavaScript budget has no room).
 */
export const SurveyEditorContext = createContext<SurveyEditorData | null>(null);

export function useSurveyEditor(): SurveyEditorData {
  const d = useContext(SurveyEditorContext);
  if (!d) throw new Error("survey editor data missing");
  return d;
}

/** A posted or stored form value as text. */
export function formValue(values: FormValues | undefined, key: string, fallback = ""): string {
  const x = values?.[key];
  return Array.isArray(x) ? (x[0] ?? fallback) : (x ?? fallback);
}

export function BackToSurvey({ id }: { id: number }) {
  return (
    <Paragraph>
      <TextLink to={`/beheer/enquetes/${id}`}>Terug naar de enquête</TextLink>
    </Paragraph>
  );
}

export function EditorNotFound({ back }: { back: ReactNode }) {
  return (
    <div className="wmh-stack">
      <Heading level={1}>Niet gevonden</Heading>
      <Paragraph>
        Dit onderdeel bestaat niet (meer). Misschien heeft iemand anders het net veranderd.
      </Paragraph>
      {back}
    </div>
  );
}
