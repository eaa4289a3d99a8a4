import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { type PopulationRow, parsePopulationCsv } from "~/domain/panel/composition";
import { wijkNames } from "~/domain/panel/members.server";
import { panelComposition, populationFigures, savePopulation } from "~/domain/panel/overview.server";
import { ageGroupLabel, ageGroups, tenureShortLabels, tenures } from "~/domain/population/categories";
import { Alert, DemoBadge, Heading, Paragraph, TextLink } from "~/ui/content";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form";
import panelCss from "~/ui/panel.css?url";
import { CompositionChart } from "~/ui/panel-composition-chart";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Bevolkingscijfers - Digipanel - Beheer" }];

async function categories() {
  const wijken = await wijkNames();
  return {
    age: ageGroups.map((c) => ({ value: c, label: ageGroupLabel(c) })),
    wijk: wijken.map((w) => ({ value: w.code, label: w.name })),
    tenure: tenures.map((c) => ({ value: c, label: tenureShortLabels[c] })),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.digipanel.bevolking"]);
  const [figures, cats, composition] = await Promise.all([
    populationFigures(),
    categories(),
    panelComposition(),
  ]);
  return { figures, categories: cats, composition };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.digipanel.bevolking"]);
  const form = await request.formData();
  const cats = await categories();
  const known = {
    age: cats.age.map((c) => c.value),
    wijk: cats.wijk.map((c) => c.value),
    tenure: cats.tenure.map((c) => c.value),
  };
  if (form.get("intent") === "csv") {
    const file = form.get("csv");
    const text = file && typeof file !== "string" ? await file.text() : String(form.get("csvText") ?? "");
    const parsed = parsePopulationCsv(text, known);
    if (parsed.errors.length)
      return data(
        { errors: { csv: parsed.errors.slice(0, 5).join(" ") } as Record<string, string>, values: {} },
        { status: 400 },
      );
    await savePopulation(user, parsed.rows, "csv");
    throw redirect("/beheer/digipanel?opgeslagen=bevolking");
  }
  const rows: PopulationRow[] = [];
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const dimension of ["age", "wijk", "tenure"] as const)
    for (const category of known[dimension]) {
      const name = `${dimension}:${category}`;
      const raw = String(form.get(name) ?? "")
        .trim()
        .replace(/\./g, "");
      values[name] = raw;
      if (raw === "") continue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) errors[name] = "Vul een heel getal in van 0 of meer.";
      else rows.push({ dimension, category, count: n });
    }
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  await savePopulation(user, rows, "entered");
  throw redirect("/beheer/digipanel?opgeslagen=bevolking");
}

const titles = { age: "Leeftijd", wijk: "Wijk", tenure: "Woning" } as const;

export default function Population() {
  const { figures, categories: cats, composition } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const current = (d: string, c: string) => figures.find((f) => f.dimension === d && f.category === c);
  const anyDemo = figures.some((f) => f.isDemo);
  return (
    <div className="wmh-stack">
      <Heading level={1}>Bevolkingscijfers</Heading>
      <Paragraph>
        Met deze aantallen inwoners vergelijken wij de samenstelling van het digipanel, en verdelen wij een
        steekproef over leeftijdsgroepen en wijken. Dezelfde cijfers gebruiken wij bij de resultaten van
        enquêtes: om te zien wie er meededen en om de antwoorden te wegen.{" "}
        <TextLink to="/beheer/digipanel">Terug naar Digipanel</TextLink>
      </Paragraph>
      {anyDemo ? (
        <Alert type="warning">
          <DemoBadge /> De cijfers met het label Demo zijn voorbeeldcijfers, geen echte cijfers van Heemstede.
          Vul de echte cijfers in of upload ze (bijvoorbeeld van CBS).
        </Alert>
      ) : null}
      <ErrorSummary
        errors={errors}
        fieldIds={Object.fromEntries(
          Object.keys(errors).map((k) => [k, k === "csv" ? "veld-csv" : `veld-${k}`]),
        )}
      />
      <Form method="post" noValidate className="wmh-form wmh-panel-form">
        <input type="hidden" name="intent" value="enter" />
        {(["age", "wijk", "tenure"] as const).map((d) => (
          <fieldset key={d} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {titles[d]}: aantal inwoners
            </legend>
            {cats[d].map((c) => {
              const name = `${d}:${c.value}`;
              const f = current(d, c.value);
              return (
                <TextField
                  key={name}
                  name={name}
                  id={`veld-${name}`}
                  label={
                    <>
                      {c.label}
                      {f?.isDemo ? (
                        <>
                          {" "}
                          <DemoBadge />
                        </>
                      ) : null}
                    </>
                  }
                  inputMode="numeric"
                  size="short"
                  required
                  defaultValue={
                    (actionData?.values as Record<string, string> | undefined)?.[name] ??
                    (f ? String(f.count) : "")
                  }
                  error={errors[name]}
                />
              );
            })}
          </fieldset>
        ))}
        <SubmitButton>Cijfers opslaan</SubmitButton>
      </Form>

      <section aria-labelledby="upload" className="wmh-form wmh-panel-form">
        <Heading level={2} id="upload">
          Cijfers uploaden als CSV
        </Heading>
        <Paragraph>
          Eén regel per groep: dimensie;categorie;aantal. Dimensie is leeftijd, wijk of woning. Bijvoorbeeld:
          leeftijd;16-29;4100 of wijk;{cats.wijk[0]?.value ?? "WK0397"};3200 of woning;koop;7600. De cijfers
          van een dimensie in het bestand vervangen de oude cijfers van die dimensie.
        </Paragraph>
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="intent" value="csv" />
          <div className={`utrecht-form-field${errors.csv ? " utrecht-form-field--invalid" : ""}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="veld-csv">
                CSV-bestand
              </label>
            </div>
            {errors.csv ? (
              <p className="utrecht-form-field-error-message" id="veld-csv-error">
                {errors.csv}
              </p>
            ) : null}
            <div className="utrecht-form-field__input">
              <input
                id="veld-csv"
                name="csv"
                type="file"
                accept=".csv,text/csv"
                aria-describedby={errors.csv ? "veld-csv-error" : undefined}
                aria-invalid={errors.csv ? true : undefined}
              />
            </div>
          </div>
          <SubmitButton variant="secondary">Uploaden</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="vergelijking">
        <Heading level={2} id="vergelijking">
          Het digipanel naast deze cijfers
        </Heading>
        <Paragraph>
          Het aandeel actieve leden per groep naast het aandeel inwoners. De tabellen met aantallen en
          verschillen staan op <TextLink to="/beheer/digipanel#samenstelling">de pagina Digipanel</TextLink>.
        </Paragraph>
        {composition.map((c) => (
          <CompositionChart key={c.dimension} data={c} />
        ))}
      </section>
    </div>
  );
}
