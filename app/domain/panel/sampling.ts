// Stratified sampling for panel campaigns (issue 7): quotas per age group × wijk, sized so that
// the expected number of completes reaches the target at the expected response rate.

export interface Shares {
  [category: string]: number;
}

export function stratumKey(ageGroup: string, wijkCode: string): string {
  return `${ageGroup}|${wijkCode}`;
}

export function parseStratum(key: string): { ageGroup: string; wijkCode: string } {
  const [ageGroup = "", wijkCode = ""] = key.split("|");
  return { ageGroup, wijkCode };
}

/** Invitations needed: target completes divided by the expected response rate (percent), rounded up. */
export function invitationsNeeded(targetCompletes: number, responseRatePercent: number): number {
  if (targetCompletes <= 0 || responseRatePercent <= 0) return 0;
  return Math.ceil((targetCompletes * 100) / Math.min(responseRatePercent, 100));
}

/** Normalise counts to shares that add up to 1 (empty or zero input gives {}). */
export function toShares(counts: Record<string, number>): Shares {
  const total = Object.values(counts).reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0) return {};
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Math.max(0, v) / total]));
}

/**
 * Split `total` over keys in proportion to `weights` with the largest-remainder method, so the
 * parts are whole numbers that add up to exactly `total`. Ties go to the key that sorts first.
 */
export function allocate(total: number, weights: Record<string, number>): Record<string, number> {
  const keys = Object.keys(weights)
    .filter((k) => weights[k]! > 0)
    .sort();
  const sum = keys.reduce((a, k) => a + weights[k]!, 0);
  const out: Record<string, number> = {};
  if (sum <= 0 || total <= 0) return out;
  const exact = keys.map((k) => ({ k, v: (total * weights[k]!) / sum }));
  let given = 0;
  for (const { k, v } of exact) {
    out[k] = Math.floor(v);
    given += out[k];
  }
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (let i = 0; given < total && i < byRemainder.length; i++, given++) out[byRemainder[i]!.k]! += 1;
  return out;
}

/**
 * Quotas per stratum (age group × wijk). The population figures are known per dimension, so the
 * joint share is the product of the two marginal shares (independence assumption, docs/panel.md).
 */
export function computeQuotas(
  invitations: number,
  ageShares: Shares,
  wijkShares: Shares,
): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [age, a] of Object.entries(ageShares))
    for (const [wijk, w] of Object.entries(wijkShares)) weights[stratumKey(age, wijk)] = a * w;
  return allocate(invitations, weights);
}

export interface SamplePlan {
  /** Members to invite per stratum. */
  take: Record<string, number>;
  /** Strata where the panel has fewer members than the quota. */
  shortfall: Record<string, number>;
  total: number;
}

/** How many members to draw per stratum, given how many are available. */
export function planSample(quotas: Record<string, number>, available: Record<string, number>): SamplePlan {
  const take: Record<string, number> = {};
  const shortfall: Record<string, number> = {};
  let total = 0;
  for (const [key, quota] of Object.entries(quotas)) {
    const n = Math.min(quota, available[key] ?? 0);
    if (n > 0) take[key] = n;
    if (n < quota) shortfall[key] = quota - n;
    total += n;
  }
  return { take, shortfall, total };
}

/** Pick `n` items at random (Fisher-Yates on a copy); `random` is injectable for tests. */
export function pickRandom<T>(items: readonly T[], n: number, random: () => number = Math.random): T[] {
  const copy = [...items];
  const count = Math.min(n, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}
