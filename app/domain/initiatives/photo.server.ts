import { and, eq, inArray, lt, notExists, sql } from "drizzle-orm";
import { initiativePhotos, mediaImages, newsItems } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { hit } from "../../lib/rate-limit.server";
import { imageProblemMessages, type StoredImage } from "../media/images";
import {
  describeImages,
  imageResponse,
  prepareImage,
  saveImage,
  setImagePublic,
} from "../media/images.server";
import { initiativeByFollowToken } from "./follow-links.server";

// Storage and serving of the photo with an idea. Uploaded on the quickscan's "foto" step (kept in
// the draft as photoId), attached to the initiative when it is sent, shown on the follow page and
// the staff page, and on the public page only when staff publish it.

/** Uploads per address per hour: the quickscan is open to anyone, so storage is limited. */
const UPLOAD_LIMIT = { windowSeconds: 3600, max: 20 };

export type PhotoUpload = { ok: true; imageId: string } | { ok: false; message: string };

/** Check, clean and store a resident's upload as a private image; a Dutch message when it is refused. */
export async function storeIdeaPhoto(file: File, clientIp: string, db: Executor): Promise<PhotoUpload> {
  const prepared = await prepareImage(file);
  if (!prepared.ok) return { ok: false, message: imageProblemMessages[prepared.problem] };
  const limited = await hit(`idee-foto:${clientIp}`, UPLOAD_LIMIT, db);
  if (!limited.allowed)
    return {
      ok: false,
      message: "U heeft in korte tijd veel foto's gestuurd. Probeer het over een uur opnieuw.",
    };
  const imageId = await saveImage(prepared.image, null, db, { isPublic: false });
  return { ok: true, imageId };
}

/** Attach the draft's photo to a new initiative (inside the submit transaction). */
export async function attachPhoto(
  initiativeId: string,
  photo: { imageId: string; alt: string | null },
  tx: Executor,
) {
  const [image] = await tx
    .select({ id: mediaImages.id })
    .from(mediaImages)
    .where(eq(mediaImages.id, photo.imageId));
  if (!image) return;
  await tx.insert(initiativePhotos).values({ initiativeId, imageId: photo.imageId, alt: photo.alt });
}

export interface InitiativePhoto {
  image: StoredImage;
  alt: string | null;
  published: boolean;
}

/** The initiative's photo with its sizes; null when there is none. */
export async function photoOf(initiativeId: string, db: Executor): Promise<InitiativePhoto | null> {
  const [row] = await db
    .select()
    .from(initiativePhotos)
    .where(eq(initiativePhotos.initiativeId, initiativeId));
  if (!row) return null;
  const image = (await describeImages([row.imageId], db)).get(row.imageId);
  return image ? { image, alt: row.alt, published: row.published } : null;
}

/** Sizes of a draft's photo, for the preview on the quickscan; null when unknown. */
export async function describeDraftPhoto(imageId: unknown, db: Executor): Promise<StoredImage | null> {
  if (typeof imageId !== "string" || !/^[0-9a-f-]{36}$/i.test(imageId)) return null;
  return (await describeImages([imageId], db)).get(imageId) ?? null;
}

/**
 * Show or hide the photo on the public initiative page (part of publishing, inside its transaction).
 * Hiding makes the image private again unless a news item uses the same picture.
 */
export async function setPhotoPublished(initiativeId: string, published: boolean, tx: Executor) {
  const [row] = await tx
    .update(initiativePhotos)
    .set({ published })
    .where(eq(initiativePhotos.initiativeId, initiativeId))
    .returning({ imageId: initiativePhotos.imageId });
  if (!row) return false;
  if (published) await setImagePublic(row.imageId, true, tx);
  else {
    const [usedByNews] = await tx
      .select({ id: newsItems.id })
      .from(newsItems)
      .where(eq(newsItems.imageId, row.imageId))
      .limit(1);
    const [publishedElsewhere] = await tx
      .select({ id: initiativePhotos.initiativeId })
      .from(initiativePhotos)
      .where(and(eq(initiativePhotos.imageId, row.imageId), eq(initiativePhotos.published, true)))
      .limit(1);
    if (!usedByNews && !publishedElsewhere) await setImagePublic(row.imageId, false, tx);
  }
  return true;
}

/** The photo of the idea behind a follow link; a Dutch 404 for anything else. */
export async function followPhotoResponse(token: string, file: string, db: Executor = getDb()) {
  const idea = await initiativeByFollowToken(token, db);
  const photo = idea ? await photoOf(idea.id, db) : null;
  return imageResponse(photo?.image.id ?? "", file, db, { allowPrivate: true });
}

/** The photo of an initiative for staff (the route checks the role first). */
export async function staffPhotoResponse(initiativeId: string, file: string, db: Executor = getDb()) {
  const photo = /^[0-9a-f-]{36}$/i.test(initiativeId) ? await photoOf(initiativeId, db) : null;
  return imageResponse(photo?.image.id ?? "", file, db, { allowPrivate: true });
}

/** The photo of the draft behind the quickscan cookie (the preview on the "foto" and check steps). */
export async function draftPhotoResponse(imageId: unknown, file: string, db: Executor = getDb()) {
  return imageResponse(typeof imageId === "string" ? imageId : "", file, db, { allowPrivate: true });
}

/**
 * Private images that nothing uses any more: uploaded with a quickscan draft that was never sent
 * (drafts live 14 days). Run by the daily cleanup job.
 */
export async function pruneUnusedPrivateImages(db: Executor = getDb()) {
  const unused = await db
    .select({ id: mediaImages.id })
    .from(mediaImages)
    .where(
      and(
        eq(mediaImages.isPublic, false),
        lt(mediaImages.createdAt, sql`now() - make_interval(days => 15)`),
        notExists(
          db.select({ x: sql`1` }).from(initiativePhotos).where(eq(initiativePhotos.imageId, mediaImages.id)),
        ),
        notExists(db.select({ x: sql`1` }).from(newsItems).where(eq(newsItems.imageId, mediaImages.id))),
      ),
    );
  if (unused.length)
    await db.delete(mediaImages).where(
      inArray(
        mediaImages.id,
        unused.map((u) => u.id),
      ),
    );
  return unused.length;
}
