import sharp from "sharp";
import { beforeEach, expect, test } from "vitest";
import { imageAttributes, widthsFor } from "../../app/domain/media/images";
import { describeImages, imageResponse, prepareImage, saveImage } from "../../app/domain/media/images.server";
import { getDb } from "../../app/lib/db.server";
import { resetDatabase } from "../support/db";

beforeEach(resetDatabase);

/** A JPEG with EXIF (camera, description and GPS location) and a rotation tag. */
async function photoWithExif(width = 1200, height = 800) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "TestCam", ImageDescription: "Raadhuisplein 1, thuis" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "52/1 21/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "4/1 37/1 0/1",
      },
    })
    .toBuffer();
}
const asFile = (bytes: Buffer | string, name: string, type = "image/jpeg") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

test("an upload is checked by its content: a PNG named .txt is accepted, text named .jpg is refused", async () => {
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  expect((await prepareImage(asFile(png, "notities.txt", "text/plain"))).ok).toBe(true);
  expect(await prepareImage(asFile("<svg></svg> not a photo", "foto.jpg"))).toEqual({
    ok: false,
    problem: "wrong_type",
  });
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
  expect(await prepareImage(asFile(svg, "logo.png", "image/png"))).toEqual({
    ok: false,
    problem: "wrong_type",
  });
  expect(await prepareImage(null)).toEqual({ ok: false, problem: "missing" });
});

test("more than 5 MB is refused before it is decoded", async () => {
  const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
  expect(await prepareImage(asFile(big, "groot.jpg"))).toEqual({ ok: false, problem: "too_large" });
});

test("EXIF and location are removed, the rotation is applied and the widths are stored", async () => {
  const prepared = await prepareImage(asFile(await photoWithExif(), "vakantie.jpg"));
  if (!prepared.ok) throw new Error(prepared.problem);
  const { image } = prepared;
  const source = await photoWithExif();
  expect(source.includes(Buffer.from("TestCam"))).toBe(true);
  // Orientation 6 turns 1200x800 into 800x1200.
  expect([image.width, image.height]).toEqual([800, 1200]);
  expect(image.variants.map((v) => v.width)).toEqual(widthsFor(800));
  for (const v of image.variants) {
    const meta = await sharp(v.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(v.bytes.includes(Buffer.from("TestCam"))).toBe(false);
    expect(v.bytes.includes(Buffer.from("Raadhuisplein"))).toBe(false);
  }
});

test("stored once per upload, served with srcset widths and a year-long cache", async () => {
  const db = getDb();
  const prepared = await prepareImage(asFile(await photoWithExif(2000, 1000), "a.jpg"));
  if (!prepared.ok) throw new Error(prepared.problem);
  const id = await saveImage(prepared.image, null, db);
  expect(await saveImage(prepared.image, null, db)).toBe(id);
  const described = (await describeImages([id], db)).get(id)!;
  const attrs = imageAttributes(described);
  expect(attrs.srcSet.split(", ")).toHaveLength(3); // rotated to 1000 wide: 320, 640, 1000
  expect(attrs.src).toBe(`/media/${id}/640.webp`);

  const ok = await imageResponse(id, "640.webp", db);
  expect(ok.status).toBe(200);
  expect(ok.headers.get("Content-Type")).toBe("image/webp");
  expect(ok.headers.get("Cache-Control")).toContain("max-age=31536000");
  expect((await sharp(Buffer.from(await ok.arrayBuffer())).metadata()).width).toBe(640);
  expect((await imageResponse(id, "641.webp", db)).status).toBe(404);
  expect((await imageResponse("not-an-id", "640.webp", db)).status).toBe(404);
  expect((await imageResponse(id, "../640.webp", db)).status).toBe(404);
});
