import type { Executor } from "../../lib/db.server";

// Hook for the bijeenkomsten of the events context (issue 14, point 3), built on another branch.
// Until that table is merged this returns nothing; after the merge, this one function reads the
// upcoming bijeenkomsten (optionally of one project) for the project page and the home page.

export interface BijeenkomstSummary {
  id: number;
  title: string;
  startsAt: Date;
  place: string;
  href: string;
  phaseId: number | null;
  projectSlug: string | null;
}

export async function upcomingBijeenkomsten(
  _db: Executor,
  _options: { projectId?: number; now?: Date; limit: number },
): Promise<BijeenkomstSummary[]> {
  return [];
}
