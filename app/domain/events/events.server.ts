// Bijeenkomsten: entry points for routes (routes never touch the database themselves). docs/informed-events.md.
import { getDb } from "../../lib/db.server";
import type { Actor } from "../audit/audit.server";
import {
  cancelRegistration,
  getPublicEvent,
  listUpcomingEvents,
  register,
  registrationByToken,
} from "./registration.server";
import {
  attendeesCsv,
  createEvent,
  handleStaffEventPost,
  listEventsForStaff,
  projectOptions,
  staffEvent,
} from "./staff-events.server";

export const eventPages = {
  publicEvent: (id: number) => getPublicEvent(id, getDb()),
  upcoming: () => listUpcomingEvents(getDb()),
  register: (id: number, form: FormData) => register(id, form, getDb()),
  registrationByToken: (token: string) => registrationByToken(token, getDb()),
  cancel: (token: string) => cancelRegistration(token, getDb()),
  staffList: () => listEventsForStaff(getDb()),
  staffEvent: (id: number) => staffEvent(id, getDb()),
  projectOptions: () => projectOptions(getDb()),
  create: (actor: Actor, form: FormData) => createEvent(actor, form, getDb()),
  staffPost: (actor: Actor, id: number, form: FormData) => handleStaffEventPost(actor, id, form, getDb()),
  attendeesCsv: (actor: Actor, id: number) => attendeesCsv(actor, id, getDb()),
};

/** A positive int4 id from a route parameter, or null. */
export function eventIdParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}
