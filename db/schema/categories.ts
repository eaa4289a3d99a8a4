// Category codes stored in panel_members (and used as survey answer values). Plain constants, no
// drizzle: the domain (app/domain/population/categories.ts) and browser code import them too.

/** Housing tenure. The codes are the answer values of the survey's tenure question. */
export const tenures = ["koop", "sociale-huur", "particuliere-huur", "anders"] as const;

/** Household. The codes are the answer values of the survey's household question. */
export const households = ["alleenstaand", "paar", "gezin", "eenouder", "anders"] as const;
