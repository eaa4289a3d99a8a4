import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeEach, expect, test } from "vitest";
import { prepareImage, saveImage } from "../../app/domain/media/images.server";
import { loadHomeActueel } from "../../app/domain/news/home.server";
import { getDb } from "../../app/lib/db.server";
import * as actueel from "../../app/routes/actueel._index";
import * as newsPage from "../../app/routes/actueel.$slug";
import * as feed from "../../app/routes/actueel[.]xml";
import * as staffNews from "../../app/routes/beheer.nieuws.$id";
import * as staffProject from "../../app/routes/beheer.projecten.$id";
import * as projectPage from "../../app/routes/meedenken_.$slug";
import { auditLog, events, newsItems, phaseSurveys, projectPhases, projects, surveys } from "../../db/schema";
import { seedProjects } from "../../db/seed/projects";
import { createStaff, loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

async function woonvisie() {
  const [p] = await getDb()
    .insert(projects)
    .values({ slug: "woonvisie", title: "Woonvisie Heemstede", isDemo: true })
    .returning();
  await seedProjects(getDb());
  return p!;
}

function multipart(path: string, fields: Record<string, string>, cookie: string, file?: File) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("image", file);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

const base = {
  title: "Bewonersavond over wonen",
  summary: "Kom praten over wonen.",
  body: "Tekst",
  publishMode: "now",
};

test("project page: phases with exactly one 'u bent hier', what comes next; unknown or draft project is a 404", async () => {
  await woonvisie();
  const page = await run<{ phases: { state: string }[]; next: { title: string } | null }>(
    projectPage.loader,
    makeRequest("/meedenken/woonvisie"),
    { slug: "woonvisie" },
  );
  expect(page.status).toBe(200);
  expect(page.data.phases.map((p) => p.state)).toEqual(["done", "current", "upcoming", "upcoming"]);
  expect(page.data.next?.title).toBe("Concept-Woonvisie");
  expect(
    (await run(projectPage.loader, makeRequest("/meedenken/bestaat-niet"), { slug: "bestaat-niet" })).status,
  ).toBe(404);
  await getDb().update(projects).set({ status: "draft" });
  expect(
    (await run(projectPage.loader, makeRequest("/meedenken/woonvisie"), { slug: "woonvisie" })).status,
  ).toBe(404);
});

test("staff publish a news item with an image: stored once on a double submit, audited, public with srcset", async () => {
  await woonvisie();
  const { cookie } = await loginAs(["ambtenaar"]);
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#369" } })
    .jpeg()
    .toBuffer();
  const fields = { ...base, imageAlt: "Bewoners in de raadzaal", submissionKey: "key-1" };
  const post = () =>
    run(
      staffNews.action,
      multipart("/beheer/nieuws/nieuw", fields, cookie, new File([new Uint8Array(photo)], "a.jpg")),
      { id: "nieuw" },
    );
  const [first, second] = await Promise.all([post(), post()]);
  expect(first.status).toBe(302);
  expect(second.location).toBe(first.location);
  const rows = await getDb().select().from(newsItems);
  expect(rows).toHaveLength(3); // two seeded demo items + one
  const created = rows.find((r) => r.submissionKey === "key-1")!;
  expect(created.imageId).not.toBeNull();
  const actions = (
    await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.id)))
  ).map((a) => a.action);
  expect(actions.sort()).toEqual(["news.created", "news.published"]);
  const shown = await run<{ image: { image: { widths: number[] } } }>(
    newsPage.loader,
    makeRequest(`/actueel/${created.slug}`),
    { slug: created.slug },
  );
  expect(shown.data.image.image.widths.sort((a, b) => a - b)).toEqual([320, 640, 900]);
});

test("home Actueel (one statement): newest public news with image widths, upcoming bijeenkomsten, phases starting soon", async () => {
  const db = getDb();
  const now = new Date("2026-06-15T10:00:00Z");
  const hour = 3_600_000;
  const day = 24 * hour;
  const [open] = await db
    .insert(projects)
    .values({ slug: "open", title: "Open", status: "active" })
    .returning();
  const [draft] = await db
    .insert(projects)
    .values({ slug: "concept", title: "Concept", status: "draft" })
    .returning();
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#369" } })
    .jpeg()
    .toBuffer();
  const prepared = await prepareImage(new File([new Uint8Array(photo)], "a.jpg"));
  if (!prepared.ok) throw new Error("image not prepared");
  const imageId = await saveImage(prepared.image, (await createStaff(["ambtenaar"])).id, db);
  await db.insert(newsItems).values([
    { slug: "oud", title: "Oud", summary: "s", publishAt: new Date(now.getTime() - 5 * hour) },
    { slug: "later", title: "Later", summary: "s", publishAt: new Date(now.getTime() + hour) },
    { slug: "concept", title: "Concept", summary: "s", publishAt: null },
    { slug: "weg", title: "Weg", summary: "s", publishAt: new Date(now.getTime() - hour), withdrawnAt: now },
    {
      slug: "foto",
      title: "Foto",
      summary: "s",
      projectId: open!.id,
      imageId,
      imageAlt: "Een foto",
      publishAt: new Date(now.getTime() - 2 * hour),
    },
    { slug: "nieuw", title: "Nieuw", summary: "s", publishAt: new Date(now.getTime() - hour) },
    { slug: "ouder", title: "Ouder", summary: "s", publishAt: new Date(now.getTime() - 9 * hour) },
  ]);
  const event = (title: string, startsIn: number, extra: Partial<typeof events.$inferInsert> = {}) => ({
    title,
    startsAt: new Date(now.getTime() + startsIn),
    endsAt: new Date(now.getTime() + startsIn + 2 * hour),
    address: `${title} 1, Heemstede`,
    capacity: 10,
    registrationDeadline: new Date(now.getTime() + startsIn),
    ...extra,
  });
  await db
    .insert(events)
    .values([
      event("Voorbij", -3 * hour),
      event("Bezig", -hour, { projectId: open!.id }),
      event("Afgelast", day, { status: "cancelled" }),
      event("Morgen", day + hour),
      event("Overmorgen", 2 * day),
      event("Volgende week", 7 * day),
    ]);
  const phase = (projectId: number, title: string, inDays: number) => ({
    projectId,
    title,
    position: inDays + 100,
    startsOn: new Date(now.getTime() + inDays * day).toISOString().slice(0, 10),
  });
  await db
    .insert(projectPhases)
    .values([
      phase(open!.id, "Gestart", -1),
      phase(open!.id, "Vandaag", 0),
      phase(open!.id, "Straks", 10),
      phase(draft!.id, "Verborgen", 5),
      phase(open!.id, "Daarna", 20),
      phase(open!.id, "Ver weg", 61),
    ]);
  const actueel = await loadHomeActueel(db, now);
  expect(actueel.news.map((n) => n.slug)).toEqual(["nieuw", "foto", "oud"]);
  const foto = actueel.news[1]!;
  expect(foto).toMatchObject({ projectSlug: "open", projectTitle: "Open", imageId, imageAlt: "Een foto" });
  expect(foto.image).toEqual({ id: imageId, width: 900, height: 600, widths: [320, 640, 900] });
  expect(foto.publishAt).toEqual(new Date(now.getTime() - 2 * hour));
  expect(actueel.news[0]!.image).toBeNull();
  expect(actueel.bijeenkomsten.map((b) => [b.title, b.projectSlug, b.place])).toEqual([
    ["Bezig", "open", "Bezig 1, Heemstede"],
    ["Morgen", null, "Morgen 1, Heemstede"],
    ["Overmorgen", null, "Overmorgen 1, Heemstede"],
  ]);
  expect(actueel.bijeenkomsten[0]!.startsAt).toEqual(new Date(now.getTime() - hour));
  expect(actueel.bijeenkomsten[0]!.href).toMatch(/^\/bijeenkomsten\/\d+$/);
  expect(actueel.phases).toEqual([
    {
      title: "Straks",
      startsOn: "2026-06-25",
      datesAreDemo: false,
      projectSlug: "open",
      projectTitle: "Open",
    },
    {
      title: "Daarna",
      startsOn: "2026-07-05",
      datesAreDemo: false,
      projectSlug: "open",
      projectTitle: "Open",
    },
  ]);
});

test("bad input: Dutch messages at the field, input kept, nothing stored", async () => {
  await woonvisie();
  const { cookie } = await loginAs(["beheerder"]);
  const before = (await getDb().select().from(newsItems)).length;
  const post = async (fields: Record<string, string>, file?: File) =>
    run<{ errors: Record<string, string>; values: Record<string, string> }>(
      staffNews.action,
      multipart("/beheer/nieuws/nieuw", fields, cookie, file),
      { id: "nieuw" },
    );
  const past = await post({ ...base, publishMode: "scheduled", publishAt: "2020-01-01T10:00" });
  expect(past.status).toBe(400);
  expect(past.data.errors.publishAt).toMatch(/al voorbij/);
  expect(past.data.values.title).toBe(base.title);
  const wrongType = await post(
    { ...base, imageAlt: "x" },
    new File(["gewoon tekst"], "foto.jpg", { type: "image/jpeg" }),
  );
  expect(wrongType.data.errors.image).toMatch(/geen JPG-, PNG- of WebP-afbeelding/);
  const tooLarge = await post(
    { ...base, imageAlt: "x" },
    new File([new Uint8Array(5 * 1024 * 1024 + 10)], "groot.jpg"),
  );
  expect(tooLarge.data.errors.image).toMatch(/groter dan 5 MB/);
  const unknownProject = await post({ ...base, projectId: "9999" });
  expect(unknownProject.data.errors.projectId).toMatch(/bestaat niet/);
  const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  const noAlt = await post(base, new File([new Uint8Array(png)], "a.png"));
  expect(noAlt.data.errors.imageAlt).toMatch(/Beschrijf/);
  expect((await getDb().select().from(newsItems)).length).toBe(before);
});

test("scheduled and withdrawn news are not public; /actueel pages and filters; Atom feed lists published items", async () => {
  const project = await woonvisie();
  const db = getDb();
  await db.insert(newsItems).values([
    { slug: "later", title: "Later", summary: "s", publishAt: new Date(Date.now() + 86_400_000) },
    {
      slug: "weg",
      title: "Weg",
      summary: "s",
      publishAt: new Date(Date.now() - 1000),
      withdrawnAt: new Date(),
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      slug: `los-${i}`,
      title: `Los ${i}`,
      summary: "s",
      publishAt: new Date(Date.now() - (i + 1) * 60_000),
    })),
  ]);
  for (const slug of ["later", "weg", "onbekend"])
    expect((await run(newsPage.loader, makeRequest(`/actueel/${slug}`), { slug })).status).toBe(404);
  const page1 = await run<{ total: number; items: unknown[]; pageCount: number }>(
    actueel.loader,
    makeRequest("/actueel"),
  );
  expect([page1.data.total, page1.data.items.length, page1.data.pageCount]).toEqual([14, 10, 2]);
  const filtered = await run<{ total: number }>(actueel.loader, makeRequest("/actueel?project=woonvisie"));
  expect(filtered.data.total).toBe(2);
  expect((await run(actueel.loader, makeRequest("/actueel?project=onbekend"))).status).toBe(404);
  expect((await run(actueel.loader, makeRequest("/actueel?pagina=9"))).status).toBe(404);
  const xml = await run<string>(feed.loader, makeRequest("/actueel.xml"));
  expect(xml.headers.get("Content-Type")).toContain("application/atom+xml");
  expect(xml.data.match(/<entry>/g)).toHaveLength(14);
  expect(xml.data).not.toContain("/actueel/later");
  expect(project.id).toBeGreaterThan(0);
});

test("staff phase form: end before start is refused at the field; pinning moves 'u bent hier' and is audited", async () => {
  const project = await woonvisie();
  const { cookie } = await loginAs(["ambtenaar"]);
  const page = await run<{ phases: { id: number }[] }>(
    staffProject.loader,
    makeRequest(`/beheer/projecten/${project.id}`, { cookie }),
    { id: String(project.id) },
  );
  const last = page.data.phases[3]!.id;
  const bad = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
    staffProject.action,
    makeRequest(`/beheer/projecten/${project.id}`, {
      cookie,
      form: {
        intent: "phase-update",
        phaseId: String(last),
        title: "Besluit",
        startsOn: "2027-05-01",
        endsOn: "2027-04-01",
      },
    }),
    { id: String(project.id) },
  );
  expect(bad.status).toBe(400);
  expect(bad.data.errors.endsOn).toMatch(/voor de begindatum/);
  expect(bad.data.values.startsOn).toBe("2027-05-01");
  const pin = await run(
    staffProject.action,
    makeRequest(`/beheer/projecten/${project.id}`, {
      cookie,
      form: { intent: "phase-pin", phaseId: String(last) },
    }),
    { id: String(project.id) },
  );
  expect(pin.status).toBe(302);
  // The redirect carries a code, and the page maps it to its own text.
  const back = pin.headers.get("Location") ?? "";
  expect(back).toBe(`/beheer/projecten/${project.id}?opgeslagen=phase-pinned`);
  const saved = await run<{ saved: string | null }>(staffProject.loader, makeRequest(back, { cookie }), {
    id: String(project.id),
  });
  expect(saved.data.saved).toBe("Deze fase is nu de huidige fase.");
  const publicPage = await run<{ phases: { state: string }[] }>(
    projectPage.loader,
    makeRequest("/meedenken/woonvisie"),
    { slug: "woonvisie" },
  );
  expect(publicPage.data.phases.map((p) => p.state)).toEqual(["done", "done", "done", "current"]);
  const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "project.phase_pinned"));
  expect(audits).toHaveLength(1);
});

test("staff project page: a crafted link cannot put its own text on the page; unknown codes show nothing", async () => {
  const project = await woonvisie();
  const { cookie } = await loginAs(["ambtenaar"]);
  const savedFor = async (query: string) =>
    (
      await run<{ saved: string | null }>(
        staffProject.loader,
        makeRequest(`/beheer/projecten/${project.id}${query}`, { cookie }),
        { id: String(project.id) },
      )
    ).data.saved;
  expect(await savedFor("?melding=Uw%20account%20is%20geblokkeerd.%20Bel%20020-1234567")).toBeNull();
  expect(await savedFor("?opgeslagen=Uw%20account%20is%20geblokkeerd")).toBeNull();
  expect(await savedFor("?opgeslagen=toString")).toBeNull();
  expect(await savedFor("?opgeslagen=project")).toBe("Het project is opgeslagen.");
  expect(await savedFor("")).toBeNull();
});

test("staff link surveys to a phase: only the project's own surveys, the choice replaces the earlier one, audited", async () => {
  const project = await woonvisie();
  const [other] = await getDb()
    .insert(projects)
    .values({ slug: "ander", title: "Ander project" })
    .returning();
  const [own, foreign] = await getDb()
    .insert(surveys)
    .values([
      { slug: "e2-fase", title: "Enquête bij de fase", projectId: project.id, status: "published" },
      { slug: "e2-ander", title: "Enquête van een ander project", projectId: other!.id, status: "published" },
    ])
    .returning();
  const { cookie } = await loginAs(["ambtenaar"]);
  const params = { id: String(project.id) };
  const page = await run<{ phases: { id: number; surveyIds: string[] }[]; surveys: { label: string }[] }>(
    staffProject.loader,
    makeRequest(`/beheer/projecten/${project.id}`, { cookie }),
    params,
  );
  expect(page.data.surveys.map((s) => s.label)).toContain("Enquête bij de fase");
  expect(page.data.surveys.map((s) => s.label)).not.toContain("Enquête van een ander project");
  const phase = page.data.phases[1]!.id;
  const post = (surveyIds: string[]) =>
    run<{ errors: Record<string, string> }>(
      staffProject.action,
      makeRequest(`/beheer/projecten/${project.id}`, {
        cookie,
        form: {
          intent: "phase-update",
          phaseId: String(phase),
          title: "Participatiesporen",
          surveys: surveyIds,
        },
      }),
      params,
    );
  const linksOf = async () =>
    (await getDb().select().from(phaseSurveys).where(eq(phaseSurveys.phaseId, phase))).map((l) => l.surveyId);

  const before = await linksOf();
  const refused = await post([String(own!.id), String(foreign!.id)]);
  expect(refused.status).toBe(400);
  expect(refused.data.errors.surveys).toBe("Kies alleen enquêtes van dit project.");
  expect(await linksOf()).toEqual(before); // nothing written

  expect((await post([String(own!.id)])).status).toBe(302);
  expect(await linksOf()).toEqual([own!.id]);
  expect(before).not.toContain(own!.id);
  expect((await post([])).status).toBe(302);
  expect(await linksOf()).toEqual([]);
  const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "project.phase_updated"));
  expect(audits.map((a) => (a.details as { surveys: number }).surveys)).toEqual([1, 0]);
});
