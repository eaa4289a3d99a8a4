// Shared image rules (issue 14): what an upload may be, which widths are stored, and how a page
// refers to them. Processing and storage are in images.server.ts.

/** Largest accepted upload. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Largest accepted picture area, so a small file cannot unpack into a huge bitmap. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Formats accepted, as sharp names them after reading the content (never the file name). */
export const ACCEPTED_FORMATS = ["jpeg", "png", "webp"] as const;
/** Widths stored for srcset; an image narrower than a width is stored at its own width instead. */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;
/** What `accept` on a file input should say. */
export const IMAGE_ACCEPT = "image/jpeg,image/png,image/webp";

export type ImageProblem = "missing" | "too_large" | "wrong_type" | "unreadable" | "too_many_pixels";

/** Dutch messages shown at the file field. */
export const imageProblemMessages: Record<ImageProblem, string> = {
  missing: "Kies een afbeelding.",
  too_large: "De afbeelding is groter dan 5 MB. Kies een kleiner bestand.",
  wrong_type: "Dit bestand is geen JPG-, PNG- of WebP-afbeelding. Kies een ander bestand.",
  unreadable: "Deze afbeelding kunnen we niet lezen. Kies een ander bestand.",
  too_many_pixels: "Deze afbeelding is te groot (te veel pixels). Kies een kleinere afbeelding.",
};

/** Dutch message for an alt text that is missing or too long; null when it is fine. */
export function altTextProblem(alt: string): string | null {
  const text = alt.trim();
  if (!text) return "Beschrijf wat er op de afbeelding staat (tekst voor wie de afbeelding niet ziet).";
  if (text.length > 250) return "Houd de beschrijving korter dan 250 tekens.";
  return null;
}

/** The widths to store for an image of this width: every standard width below it, plus its own width when smaller than the largest. */
export function widthsFor(originalWidth: number): number[] {
  const below = IMAGE_WIDTHS.filter((w) => w < originalWidth);
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  if (originalWidth <= largest) return [...below, originalWidth];
  return [...IMAGE_WIDTHS];
}

/** URL of one stored width. */
export function imageUrl(imageId: string, width: number): string {
  return `/media/${imageId}/${width}.webp`;
}

export interface StoredImage {
  id: string;
  widths: number[];
  width: number;
  height: number;
}

/** Attributes for an <img>: src (a middle width), srcset of every stored width, and the intrinsic size. */
export function imageAttributes(
  image: StoredImage,
  sizes = "(max-width: 40rem) 100vw, 40rem",
  /** Where each width is served; a private image goes through a route that checks who asks. */
  urlFor: (imageId: string, width: number) => string = imageUrl,
) {
  const widths = [...image.widths].sort((a, b) => a - b);
  const src = widths.find((w) => w >= 640) ?? widths[widths.length - 1]!;
  const largest = widths[widths.length - 1]!;
  return {
    src: urlFor(image.id, src),
    srcSet: widths.map((w) => `${urlFor(image.id, w)} ${w}w`).join(", "),
    sizes,
    width: largest,
    height: Math.round((image.height * largest) / image.width),
  };
}

/** Parse "<width>.webp" from the media route; null for anything else. */
export function parseVariantFile(file: string): number | null {
  const match = /^(\d{2,4})\.webp$/.exec(file);
  return match ? Number(match[1]) : null;
}
