import { describe, expect, test } from "vitest";
import { eventIcs } from "../../app/domain/events/ics";
import { capacityTooLow, eventFormSchema, placeFor, waitingListMoves } from "../../app/domain/events/rules";
import { type DigestItem, digestParagraphs, selectDigest } from "../../app/domain/informed/rules";
import { amsterdamToInstant, instantToAmsterdamLocal } from "../../app/lib/amsterdam-time";

describe("waiting list", () => {
  const w = (id: number, people: number) => ({ id, people });

  test("a registration fits or waits", () => {
    expect(placeFor(20, 19, 1)).toBe("confirmed");
    expect(placeFor(20, 20, 1)).toBe("waiting");
    expect(placeFor(20, 18, 3)).toBe("waiting");
  });

  test("free places go to the waiting list in order", () => {
    expect(waitingListMoves(10, 8, [w(1, 1), w(2, 1), w(3, 1)]).map((m) => m.id)).toEqual([1, 2]);
  });

  test("a group that does not fit is passed over, and keeps its turn", () => {
    expect(waitingListMoves(10, 8, [w(1, 3), w(2, 2), w(3, 1)]).map((m) => m.id)).toEqual([2]);
    expect(waitingListMoves(10, 7, [w(1, 3), w(2, 2)]).map((m) => m.id)).toEqual([1]);
  });

  test("no free places, nobody moves", () => {
    expect(waitingListMoves(10, 10, [w(1, 1)])).toEqual([]);
    expect(waitingListMoves(10, 12, [w(1, 1)])).toEqual([]);
  });

  test("capacity never below the confirmed number", () => {
    expect(capacityTooLow(9, 10)).toBe(true);
    expect(capacityTooLow(10, 10)).toBe(false);
  });
});

describe("Amsterdam times", () => {
  test("winter and summer time", () => {
    expect(amsterdamToInstant("2026-01-15T19:30")!.toISOString()).toBe("2026-01-15T18:30:00.000Z");
    expect(amsterdamToInstant("2026-07-15T19:30")!.toISOString()).toBe("2026-07-15T17:30:00.000Z");
    expect(instantToAmsterdamLocal(new Date("2026-07-15T17:30:00Z"))).toBe("2026-07-15T19:30");
  });
  test("impossible dates are refused", () => {
    expect(amsterdamToInstant("2026-02-30T19:30")).toBeNull();
    expect(amsterdamToInstant("morgen")).toBeNull();
  });
});

describe("staff form", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const valid = {
    title: "Bewonersavond",
    description: "Praat mee.",
    startsAt: "2026-03-10T19:30",
    endsAt: "2026-03-10T21:30",
    address: "Raadhuisplein 1",
    capacity: "80",
    registrationDeadline: "2026-03-09T12:00",
  };
  test("a valid form parses", () => {
    expect(eventFormSchema(now).safeParse(valid).success).toBe(true);
  });
  test("past dates, end before start and a late deadline are refused at the field", () => {
    const r = eventFormSchema(now).safeParse({
      ...valid,
      startsAt: "2026-02-10T19:30",
      endsAt: "2026-02-10T18:00",
      registrationDeadline: "2026-02-11T12:00",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => [i.path[0], i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["startsAt", "Deze datum ligt in het verleden."],
        ["endsAt", "Het einde ligt voor het begin."],
        ["registrationDeadline", "Aanmelden moet sluiten voordat de bijeenkomst begint."],
      ]),
    );
  });
});

describe(".ics", () => {
  test("one VEVENT in UTC with a stable UID, the place and the link", () => {
    const ics = eventIcs({
      eventId: 7,
      title: "Bewonersavond Woonvisie",
      description: "Praat mee over wonen.",
      startsAt: new Date("2026-03-10T18:30:00Z"),
      endsAt: new Date("2026-03-10T20:30:00Z"),
      address: "Raadhuisplein 1, Heemstede",
      lat: 52.3575,
      lng: 4.6201,
      url: "http://localhost:3000/bijeenkomsten/7",
      domain: "localhost",
    });
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain("UID:bijeenkomst-7@localhost");
    expect(ics).toContain("DTSTART:20260310T183000Z");
    expect(ics).toContain("DTEND:20260310T203000Z");
    expect(ics).toContain("LOCATION:Raadhuisplein 1\\, Heemstede");
    expect(ics).toContain("STATUS:CONFIRMED");
  });
});

describe("digest selection", () => {
  const item = (
    kind: DigestItem["kind"],
    projectId: number | null,
    at: string,
    title: string = kind,
  ): DigestItem => ({
    kind,
    projectId,
    title,
    url: `http://x/${title}`,
    at: new Date(at),
  });
  const items = [
    item("news", 1, "2026-03-02T10:00:00Z", "oud"),
    item("news", 1, "2026-03-04T10:00:00Z", "woon-nieuws"),
    item("event", 2, "2026-03-04T11:00:00Z", "groen-avond"),
    item("phase", 1, "2026-03-04T00:00:00Z", "fase"),
    item("news", null, "2026-03-04T09:00:00Z", "algemeen"),
    item("news", 1, "2026-03-06T10:00:00Z", "later"),
  ];
  const since = new Date("2026-03-03T08:00:00Z");
  const until = new Date("2026-03-05T08:00:00Z");

  test("a project follower gets only that project's new items, newest first", () => {
    const got = selectDigest({ wholeSite: false, projectIds: [1], since }, items, until);
    expect(got.map((i) => i.title)).toEqual(["woon-nieuws", "fase"]);
  });
  test("a whole-site follower gets everything new, including items without a project", () => {
    const got = selectDigest({ wholeSite: true, projectIds: [], since }, items, until);
    expect(got.map((i) => i.title)).toEqual(["groen-avond", "woon-nieuws", "algemeen", "fase"]);
  });
  test("nothing new, nothing to send", () => {
    expect(selectDigest({ wholeSite: true, projectIds: [], since: until }, items, until)).toEqual([]);
  });
  test("the text has a section per kind with each link in full", () => {
    const text = digestParagraphs(
      selectDigest({ wholeSite: true, projectIds: [], since }, items, until),
    ).join("\n\n");
    expect(text).toContain("Nieuws:\n- woon-nieuws\n  http://x/woon-nieuws");
    expect(text).toContain("Nieuwe bijeenkomsten:");
    expect(text).toContain("Een nieuwe fase begint:");
  });
});
