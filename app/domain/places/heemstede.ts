// Heemstede on the map: where the maps open and the area a point must lie in. Browser-safe and
// without imports: the survey page and the quickscan check points against these bounds.

/** Heemstede as a whole fits the screen at this zoom. */
export const TOWN_ZOOM = 14;
/** Heemstede, for the initial view of the map. */
export const TOWN_CENTER: [number, number] = [52.3505, 4.6125];
/** A box around Heemstede (EPSG:4326): points outside it are not in Heemstede. */
export const HEEMSTEDE_BOUNDS = { south: 52.32, west: 4.57, north: 52.38, east: 4.67 } as const;
