import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { useState } from "react";
import {
  type AddressSuggestion,
  addressSearchEnabled,
  searchAddress,
} from "~/domain/initiatives/address.server";
import {
  HEEMSTEDE_BOUNDS,
  isStep,
  MULTI_FIELDS,
  options,
  STEP_COUNT,
  type StepNumber,
  stepFields,
  stepTitles,
  validateStep,
} from "~/domain/initiatives/quickscan-form";
import { InitiativeError } from "~/domain/initiatives/shared.server";
import { createDraft, loadDraft, saveDraft, submitDraft } from "~/domain/initiatives/submission.server";
import { THEMES } from "~/domain/initiatives/themes";
import { TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { tileConfig } from "~/domain/places/tiles.server";
import { listWijken } from "~/domain/places/wijken.server";
import { functionalCookie, readCookie } from "~/lib/cookies.server";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  Honeypot,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { PointPicker } from "~/ui/map/point-picker";
import mapCss from "~/ui/map.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ideasCss },
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Stap ${data?.step ?? 1} van ${STEP_COUNT}: ${stepTitles[data?.step ?? 1]} - Quickscan - Wij maken Heemstede`,
  },
];

const COOKIE = "wmh_quickscan";
const SUBMIT_LIMIT = { windowSeconds: 3600, max: 10 };

function draftCookie(request: Request): string | null {
  const token = readCookie(request, COOKIE);
  return token && /^[A-Za-z0-9_-]+$/.test(token) ? token : null;
}

function setCookie(token: string, maxAge: number): string {
  return functionalCookie(COOKIE, token, { path: "/idee", maxAge });
}

function stepFrom(url: URL): StepNumber {
  const n = Number(url.searchParams.get("stap") ?? "1");
  return isStep(n) ? n : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const step = stepFrom(new URL(request.url));
  const draft = await loadDraft(draftCookie(request));
  // Without a draft there is nothing to continue: start at step 1.
  if (!draft && step > 1) throw redirect("/idee/nieuw");
  const values = draft ?? {};
  return {
    step,
    values: values as FormValues,
    wijken: await listWijken(),
    addressSearch: addressSearchEnabled(),
    tiles: tileConfig(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("website")) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const step = Number(form.get("stap"));
  if (!isStep(step)) throw new Response("Dit verzoek klopt niet", { status: 400 });
  const direction = String(form.get("richting") ?? "volgende");

  let token = draftCookie(request);
  let draft = await loadDraft(token);
  const headers = new Headers();
  if (!token || !draft) {
    token = await createDraft();
    draft = {};
    headers.append("Set-Cookie", setCookie(token, 14 * 86400));
  }
  // Keep what was typed on this step, whatever the direction, so nothing is lost.
  for (const field of stepFields[step]) {
    const all = form.getAll(field).filter((v): v is string => typeof v === "string");
    draft[field] = (MULTI_FIELDS as readonly string[]).includes(field) ? all : (all[0] ?? "");
  }
  await saveDraft(token, draft);
  const values = draft as FormValues;

  if (direction === "terug") throw redirect(`/idee/nieuw?stap=${Math.max(1, step - 1)}`, { headers });
  if (direction === "zoeken" && step === 2) {
    const suggestions = await searchAddress(str(values, "address") ?? "");
    return data({ step, values, errors: {} as FieldErrors, suggestions, message: null }, { headers });
  }

  const checked = validateStep(step, values);
  if (!checked.ok)
    return data(
      { step, values, errors: checked.errors as FieldErrors, suggestions: null, message: null },
      { status: 400, headers },
    );
  if (step < STEP_COUNT) throw redirect(`/idee/nieuw?stap=${step + 1}`, { headers });

  const limited = await hit(`idee:${context?.clientIp ?? "unknown"}`, SUBMIT_LIMIT);
  if (!limited.allowed)
    return data(
      {
        step,
        values,
        errors: {} as FieldErrors,
        suggestions: null,
        message:
          "U heeft in korte tijd veel ideeën gestuurd. Probeer het over een uur opnieuw. Uw antwoorden zijn bewaard.",
      },
      { status: 429, headers },
    );
  let result: Awaited<ReturnType<typeof submitDraft>>;
  try {
    result = await submitDraft(draft, token);
  } catch (error) {
    if (!(error instanceof InitiativeError)) throw error;
    headers.append("Set-Cookie", setCookie("", 0));
    return data(
      { step, values, errors: {} as FieldErrors, suggestions: null, message: error.message },
      { status: 409, headers },
    );
  }
  if (!result.ok)
    return data(
      { step: result.step, values, errors: result.errors as FieldErrors, suggestions: null, message: null },
      { status: 400, headers },
    );
  headers.append("Set-Cookie", setCookie("", 0));
  throw redirect(`/idee/volgen/${result.token}?nieuw=1`, { headers });
}

export default function Quickscan() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const step = (actionData?.step ?? loaderData.step) as StepNumber;
  const values: FormValues = actionData?.values ?? loaderData.values;
  const errors: FieldErrors = actionData?.errors ?? {};
  const v = (k: string) => str(values, k);
  const list = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  // Leaflet is loaded only once the resident picks "a point on the map" (or it was picked before).
  const [pickedKind, setPickedKind] = useState<string | undefined>(undefined);
  const locationKind = pickedKind ?? v("locationKind");

  return (
    <div className="wmh-form">
      <p className="wmh-steps">
        Stap {step} van {STEP_COUNT}
      </p>
      <ol className="wmh-progress" aria-hidden="true">
        {Array.from({ length: STEP_COUNT }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of steps
          <li key={i} data-done={i < step} />
        ))}
      </ol>
      <Heading level={1}>{stepTitles[step]}</Heading>
      {step === 1 ? (
        <Paragraph>
          Vertel in 5 korte stappen over uw idee. Uw antwoorden worden bewaard als u teruggaat. Velden met
          "(niet verplicht)" mag u leeg laten.
        </Paragraph>
      ) : null}
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
      <ErrorSummary
        errors={errors}
        fieldIds={{ contribution: "veld-contribution", parties: "veld-parties" }}
      />
      <Form
        method="post"
        noValidate
        onChange={(e) => {
          const target = e.target as HTMLInputElement;
          if (target.name === "locationKind") setPickedKind(target.value);
        }}
      >
        <input type="hidden" name="stap" value={step} />
        <Honeypot />
        {step === 1 ? (
          <>
            <TextField
              name="title"
              label="Titel van uw idee"
              required
              maxLength={120}
              defaultValue={v("title")}
              error={errors.title}
              description="Bijvoorbeeld: Geveltuinen in de Kerklaan"
            />
            <TextArea
              name="description"
              label="Beschrijf uw idee"
              required
              rows={6}
              maxLength={4000}
              defaultValue={v("description")}
              error={errors.description}
              description="Wat wilt u doen, en waarom? Een paar zinnen is genoeg."
            />
            <ChoiceGroup
              name="theme"
              label="Over welk onderwerp gaat uw idee?"
              required
              options={[...THEMES]}
              defaultValue={v("theme")}
              error={errors.theme}
            />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <ChoiceGroup
              name="locationKind"
              label="Waar is uw idee?"
              required
              options={[...options.locationKind]}
              defaultValue={v("locationKind")}
              error={errors.locationKind}
            />
            <TextField
              name="address"
              label="Adres of straat"
              defaultValue={v("address")}
              error={errors.address}
              maxLength={200}
              autoComplete="street-address"
              description="Alleen invullen als u hierboven 'Op een adres of in een straat' koos. Bijvoorbeeld: Binnenweg 1, 2101 JA."
            />
            {loaderData.addressSearch ? (
              <p>
                <SubmitButton variant="secondary" name="richting" value="zoeken" formNoValidate>
                  Zoek dit adres
                </SubmitButton>
              </p>
            ) : null}
            <AddressChoices suggestions={actionData?.suggestions} selected={v("addressChoice")} />
            <PointPicker
              latName="lat"
              lngName="lng"
              legend="Plek op de kaart"
              description="Alleen invullen als u hierboven 'Op een plek op de kaart' koos. Zonder kaart kunt u de breedtegraad en lengtegraad van de plek invullen; die vindt u bijvoorbeeld in een kaart-app op uw telefoon."
              defaultLat={v("lat")}
              defaultLng={v("lng")}
              latError={errors.lat}
              lngError={errors.lng}
              tiles={loaderData.tiles}
              center={TOWN_CENTER}
              zoom={TOWN_ZOOM}
              bounds={HEEMSTEDE_BOUNDS}
              showMap={locationKind === "punt"}
            />
            <SelectField
              name="wijkCode"
              label="Wijk"
              placeholder="Kies een wijk"
              options={loaderData.wijken.map((w) => ({ value: w.code, label: w.name }))}
              defaultValue={v("wijkCode")}
              error={errors.wijkCode}
              description="Alleen invullen als u hierboven 'In een wijk' koos."
            />
          </>
        ) : null}
        {step === 3 ? (
          <>
            <ChoiceGroup
              name="parties"
              multiple
              label="Wie doen er mee, naast u?"
              options={[...options.parties]}
              defaultValue={list("parties")}
              error={errors.parties}
              description="Kies alles wat past."
            />
            <ChoiceGroup
              name="partyCount"
              label="Hoeveel partijen doen er mee?"
              required
              options={[...options.partyCount]}
              defaultValue={v("partyCount")}
              error={errors.partyCount}
              description="Een partij is bijvoorbeeld een huishouden, een vereniging of een bedrijf."
            />
            <ChoiceGroup
              name="impact"
              label="Verandert uw idee de leefomgeving van anderen?"
              required
              options={[...options.impact]}
              defaultValue={v("impact")}
              error={errors.impact}
            />
            <ChoiceGroup
              name="interests"
              label="Denken mensen er verschillend over?"
              required
              options={[...options.interests]}
              defaultValue={v("interests")}
              error={errors.interests}
              description="Bijvoorbeeld: de een wil een speeltuin, de ander wil rust of parkeerplaatsen."
            />
            <ChoiceGroup
              name="otherPlans"
              label="Raakt uw idee aan andere plannen in de buurt of van de gemeente?"
              required
              options={[...options.otherPlans]}
              defaultValue={v("otherPlans")}
              error={errors.otherPlans}
            />
            <ChoiceGroup
              name="publicSpace"
              label="Gebruikt uw idee openbare ruimte?"
              required
              options={[...options.publicSpace]}
              defaultValue={v("publicSpace")}
              error={errors.publicSpace}
            />
            <ChoiceGroup
              name="permit"
              label="Heeft u een vergunning nodig?"
              required
              options={[...options.permit]}
              defaultValue={v("permit")}
              error={errors.permit}
            />
            <ChoiceGroup
              name="policy"
              label="Past uw idee binnen de regels van de gemeente?"
              required
              options={[...options.policy]}
              defaultValue={v("policy")}
              error={errors.policy}
            />
          </>
        ) : null}
        {step === 4 ? (
          <>
            <ChoiceGroup
              name="contribution"
              multiple
              label="Wat draagt u zelf bij?"
              options={[...options.contribution]}
              defaultValue={list("contribution")}
              error={errors.contribution}
              description="Kies alles wat past."
            />
            <TextField
              name="budget"
              label="Hoeveel geld vraagt u aan de gemeente, in euro's?"
              inputMode="numeric"
              size="short"
              defaultValue={v("budget")}
              error={errors.budget}
              description="Vraagt u geen geld? Laat dit veld dan leeg."
            />
            <ChoiceGroup
              name="timing"
              label="Wanneer wilt u beginnen?"
              required
              options={[...options.timing]}
              defaultValue={v("timing")}
              error={errors.timing}
            />
          </>
        ) : null}
        {step === 5 ? (
          <>
            <TextField
              name="name"
              label="Uw naam"
              required
              autoComplete="name"
              defaultValue={v("name")}
              error={errors.name}
            />
            <TextField
              name="email"
              type="email"
              label="Uw e-mailadres"
              required
              autoComplete="email"
              defaultValue={v("email")}
              error={errors.email}
              description="Hierheen sturen wij de uitkomst en de link naar uw eigen pagina."
            />
            <TextField
              name="phone"
              type="tel"
              label="Uw telefoonnummer"
              autoComplete="tel"
              defaultValue={v("phone")}
              error={errors.phone}
            />
            <CheckboxField
              name="consentContact"
              label="Ik vind het goed dat de gemeente contact met mij opneemt over mijn idee."
              defaultChecked={v("consentContact") === "ja"}
              error={errors.consentContact}
            />
            <CheckboxField
              name="showName"
              label="Mijn naam mag bij mijn idee op de website staan."
              defaultChecked={v("showName") === "ja"}
            />
            <CheckboxField
              name="allowExactLocation"
              label="De precieze plek van mijn idee (met huisnummer) mag op de kaart."
              defaultChecked={v("allowExactLocation") === "ja"}
            />
            <Paragraph>
              Wij gebruiken uw gegevens alleen om u te helpen met uw idee. Lees meer in de{" "}
              <TextLink to="/privacy">privacyverklaring</TextLink>.
            </Paragraph>
          </>
        ) : null}
        <div className="wmh-button-row">
          <SubmitButton name="richting" value="volgende">
            {step < STEP_COUNT ? "Volgende stap" : "Verstuur mijn idee"}
          </SubmitButton>
          {step > 1 ? (
            <SubmitButton variant="secondary" name="richting" value="terug" formNoValidate>
              Vorige stap
            </SubmitButton>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

function AddressChoices({
  suggestions,
  selected,
}: {
  suggestions?: AddressSuggestion[] | null;
  selected?: string;
}) {
  if (suggestions === undefined)
    return selected ? <input type="hidden" name="addressChoice" value={selected} /> : null;
  if (suggestions === null)
    return <Alert type="warning">Zoeken lukt nu niet. Vul het adres zelf in, dat is genoeg.</Alert>;
  if (suggestions.length === 0)
    return (
      <Alert type="info">
        Wij vonden geen adres in Heemstede. Controleer het adres, of laat het zo staan.
      </Alert>
    );
  return (
    <ChoiceGroup
      name="addressChoice"
      label="Kies het juiste adres"
      options={suggestions.map((s) => ({
        value: `${s.lat};${s.lng};${s.postcode};${s.label}`,
        label: s.label,
      }))}
      defaultValue={selected}
    />
  );
}
