// The optional photo or sketch with an idea (quickscan step "foto"). The image rules themselves
// (types, 5 MB, widths, EXIF stripped) are the media module's; this file says where an initiative's
// private photo is served. Policy (docs/ideas.md): private until staff publish it with the initiative.

/** Longest description of the picture. */
export const PHOTO_ALT_MAX = 250;

/** The alt text when the resident described nothing: says what it is, never invents content. */
export const PHOTO_ALT_FALLBACK = "Foto of schets die de initiatiefnemer bij het idee stuurde";

/** The draft photo, on the quickscan's own pages (checked against the draft cookie). */
export const draftPhotoUrl = (_imageId: string, width: number) => `/idee/nieuw/foto/${width}.webp`;

/** The photo on the initiator's follow page (checked against the follow token). */
export const followPhotoUrl = (token: string) => (_imageId: string, width: number) =>
  `/idee/volgen/${token}/foto/${width}.webp`;

/** The photo on the staff pages (checked against the staff session). */
export const staffPhotoUrl = (initiativeId: string) => (_imageId: string, width: number) =>
  `/beheer/initiatieven/${initiativeId}/foto/${width}.webp`;
