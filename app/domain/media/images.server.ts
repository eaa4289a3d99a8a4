import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import sharp, { type Metadata } from "sharp";
import { mediaImages, mediaImageVariants } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import {
  ACCEPTED_FORMATS,
  type ImageProblem,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  parseVariantFile,
  type StoredImage,
  widthsFor,
} from "./images";

// Upload pipeline: check the content with sharp (magic bytes, not the file name or the browser's
// content type), drop all metadata (EXIF, GPS location, XMP, ICC), resize to the widths of
// images.ts, encode as WebP and store in PostgreSQL so every app server can serve them.

export interface PreparedImage {
  sourceHash: string;
  width: number;
  height: number;
  variants: Array<{ width: number; height: number; bytes: Buffer }>;
}

export type PrepareOutcome = { ok: true; image: PreparedImage } | { ok: false; problem: ImageProblem };

/**
 * Check and process an upload. CPU work only, no database: call it before opening the transaction
 * that saves the image together with whatever uses it.
 */
export async function prepareImage(file: File | Blob | null | undefined): Promise<PrepareOutcome> {
  if (!file || file.size === 0) return { ok: false, problem: "missing" };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, problem: "too_large" };
  const bytes = Buffer.from(await file.arrayBuffer());
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, problem: "wrong_type" };
  }
  if (!meta.format || !(ACCEPTED_FORMATS as readonly string[]).includes(meta.format))
    return { ok: false, problem: "wrong_type" };
  if (!meta.width || !meta.height) return { ok: false, problem: "unreadable" };
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) return { ok: false, problem: "too_many_pixels" };
  // EXIF orientation 5-8 swaps width and height once applied.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? meta.height : meta.width;
  const height = swap ? meta.width : meta.height;
  try {
    const variants = [];
    for (const w of widthsFor(width)) {
      // autoOrient applies the EXIF rotation; sharp writes no metadata unless asked (keepMetadata).
      const out = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false })
        .autoOrient()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: out.info.width, height: out.info.height, bytes: out.data });
    }
    const sourceHash = createHash("sha256").update(bytes).digest("hex");
    return { ok: true, image: { sourceHash, width, height, variants } };
  } catch {
    return { ok: false, problem: "unreadable" };
  }
}

/**
 * Store a prepared image (inside the caller's transaction). The same upload twice (a double submit,
 * or the same photo again) finds the stored image instead of writing a second copy. `isPublic: false`
 * keeps it off /media/ (a resident's photo with an idea); storing the same bytes again as public (staff
 * chose to publish those exact bytes) makes the stored image public.
 */
export async function saveImage(
  image: PreparedImage,
  actorId: string | null,
  db: Executor,
  options: { isPublic?: boolean } = {},
): Promise<string> {
  const isPublic = options.isPublic ?? true;
  const [inserted] = await db
    .insert(mediaImages)
    .values({
      sourceHash: image.sourceHash,
      width: image.width,
      height: image.height,
      createdBy: actorId,
      isPublic,
    })
    .onConflictDoNothing({ target: mediaImages.sourceHash })
    .returning({ id: mediaImages.id });
  if (!inserted) {
    const [existing] = await db
      .select({ id: mediaImages.id })
      .from(mediaImages)
      .where(eq(mediaImages.sourceHash, image.sourceHash));
    if (isPublic) await setImagePublic(existing!.id, true, db);
    return existing!.id;
  }
  await db.insert(mediaImageVariants).values(
    image.variants.map((v) => ({
      imageId: inserted.id,
      width: v.width,
      height: v.height,
      contentType: "image/webp",
      bytes: v.bytes,
    })),
  );
  return inserted.id;
}

/** Make an image reachable on /media/ (true) or only through routes that check who asks (false). */
export async function setImagePublic(imageId: string, isPublic: boolean, db: Executor) {
  await db.update(mediaImages).set({ isPublic }).where(eq(mediaImages.id, imageId));
}

/** One stored width of an image, for the media route; null when unknown (or private, unless allowed). */
export async function readImageVariant(
  imageId: string,
  width: number,
  db: Executor,
  options: { allowPrivate?: boolean } = {},
) {
  if (!/^[0-9a-f-]{36}$/i.test(imageId)) return null;
  const [row] = await db
    .select({
      contentType: mediaImageVariants.contentType,
      bytes: mediaImageVariants.bytes,
      isPublic: mediaImages.isPublic,
    })
    .from(mediaImageVariants)
    .innerJoin(mediaImages, eq(mediaImages.id, mediaImageVariants.imageId))
    .where(and(eq(mediaImageVariants.imageId, imageId), eq(mediaImageVariants.width, width)));
  if (!row || (!row.isPublic && !options.allowPrivate)) return null;
  return row;
}

/** Size and stored widths of these images, for building srcset attributes. */
export async function describeImages(imageIds: string[], db: Executor): Promise<Map<string, StoredImage>> {
  const ids = [...new Set(imageIds)];
  const result = new Map<string, StoredImage>();
  if (!ids.length) return result;
  const rows = await db
    .select({
      id: mediaImages.id,
      width: mediaImages.width,
      height: mediaImages.height,
      variantWidth: mediaImageVariants.width,
    })
    .from(mediaImages)
    .innerJoin(mediaImageVariants, eq(mediaImageVariants.imageId, mediaImages.id))
    .where(inArray(mediaImages.id, ids));
  for (const r of rows) {
    const image = result.get(r.id) ?? { id: r.id, width: r.width, height: r.height, widths: [] };
    image.widths.push(r.variantWidth);
    result.set(r.id, image);
  }
  return result;
}

/** The media route's answer for "/media/<id>/<file>": the image bytes, or a Dutch 404. */
export async function imageResponse(
  imageId: string,
  file: string,
  db: Executor = getDb(),
  options: { allowPrivate?: boolean } = {},
): Promise<Response> {
  const width = parseVariantFile(file);
  const variant = width ? await readImageVariant(imageId, width, db, options) : null;
  if (!variant) {
    return new Response("Deze afbeelding bestaat niet.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(new Uint8Array(variant.bytes), {
    headers: {
      "Content-Type": variant.contentType,
      "Content-Length": String(variant.bytes.length),
      // An id's content never changes: browsers and proxies may keep it for a year. A private image
      // (reached through a follow link or a staff page) stays out of shared caches.
      "Cache-Control": variant.isPublic ? "public, max-age=31536000, immutable" : "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
