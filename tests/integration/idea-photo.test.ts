import sharp from "sharp";
import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import * as detailRoute from "../../app/routes/beheer.initiatieven.$id";
import * as staffPhotoRoute from "../../app/routes/beheer.initiatieven.$id_.foto.$file";
import * as quickscanRoute from "../../app/routes/idee.nieuw";
import * as draftPhotoRoute from "../../app/routes/idee.nieuw_.foto.$file";
import * as followPhotoRoute from "../../app/routes/idee.volgen.$token_.foto.$file";
import * as publicRoute from "../../app/routes/initiatieven.$id";
import * as mediaRoute from "../../app/routes/media.$id.$file";
import { initiativePhotos, wijken } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run, testContext } from "../support/remix";

// The optional photo with an idea: uploaded on the quickscan's first step (multipart, no
// JavaScript needed), refused with a Dutch message at the field while the other input stays,
// private until staff publish it with the initiative.

beforeEach(async () => {
  await resetDatabase();
  await getDb()
    .insert(wijken)
    .values({ code: "W1", name: "Centrum", postcodes: ["2101"] });
});

const jpeg = (width = 900, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 60 } } })
    .withMetadata({ exif: { IFD0: { Make: "Camera", Copyright: "Piet" } } })
    .jpeg()
    .toBuffer();

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("photo", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return form;
}

async function postMultipart(form: FormData, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request("http://localhost/idee/nieuw", { method: "POST", body: form, headers });
  return run<{ errors: Record<string, string>; page: { values: Record<string, string> } }>(
    quickscanRoute.action,
    request,
  );
}

const idea = {
  stap: "idee",
  intent: "next",
  title: "Speeltuin",
  description: "Een schommel.",
  theme: "groen",
};

const steps: [string, Record<string, string | string[]>][] = [
  ["waar", { locationKind: "whole_town" }],
  ["wie", { partyCount: "few" }],
  ["gevolgen", { impact: "small", interests: "some", otherPlans: "no" }],
  ["regels", { publicSpace: "yes", permit: "no", policy: "fits" }],
  ["bijdrage", { timing: "this_year" }],
  ["gegevens", { name: "Piet", email: "piet@example.nl", consentContact: "ja" }],
  ["controleren", {}],
];

test("a wrong file type or a too large file gets a Dutch message at the field and keeps the other input", async () => {
  const wrong = await postMultipart(
    multipart(idea, { name: "idee.pdf", type: "application/pdf", bytes: Buffer.from("%PDF-1.4 no image") }),
  );
  expect(wrong.status).toBe(400);
  expect(wrong.data.errors.photo).toMatch(/geen JPG-, PNG- of WebP-afbeelding/);
  expect(wrong.data.page.values).toMatchObject({ title: "Speeltuin", description: "Een schommel." });

  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
  const tooLarge = await postMultipart(
    multipart(idea, { name: "groot.jpg", type: "image/jpeg", bytes: big }),
  );
  expect(tooLarge.status).toBe(400);
  expect(tooLarge.data.errors.photo).toMatch(/groter dan 5 MB/);
  expect(tooLarge.data.page.values.title).toBe("Speeltuin");
});

test("the photo goes with the idea, stays private, and is public only once staff publish it", async () => {
  const first = await postMultipart(
    multipart(
      { ...idea, photoAlt: "Het lege grasveld" },
      { name: "plek.jpg", type: "image/jpeg", bytes: await jpeg() },
    ),
  );
  expect(first.status).toBe(302);
  const cookie = first.headers.get("Set-Cookie")!.match(/wmh_quickscan=[^;]+/)![0];

  // The preview on the quickscan is served only with the draft's cookie.
  const preview = await run(draftPhotoRoute.loader, makeRequest("/idee/nieuw/foto/640.webp", { cookie }), {
    file: "640.webp",
  });
  expect(preview.status).toBe(200);
  const noCookie = await run(draftPhotoRoute.loader, makeRequest("/idee/nieuw/foto/640.webp"), {
    file: "640.webp",
  });
  expect(noCookie.status).toBe(404);

  let last: Awaited<ReturnType<typeof postMultipart>> | undefined;
  for (const [step, form] of steps) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ stap: step, intent: "next", ...form }))
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    last = await run(
      quickscanRoute.action,
      makeRequest("/idee/nieuw", { form: Object.fromEntries(body), cookie }),
    );
    expect(last.status, step).toBe(302);
  }
  const token = last!.location!.match(/\/idee\/volgen\/([^?]+)/)![1]!;
  const [photo] = await getDb().select().from(initiativePhotos);
  expect(photo).toMatchObject({ alt: "Het lege grasveld", published: false });
  const initiativeId = photo!.initiativeId;
  const imageId = photo!.imageId;

  // Stored without EXIF, served through the follow link and to staff, never on /media/.
  const viaFollow = await run(followPhotoRoute.loader, makeRequest(`/idee/volgen/${token}/foto/640.webp`), {
    token,
    file: "640.webp",
  });
  expect(viaFollow.status).toBe(200);
  expect(viaFollow.headers.get("Cache-Control")).toBe("private, max-age=3600");
  const res = await followPhotoRoute.loader({
    request: makeRequest(`/idee/volgen/${token}/foto/640.webp`),
    params: { token, file: "640.webp" },
    context: testContext,
  } as never);
  const meta = await sharp(Buffer.from(await (res as Response).arrayBuffer())).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.width).toBe(640);
  const wrongToken = await run(followPhotoRoute.loader, makeRequest("/idee/volgen/x/foto/640.webp"), {
    token: "x".repeat(43),
    file: "640.webp",
  });
  expect(wrongToken.status).toBe(404);
  const publicBefore = await run(mediaRoute.loader, makeRequest(`/media/${imageId}/640.webp`), {
    id: imageId,
    file: "640.webp",
  });
  expect(publicBefore.status).toBe(404);

  const { cookie: staffCookie } = await loginAs(["ambtenaar"]);
  const forStaff = await run(
    staffPhotoRoute.loader,
    makeRequest(`/beheer/initiatieven/${initiativeId}/foto/640.webp`, { cookie: staffCookie }),
    { id: initiativeId, file: "640.webp" },
  );
  expect(forStaff.status).toBe(200);
  const anonymous = await run(
    staffPhotoRoute.loader,
    makeRequest(`/beheer/initiatieven/${initiativeId}/foto/640.webp`),
    { id: initiativeId, file: "640.webp" },
  );
  expect(anonymous.status).not.toBe(200);

  // Publishing without the photo keeps it private; with the box ticked it is on the public page.
  const publish = (showPhoto: boolean) =>
    run(
      detailRoute.action,
      makeRequest(`/beheer/initiatieven/${initiativeId}`, {
        cookie: staffCookie,
        form: {
          intent: "publish",
          publicTitle: "Speeltuin",
          publicSummary: "Een schommel op het grasveld.",
          precision: "wijk",
          ...(showPhoto ? { showPhoto: "ja" } : {}),
        },
      }),
      { id: initiativeId },
    );
  expect((await publish(false)).status).toBe(302);
  const page1 = await run<{ photo: unknown }>(
    publicRoute.loader,
    makeRequest(`/initiatieven/${initiativeId}`),
    {
      id: initiativeId,
    },
  );
  expect(page1.data.photo).toBeNull();
  expect((await publish(true)).status).toBe(302);
  const page2 = await run<{ photo: { alt: string } | null }>(
    publicRoute.loader,
    makeRequest(`/initiatieven/${initiativeId}`),
    { id: initiativeId },
  );
  expect(page2.data.photo?.alt).toBe("Het lege grasveld");
  const publicAfter = await run(mediaRoute.loader, makeRequest(`/media/${imageId}/640.webp`), {
    id: imageId,
    file: "640.webp",
  });
  expect(publicAfter.status).toBe(200);

  // Off the map: private again.
  await run(
    detailRoute.action,
    makeRequest(`/beheer/initiatieven/${initiativeId}`, {
      cookie: staffCookie,
      form: { intent: "unpublish" },
    }),
    { id: initiativeId },
  );
  const publicOff = await run(mediaRoute.loader, makeRequest(`/media/${imageId}/640.webp`), {
    id: imageId,
    file: "640.webp",
  });
  expect(publicOff.status).toBe(404);
});
