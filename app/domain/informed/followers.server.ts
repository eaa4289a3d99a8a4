// "Blijf op de hoogte": entry points for routes (routes never touch the database themselves).
// docs/informed-events.md.
import { asc } from "drizzle-orm";
import { projects } from "../../../db/schema";
import { getDb } from "../../lib/db.server";
import type { Actor } from "../audit/audit.server";
import {
  confirmFollow,
  pendingFollow,
  requestFollow,
  unsubscribeFollower,
  unsubscribeTokenValid,
} from "./follow.server";
import { followerOverview, handleMailingPost } from "./mailings.server";

export const followerPages = {
  request: (form: FormData) => requestFollow(form, getDb()),
  pending: (token: string) => pendingFollow(token, getDb()),
  confirm: (token: string) => confirmFollow(token, getDb()),
  unsubscribeValid: (token: string) => unsubscribeTokenValid(token, getDb()),
  unsubscribe: (token: string) => unsubscribeFollower(token, getDb()),
  overview: () => followerOverview(getDb()),
  mailing: (actor: Actor, form: FormData) => handleMailingPost(actor, form, getDb()),
  projectOptions: () =>
    getDb().select({ id: projects.id, title: projects.title }).from(projects).orderBy(asc(projects.title)),
};
