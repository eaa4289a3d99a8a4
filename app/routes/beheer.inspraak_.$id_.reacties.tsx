import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { consultationStaff } from "~/domain/consultation/pages.server";
import { decisionLabels, themeLabel } from "~/domain/consultation/points";
import { publicRespondent } from "~/domain/consultation/reactions";
import { redactPersonalData } from "~/domain/insights/personal-data";
import { themeIds, themeLabels } from "~/domain/insights/themes";
import consultationCss from "~/ui/consultation.css?url";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationCss }];
export const meta: MetaFunction = () => [{ title: "Reacties - Inspraak - Beheer" }];

function idOf(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Dit document bestaat niet", { status: 404 });
  return id;
}

function options(request: Request) {
  const url = new URL(request.url);
  const version = Number(url.searchParams.get("versie")) || undefined;
  const sort = url.searchParams.get("sortering") === "thema" ? ("theme" as const) : ("paragraph" as const);
  return { version, sort };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.inspraak_.$id_.reacties"]);
  const opts = options(request);
  const page = await consultationStaff.reactions(idOf(params.id), opts);
  if (!page) throw new Response("Dit document bestaat niet", { status: 404 });
  return {
    id: page.doc.id,
    title: page.doc.title,
    sort: opts.sort,
    versions: page.versions.filter((v) => v.status === "published").map((v) => v.number),
    version: page.version
      ? { number: page.version.number, notaPublished: !!page.version.notaPublishedAt }
      : null,
    reactions: page.reactions.map((r) => ({
      id: r.id,
      paragraphLabel: r.paragraphLabel,
      who: publicRespondent(r),
      text: r.text,
      redacted: r.personalData.length ? redactPersonalData(r.text) : null,
      personalData: r.personalData,
      theme: r.theme,
      suggestedTheme: r.suggestedTheme,
      pointId: r.pointId,
    })),
    points: page.points.map((p) => ({
      id: p.id,
      summary: p.summary,
      paragraphLabel: p.paragraphLabel,
      theme: p.theme,
      answer: p.answer,
      decision: p.decision,
      reason: p.reason,
      changedParagraphId: p.changedParagraphId,
      changeNote: p.changeNote,
      reactionIds: p.reactionIds,
    })),
    later: page.later,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.inspraak_.$id_.reacties"]);
  const form = await request.formData();
  const version = Number(form.get("versie"));
  const outcome = await consultationStaff.reactionsPost(user, idOf(params.id), version, form);
  const intent = String(form.get("intent") ?? "");
  if (!outcome.ok)
    return data(
      { ok: false as const, intent, errors: outcome.errors, values: outcome.values, message: null },
      { status: outcome.status },
    );
  return { ok: true as const, intent, errors: {}, values: {}, message: outcome.message };
}

const decisionOptions = Object.entries(decisionLabels).map(([value, label]) => ({ value, label }));
const themeOptions = themeIds.map((t) => ({ value: String(t), label: themeLabels[t] }));

export default function StaffReactions() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const pointErrors = (id: number) =>
    failed && failed.intent === "answer" && String(failed.values.punt) === String(id) ? failed : null;
  const loose = d.reactions.filter((r) => r.pointId === null);
  const flagged = d.reactions.filter((r) => r.personalData.length);
  const base = `/beheer/inspraak/${d.id}/reacties`;
  const query = (sort: string, version?: number) =>
    `${base}?sortering=${sort}${version ? `&versie=${version}` : d.version ? `&versie=${d.version.number}` : ""}`;
  return (
    <div className="wmh-stack">
      <p>
        <Link to={`/beheer/inspraak/${d.id}`} className="utrecht-link">
          Terug naar het document
        </Link>
      </p>
      <Heading level={1}>Reacties op {d.title}</Heading>
      {!d.version ? (
        <Paragraph>Er is nog geen gepubliceerde versie, dus nog geen reacties.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Versie {d.version.number}: {d.reactions.length} bevestigde reacties, {d.points.length} punten.{" "}
            {d.versions.length > 1
              ? d.versions
                  .filter((n) => n !== d.version!.number)
                  .map((n) => (
                    <Link key={n} to={query(d.sort, n)} className="utrecht-link">
                      Naar versie {n}{" "}
                    </Link>
                  ))
              : null}
          </Paragraph>
          {d.version.notaPublished ? (
            <Alert type="info">De reactienota van deze versie is gepubliceerd. De punten liggen vast.</Alert>
          ) : null}
          {result?.ok ? <Alert type="ok">{result.message}</Alert> : null}
          {failed?.errors._form ? <Alert type="error">{failed.errors._form}</Alert> : null}

          <section aria-labelledby="los" className="wmh-stack">
            <Heading level={2} id="los">
              Reacties die nog niet in een punt staan ({loose.length})
            </Heading>
            <Paragraph>
              Gesorteerd op {d.sort === "theme" ? "thema" : "alinea"}.{" "}
              <Link to={query(d.sort === "theme" ? "paragraaf" : "thema")} className="utrecht-link">
                Sorteer op {d.sort === "theme" ? "alinea" : "thema"}
              </Link>
            </Paragraph>
            {d.version.notaPublished ? null : (
              <Form method="post">
                <input type="hidden" name="versie" value={d.version.number} />
                <input type="hidden" name="intent" value="suggest" />
                <SubmitButton variant="secondary">
                  Thema's voorstellen voor reacties zonder thema
                </SubmitButton>
              </Form>
            )}
            {loose.length === 0 ? (
              <Paragraph>Alle reacties staan in een punt.</Paragraph>
            ) : (
              <Form method="post" className="wmh-stack" noValidate>
                <input type="hidden" name="versie" value={d.version.number} />
                <ErrorSummary
                  errors={failed && ["merge", "theme"].includes(failed.intent) ? failed.errors : undefined}
                />
                <fieldset className="utrecht-form-fieldset" id="veld-reacties">
                  <legend className="utrecht-form-fieldset__legend">
                    Kies de reacties die bij elkaar horen
                  </legend>
                  {failed?.errors.reacties ? (
                    <p className="utrecht-form-field-error-message">{failed.errors.reacties}</p>
                  ) : null}
                  <ul className="wmh-plain-list wmh-stack">
                    {loose.map((r) => (
                      <li key={r.id} className="wmh-card">
                        <div className="utrecht-form-field utrecht-form-field--checkbox">
                          <div className="utrecht-form-field__input">
                            <input
                              id={`reactie-${r.id}`}
                              type="checkbox"
                              name="reacties"
                              value={r.id}
                              className="utrecht-checkbox utrecht-checkbox--html-input"
                            />
                            <label
                              htmlFor={`reactie-${r.id}`}
                              className="utrecht-form-label utrecht-form-label--checkbox"
                            >
                              Reactie {r.id} op{" "}
                              {r.paragraphLabel ? `alinea ${r.paragraphLabel}` : "het hele document"} ({r.who}
                              )
                            </label>
                          </div>
                        </div>
                        <p className="wmh-reaction-text">{r.text}</p>
                        <p className="wmh-meta">
                          Thema: {themeLabel(r.theme)}
                          {r.theme === null && r.suggestedTheme !== null
                            ? ` (voorstel: ${themeLabel(r.suggestedTheme)})`
                            : ""}
                          {r.personalData.length ? (
                            <>
                              {" "}
                              ·{" "}
                              <strong>Let op: mogelijk persoonsgegevens ({r.personalData.join(", ")})</strong>
                            </>
                          ) : null}
                        </p>
                      </li>
                    ))}
                  </ul>
                </fieldset>
                {d.version.notaPublished ? null : (
                  <>
                    <Heading level={3}>Samenvoegen tot één punt</Heading>
                    <TextArea
                      name="samenvatting"
                      label="Samenvatting van het punt"
                      description="Zo staat het punt in de reactienota. Geen namen of adressen."
                      required
                      rows={3}
                      defaultValue={String(failed?.values.samenvatting ?? "")}
                      error={failed?.errors.samenvatting}
                    />
                    {d.points.length ? (
                      <SelectField
                        name="punt"
                        label="Of voeg toe aan een bestaand punt"
                        placeholder="Nieuw punt"
                        options={d.points.map((p) => ({
                          value: String(p.id),
                          label: `Punt ${p.id}: ${p.summary.slice(0, 60)}`,
                        }))}
                        defaultValue={String(failed?.values.punt ?? "")}
                        error={failed?.errors.punt}
                      />
                    ) : null}
                    <div>
                      <SubmitButton name="intent" value="merge">
                        Samenvoegen tot één punt
                      </SubmitButton>
                    </div>
                    <Heading level={3}>Thema kiezen</Heading>
                    <SelectField
                      name="thema"
                      label="Thema voor de gekozen reacties"
                      placeholder="Kies een thema"
                      options={themeOptions}
                      defaultValue={String(failed?.values.thema ?? "")}
                      error={failed?.errors.thema}
                    />
                    <div>
                      <SubmitButton name="intent" value="theme" variant="secondary">
                        Thema opslaan
                      </SubmitButton>
                    </div>
                  </>
                )}
              </Form>
            )}
          </section>

          {flagged.length ? (
            <section aria-labelledby="persoonsgegevens" className="wmh-stack">
              <Heading level={2} id="persoonsgegevens">
                Nakijken op persoonsgegevens ({flagged.length})
              </Heading>
              <Paragraph>
                In deze reacties staan mogelijk persoonsgegevens. Inwoners zien de tekst pas als u hem hebt
                vrijgegeven.
              </Paragraph>
              {flagged.map((r) => (
                <Form key={r.id} method="post" className="wmh-card wmh-stack" noValidate>
                  <input type="hidden" name="versie" value={d.version!.number} />
                  <input type="hidden" name="intent" value="clear" />
                  <input type="hidden" name="reactie" value={r.id} />
                  <TextArea
                    id={`openbaar-${r.id}`}
                    name="openbaar"
                    label={`Openbare tekst van reactie ${r.id} (gevonden: ${r.personalData.join(", ")})`}
                    required
                    rows={4}
                    defaultValue={
                      failed?.intent === "clear" && String(failed.values.reactie) === String(r.id)
                        ? String(failed.values.openbaar ?? "")
                        : (r.redacted ?? r.text)
                    }
                    error={
                      failed?.intent === "clear" && String(failed.values.reactie) === String(r.id)
                        ? failed.errors.openbaar
                        : undefined
                    }
                  />
                  <div>
                    <SubmitButton variant="secondary">Tekst vrijgeven</SubmitButton>
                  </div>
                </Form>
              ))}
            </section>
          ) : null}

          <section aria-labelledby="punten" className="wmh-stack">
            <Heading level={2} id="punten">
              Punten ({d.points.length})
            </Heading>
            {d.points.length === 0 ? (
              <Paragraph>Nog geen punten. Voeg hierboven reacties samen.</Paragraph>
            ) : null}
            {d.points.map((p) => {
              const err = pointErrors(p.id);
              const v = err?.values;
              return (
                <article key={p.id} className="wmh-card wmh-stack" aria-labelledby={`punt-${p.id}`}>
                  <Heading level={3} id={`punt-${p.id}`}>
                    Punt {p.id} over {p.paragraphLabel ? `alinea ${p.paragraphLabel}` : "het hele document"}
                  </Heading>
                  <Paragraph>{p.summary}</Paragraph>
                  <details>
                    <summary>De reacties in dit punt ({p.reactionIds.length})</summary>
                    <ul>
                      {d.reactions
                        .filter((r) => r.pointId === p.id)
                        .map((r) => (
                          <li key={r.id}>
                            {r.who}: {r.text}
                          </li>
                        ))}
                    </ul>
                  </details>
                  <Form method="post" className="wmh-stack wmh-consultation-form" noValidate>
                    <input type="hidden" name="versie" value={d.version!.number} />
                    <input type="hidden" name="punt" value={p.id} />
                    <ErrorSummary
                      errors={err?.errors}
                      fieldIds={{
                        antwoord: `punt-${p.id}-antwoord`,
                        besluit: `punt-${p.id}-besluit`,
                        reden: `punt-${p.id}-reden`,
                        wijziging: `punt-${p.id}-wijziging`,
                      }}
                    />
                    <TextArea
                      id={`punt-${p.id}-antwoord`}
                      name="antwoord"
                      label="Antwoord"
                      required
                      rows={3}
                      defaultValue={String(v?.antwoord ?? p.answer)}
                      error={err?.errors.antwoord}
                    />
                    <ChoiceGroup
                      id={`punt-${p.id}-besluit`}
                      name="besluit"
                      label="Besluit"
                      required
                      options={decisionOptions}
                      defaultValue={String(v?.besluit ?? p.decision ?? "")}
                      error={err?.errors.besluit}
                    />
                    <TextArea
                      id={`punt-${p.id}-reden`}
                      name="reden"
                      label="Reden van het besluit"
                      required
                      rows={2}
                      defaultValue={String(v?.reden ?? p.reason)}
                      error={err?.errors.reden}
                    />
                    {d.later.length ? (
                      <SelectField
                        id={`punt-${p.id}-wijziging`}
                        name="wijziging"
                        label="Wijziging in de nieuwe versie"
                        placeholder="Geen alinea"
                        options={d.later.map((l) => ({ value: String(l.id), label: l.label }))}
                        defaultValue={String(v?.wijziging ?? p.changedParagraphId ?? "")}
                        error={err?.errors.wijziging}
                      />
                    ) : null}
                    <TextField
                      id={`punt-${p.id}-toelichting`}
                      name="toelichting"
                      label="Wat is er veranderd?"
                      description={
                        d.later.length
                          ? undefined
                          : "Maak een nieuwe versie om de alinea met de wijziging te kiezen."
                      }
                      defaultValue={String(v?.toelichting ?? p.changeNote)}
                      error={d.later.length ? undefined : err?.errors.wijziging}
                    />
                    {d.version!.notaPublished ? null : (
                      <div className="wmh-actions">
                        <SubmitButton name="intent" value="answer">
                          Antwoord opslaan
                        </SubmitButton>
                        <SubmitButton name="intent" value="dissolve" variant="subtle" formNoValidate>
                          Punt opheffen
                        </SubmitButton>
                      </div>
                    )}
                  </Form>
                </article>
              );
            })}
          </section>
        </>
      )}
    </div>
  );
}
