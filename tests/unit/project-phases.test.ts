import { expect, test } from "vitest";
import {
  addDays,
  currentPhase,
  nextPhase,
  type PhaseDates,
  phaseStates,
  startsWithin,
} from "~/domain/projects/phases";
import { amsterdamDay } from "../../app/lib/amsterdam-time";

const phase = (id: number, startsOn: string | null, endsOn: string | null, pinned = false) => ({
  id,
  position: id,
  startsOn,
  endsOn,
  pinned,
});
const woonvisie = [
  phase(1, "2026-01-05", "2026-03-31"),
  phase(2, "2026-04-01", "2026-06-30"),
  phase(3, "2026-09-01", "2026-11-30"),
  phase(4, "2027-01-15", null),
];

test("the current phase follows the dates: the phase furthest along that has started", () => {
  expect(currentPhase(woonvisie, "2026-02-10")?.id).toBe(1);
  expect(currentPhase(woonvisie, "2026-04-01")?.id).toBe(2);
  expect(currentPhase(woonvisie, "2027-03-01")?.id).toBe(4);
});

test("before the first start nothing is current and the first phase is next", () => {
  expect(currentPhase(woonvisie, "2025-12-31")).toBeNull();
  expect(nextPhase(woonvisie, "2025-12-31")?.id).toBe(1);
  expect(phaseStates(woonvisie, "2025-12-31").map((p) => p.state)).toEqual([
    "upcoming",
    "upcoming",
    "upcoming",
    "upcoming",
  ]);
});

test("between two phases the ended one stays current until the next starts", () => {
  expect(currentPhase(woonvisie, "2026-07-15")?.id).toBe(2);
  expect(nextPhase(woonvisie, "2026-07-15")?.id).toBe(3);
});

test("a pinned phase is current whatever the dates say", () => {
  const pinned = woonvisie.map((p) => (p.id === 3 ? { ...p, pinned: true } : p));
  expect(currentPhase(pinned, "2026-02-10")?.id).toBe(3);
  expect(phaseStates(pinned, "2026-02-10").map((p) => p.state)).toEqual([
    "done",
    "done",
    "current",
    "upcoming",
  ]);
  expect(nextPhase(pinned, "2026-02-10")?.id).toBe(4);
});

test("phases are taken in position order, not in the order given; undated phases never become current by date", () => {
  const [p1, p2, p3] = woonvisie as [PhaseDates, PhaseDates, PhaseDates];
  const shuffled = [p3, { ...phase(5, null, null), position: 0 }, p1, p2];
  expect(currentPhase(shuffled, "2026-05-01")?.id).toBe(2);
  expect(phaseStates(shuffled, "2026-05-01").map((p) => `${p.id}:${p.state}`)).toEqual([
    "5:done",
    "1:done",
    "2:current",
    "3:upcoming",
  ]);
});

test("the last phase has no next phase", () => {
  expect(nextPhase(woonvisie, "2027-06-01")).toBeNull();
});

test("starts soon: after today and within the window", () => {
  expect(startsWithin({ startsOn: "2026-09-01" }, "2026-08-20", 14)).toBe(true);
  expect(startsWithin({ startsOn: "2026-09-01" }, "2026-08-01", 14)).toBe(false);
  expect(startsWithin({ startsOn: "2026-09-01" }, "2026-09-01", 14)).toBe(false);
  expect(startsWithin({ startsOn: null }, "2026-09-01", 14)).toBe(false);
});

test("calendar days in Europe/Amsterdam, also around midnight and month ends", () => {
  expect(amsterdamDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  expect(amsterdamDay(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
  expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
  expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
});
