import type { ResponseChannel } from "../../../db/schema/surveys";

// How a response came in, as staff read it in results, weighting and the Woonvisie input report.
export const channelLabels: Record<ResponseChannel, string> = {
  open: "open link",
  panel: "digipanel",
  letter: "brief met code",
  papier: "papieren vragenlijst",
  bureau: "ingevoerd door een bureau",
};

/** The channels in the order results show them. */
export const channelOrder: readonly ResponseChannel[] = ["open", "panel", "letter", "papier", "bureau"];

export function channelLabel(channel: string): string {
  return channelLabels[channel as ResponseChannel] ?? channel;
}
