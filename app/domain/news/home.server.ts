import { type Executor, getDb } from "../../lib/db.server";
import { upcomingBijeenkomsten } from "../projects/hooks.server";
import { phasesStartingSoon } from "../projects/projects.server";
import { listPublicNews } from "./news.server";

/** The home page's Actueel (besides open surveys): newest news, upcoming bijeenkomsten, phases starting soon. */
export async function loadHomeActueel(db: Executor, now = new Date()) {
  const [news, bijeenkomsten, phases] = await Promise.all([
    listPublicNews(db, { page: 1, now, pageSize: 3, countTotal: false }),
    upcomingBijeenkomsten(db, { now, limit: 3 }),
    phasesStartingSoon(db, now),
  ]);
  return { news: news.rows, bijeenkomsten, phases };
}

export const homeActueel = () => loadHomeActueel(getDb());
