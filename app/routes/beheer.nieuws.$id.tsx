import { randomUUID } from "node:crypto";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { IMAGE_ACCEPT } from "~/domain/media/images";
import { newsState, publishModeLabels, publishModes } from "~/domain/news/news";
import {
  handleNewsSave,
  handleNewsWithdraw,
  newsProjectOptions,
  staffNewsItem,
} from "~/domain/news/news.server";
import { instantToAmsterdamLocal } from "~/lib/amsterdam-time";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph } from "~/ui/content";
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import informedCss from "~/ui/informed.css?url";
import { NewsImage } from "~/ui/news";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: informedCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.item ? "Bericht wijzigen" : "Nieuw bericht"} - Nieuws - Beheer` },
];

function parseId(raw: string | undefined): number | null | "bad" {
  if (raw === "nieuw") return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : "bad";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.nieuws.$id"]);
  const id = parseId(params.id);
  if (id === "bad") throw new Response("Dit bericht bestaat niet", { status: 404 });
  const found = id === null ? null : await staffNewsItem(id);
  if (id !== null && !found) throw new Response("Dit bericht bestaat niet", { status: 404 });
  const projects = await newsProjectOptions(true);
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  const item = found?.item;
  return {
    submissionKey: randomUUID(),
    saved: saved === "1",
    projects: projects.map((p) => ({ value: String(p.id), label: p.title })),
    item: item
      ? {
          id: item.id,
          slug: item.slug,
          title: item.title,
          summary: item.summary,
          body: item.body,
          projectId: item.projectId ? String(item.projectId) : "",
          imageAlt: item.imageAlt ?? "",
          publishAt: item.publishAt ? instantToAmsterdamLocal(item.publishAt) : "",
          state: newsState(item, new Date()),
          image: found?.image ?? null,
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.nieuws.$id"]);
  const id = parseId(params.id);
  if (id === "bad") throw new Response("Dit bericht bestaat niet", { status: 404 });
  const form = await request.formData();
  if (form.get("intent") === "withdraw" && id !== null) {
    await handleNewsWithdraw(user, id);
    throw redirect(`/beheer/nieuws/${id}?opgeslagen=1`);
  }
  const outcome = await handleNewsSave(user, id, form);
  if (outcome.ok) throw redirect(`/beheer/nieuws/${outcome.id}?opgeslagen=1`);
  if (outcome.status === 404) throw new Response("Dit bericht bestaat niet", { status: 404 });
  return data({ errors: outcome.errors, values: outcome.values }, { status: 400 });
}

const stateText = {
  draft: "Dit bericht is een concept. Inwoners zien het nog niet.",
  scheduled: "Dit bericht is ingepland. Inwoners zien het vanaf de gekozen datum en tijd.",
  published: "Dit bericht staat op de website.",
  withdrawn: "Dit bericht is teruggetrokken. Inwoners zien het niet meer.",
} as const;

export default function StaffNewsItem() {
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors: FieldErrors = posted?.errors ?? {};
  const values: FormValues = posted?.values ?? {};
  const v = (key: string, fallback = "") => (posted ? (str(values, key) ?? "") : fallback);
  const item = d.item;
  const mode = v(
    "publishMode",
    item?.state === "scheduled" ? "scheduled" : item?.state === "published" ? "now" : "draft",
  );
  return (
    <div className="wmh-stack wmh-form">
      <p>
        <Link to="/beheer/nieuws" className="utrecht-link">
          Terug naar nieuws
        </Link>
      </p>
      <Heading level={1}>{item ? "Bericht wijzigen" : "Nieuw bericht"}</Heading>
      {d.saved ? (
        <Alert type="ok" role="status">
          Opgeslagen.
        </Alert>
      ) : null}
      {item ? (
        <Paragraph>
          {stateText[item.state]}{" "}
          {item.state === "published" ? (
            <Link to={`/actueel/${item.slug}`} className="utrecht-link">
              Bekijk het bericht
            </Link>
          ) : null}
        </Paragraph>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="submissionKey" value={d.submissionKey} />
        <TextField
          name="title"
          label="Titel"
          required
          maxLength={150}
          defaultValue={v("title", item?.title)}
          error={errors.title}
        />
        <TextArea
          name="summary"
          label="Samenvatting"
          description="Eén of twee zinnen. Deze tekst staat in de lijst en op de startpagina."
          required
          rows={3}
          maxLength={300}
          defaultValue={v("summary", item?.summary)}
          error={errors.summary}
        />
        <TextArea
          name="body"
          label="Tekst"
          description="Lege regel = nieuwe alinea. U kunt ook gebruiken: ## Tussenkop, - opsomming, **vet** en [linktekst](https://…)."
          rows={10}
          defaultValue={v("body", item?.body)}
          error={errors.body}
        />
        <SelectField
          name="projectId"
          label="Project"
          options={d.projects}
          placeholder="Geen project"
          defaultValue={v("projectId", item?.projectId)}
          error={errors.projectId}
        />
        {item?.image ? (
          <div>
            <NewsImage image={item.image} alt={item.imageAlt} sizes="20rem" />
            <CheckboxField name="removeImage" label="Afbeelding verwijderen" value="1" />
          </div>
        ) : null}
        <FileField
          name="image"
          label={item?.image ? "Andere afbeelding" : "Afbeelding"}
          accept={IMAGE_ACCEPT}
          description="JPG, PNG of WebP, hoogstens 5 MB. Wij halen locatie- en cameragegevens uit de foto."
          error={errors.image}
        />
        <TextField
          name="imageAlt"
          label="Beschrijving van de afbeelding"
          description="Verplicht bij een afbeelding: wat staat erop? Voor wie de afbeelding niet kan zien."
          maxLength={250}
          defaultValue={v("imageAlt", item?.imageAlt)}
          error={errors.imageAlt}
        />
        <ChoiceGroup
          name="publishMode"
          label="Wanneer verschijnt het bericht?"
          options={publishModes.map((m) => ({ value: m, label: publishModeLabels[m] }))}
          defaultValue={mode}
          error={errors.publishMode}
          required
        />
        <TextField
          name="publishAt"
          type="datetime-local"
          label="Datum en tijd van publicatie"
          description="Alleen nodig bij 'Inplannen'."
          defaultValue={v("publishAt", item?.publishAt)}
          error={errors.publishAt}
        />
        <SubmitButton>Opslaan</SubmitButton>
      </Form>
      {item && item.state !== "withdrawn" && item.state !== "draft" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <SubmitButton variant="secondary">Bericht terugtrekken</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
