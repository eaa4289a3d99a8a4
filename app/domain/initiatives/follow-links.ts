// Follow links of initiators expire after this many days without use (docs/privacy.md).

/** Days a follow link keeps working after it was made or last opened. */
export const FOLLOW_LINK_IDLE_DAYS = 60;
