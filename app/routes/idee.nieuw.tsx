import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { AddressSuggestion } from "~/domain/initiatives/address.server";
import { draftPhotoUrl, PHOTO_ALT_FALLBACK, PHOTO_ALT_MAX } from "~/domain/initiatives/photo";
import { type CheckRow, NOTHING_FILLED_IN } from "~/domain/initiatives/quickscan-answers";
import {
  draftToken,
  handleQuickscanPost,
  type QuickscanPage,
  quickscanView,
} from "~/domain/initiatives/quickscan-flow.server";
import { options } from "~/domain/initiatives/quickscan-form";
import { parseCoordinate } from "~/domain/initiatives/quickscan-location";
import { type StepId, stepUrl } from "~/domain/initiatives/quickscan-steps";
import { INITIATIVE_THEMES } from "~/domain/initiatives/themes";
import { IMAGE_ACCEPT } from "~/domain/media/images";
import { HEEMSTEDE_BOUNDS, TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  FileField,
  Honeypot,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { SmallMap } from "~/ui/map/client-map";
import { PlacePicker } from "~/ui/map/place-picker";
import mapCss from "~/ui/map.css?url";
import { StoredImageView } from "~/ui/stored-image";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ideasCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Stap ${data.position.number} van ${data.position.total}: ${data.title} - Quickscan - Wij maken Heemstede`
      : "Quickscan - Wij maken Heemstede",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const view = await quickscanView(request, undefined);
  if (view.kind === "redirect") throw redirect(view.to);
  const { kind: _kind, ...page } = view;
  return page;
}

type ActionData = {
  page: QuickscanPage;
  errors: FieldErrors;
  /** Only after "Zoek dit adres": the addresses found, or null when the search failed. */
  suggestions?: AddressSuggestion[] | null;
  message?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const outcome = await handleQuickscanPost(
    form,
    {
      draftToken: draftToken(request),
      clientIp: context?.clientIp ?? "unknown",
    },
    undefined,
  );
  const headers = new Headers();
  for (const c of outcome.cookies) headers.append("Set-Cookie", c);
  switch (outcome.kind) {
    case "badRequest":
      throw new Response("Dit verzoek klopt niet", { status: 400 });
    case "go":
      throw redirect(outcome.to, { headers });
    case "submitted":
      throw redirect(`/idee/volgen/${outcome.followToken}?nieuw=1`, { headers });
    case "invalid":
      return data<ActionData>({ page: outcome.page, errors: outcome.errors }, { status: 400, headers });
    case "searched":
      return data<ActionData>(
        { page: outcome.page, errors: {}, suggestions: outcome.suggestions },
        { headers },
      );
    case "rateLimited":
      return data<ActionData>(
        { page: outcome.page, errors: {}, message: outcome.message },
        { status: 429, headers },
      );
    case "closed":
      return data<ActionData>(
        { page: await closedPage(request), errors: {}, message: outcome.message },
        { status: 409, headers },
      );
  }
}

/** After a second send of the same draft: the first step, empty, with the message. */
async function closedPage(request: Request): Promise<QuickscanPage> {
  const view = await quickscanView(new Request(new URL("/idee/nieuw", request.url)), undefined);
  if (view.kind === "redirect") throw redirect(view.to);
  const { kind: _kind, ...page } = view;
  return page;
}

/** Ids of fields whose error link must point elsewhere than `veld-<name>`. */
const FIELD_IDS = { contribution: "veld-contribution", parties: "veld-parties" };

export default function Quickscan() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const p: QuickscanPage = actionData?.page ?? loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = p.values as FormValues;
  const v = (k: string) => str(values, k);
  const list = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const step = p.step;
  const isCheck = step === "controleren";

  return (
    <div className="wmh-form">
      <p className="wmh-steps">
        Stap {p.position.number} van {p.position.total}
      </p>
      <ol className="wmh-progress" aria-hidden="true">
        {Array.from({ length: p.position.total }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of steps
          <li key={i} data-done={i < p.position.number} />
        ))}
      </ol>
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <Heading level={1}>{p.title}</Heading>
      {step === "idee" ? (
        <Paragraph>
          Vertel in een paar korte stappen over uw idee. Op elke pagina staat één onderwerp. Aan het eind ziet
          u al uw antwoorden en kunt u ze nog veranderen. Velden met "(niet verplicht)" mag u leeg laten.
        </Paragraph>
      ) : null}
      {isCheck ? (
        <CheckAnswers rows={p.rows ?? []} values={values} tiles={p.tiles} photo={p.photo} />
      ) : p.fromCheck ? (
        <Paragraph>Pas uw antwoord aan. Daarna ziet u weer het overzicht van al uw antwoorden.</Paragraph>
      ) : null}
      {/* Only the photo step sends a file; it works without JavaScript as a plain multipart form. */}
      <Form method="post" noValidate encType={step === "idee" ? "multipart/form-data" : undefined}>
        <input type="hidden" name="stap" value={step} />
        {p.fromCheck ? <input type="hidden" name="wijzig" value="1" /> : null}
        <Honeypot />
        {step === "idee" ? (
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
              options={[...INITIATIVE_THEMES]}
              defaultValue={v("theme")}
              error={errors.theme}
            />
            <PhotoFields page={p} errors={errors} />
          </>
        ) : null}
        {step === "waar" ? (
          <ChoiceGroup
            name="locationKind"
            label="Waar is uw idee?"
            required
            options={[...options.locationKind]}
            defaultValue={v("locationKind")}
            error={errors.locationKind}
            description="Op de volgende pagina vraagt u alleen naar de plek die bij uw keuze past."
          />
        ) : null}
        {step === "plek" ? (
          <LocationFields page={p} errors={errors} suggestions={actionData?.suggestions} />
        ) : null}
        {step === "wie" ? (
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
          </>
        ) : null}
        {step === "gevolgen" ? (
          <>
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
          </>
        ) : null}
        {step === "regels" ? (
          <>
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
        {step === "bijdrage" ? (
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
        {step === "gegevens" ? (
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
        <StepButtons step={step} fromCheck={p.fromCheck} />
      </Form>
    </div>
  );
}

/** Primary action first, then back: one order for every multi-step form (NL Design System form pattern). */
function StepButtons({ step, fromCheck }: { step: StepId; fromCheck: boolean }) {
  const primary =
    step === "controleren"
      ? "Verstuur mijn idee"
      : fromCheck
        ? "Opslaan en terug naar het overzicht"
        : "Volgende";
  return (
    <div className="wmh-button-row">
      <SubmitButton name="richting" value="volgende">
        {primary}
      </SubmitButton>
      {step !== "idee" || fromCheck ? (
        <SubmitButton variant="secondary" name="richting" value="terug" formNoValidate>
          {fromCheck ? "Terug zonder te controleren" : "Vorige"}
        </SubmitButton>
      ) : null}
    </div>
  );
}

/** The optional photo or sketch: the one sent so far (with a choice to remove it), a file field and a description. */
function PhotoFields({ page, errors }: { page: QuickscanPage; errors: FieldErrors }) {
  const values = page.values as FormValues;
  return (
    <>
      <Heading level={2}>Foto of schets (niet verplicht)</Heading>
      <Paragraph>
        Heeft u een foto van de plek of een schets van uw idee? Dan begrijpen wij uw idee sneller. Alleen
        medewerkers van de gemeente zien de foto. Alleen als uw idee op de website komt, kan de gemeente de
        foto erbij zetten.
      </Paragraph>
      {page.photo ? (
        <figure className="wmh-photo-figure">
          <StoredImageView
            image={page.photo}
            alt={str(values, "photoAlt") || PHOTO_ALT_FALLBACK}
            sizes="(max-width: 30rem) 100vw, 30rem"
            urlFor={draftPhotoUrl}
          />
          <figcaption>De foto of schets die u stuurde.</figcaption>
        </figure>
      ) : null}
      {page.photo ? <CheckboxField name="fotoWeg" label="Verwijder deze foto" /> : null}
      <FileField
        name="photo"
        label={page.photo ? "Een andere foto of schets" : "Foto of schets"}
        accept={IMAGE_ACCEPT}
        description="Een JPG-, PNG- of WebP-bestand van hoogstens 5 MB. Wij halen de plaats en de camera uit het bestand."
        error={errors.photo}
      />
      <TextField
        name="photoAlt"
        label="Wat staat er op de foto of schets?"
        maxLength={PHOTO_ALT_MAX}
        defaultValue={str(values, "photoAlt")}
        error={errors.photoAlt}
        description="Bijvoorbeeld: de lege hoek van het plein bij de bibliotheek. Zo weet ook iemand die de foto niet kan zien wat erop staat."
      />
    </>
  );
}

function WijkSelect(props: { page: QuickscanPage; errors: FieldErrors; required?: boolean; label?: string }) {
  return (
    <SelectField
      name="wijkCode"
      label={props.label ?? "Wijk"}
      required={props.required}
      placeholder="Kies een wijk"
      options={props.page.wijken.map((w) => ({ value: w.code, label: w.name }))}
      defaultValue={str(props.page.values as FormValues, "wijkCode")}
      error={props.errors.wijkCode}
    />
  );
}

function AddressField(props: {
  page: QuickscanPage;
  errors: FieldErrors;
  required?: boolean;
  suggestions?: AddressSuggestion[] | null;
}) {
  const values = props.page.values as FormValues;
  return (
    <>
      <TextField
        name="address"
        label="Adres of straat"
        required={props.required}
        defaultValue={str(values, "address")}
        error={props.errors.address}
        maxLength={200}
        autoComplete="street-address"
        description="Bijvoorbeeld: Binnenweg 1, 2101 JA. Alleen een straatnaam mag ook."
      />
      {props.page.addressSearch ? (
        <p>
          <SubmitButton variant="secondary" name="richting" value="zoeken" formNoValidate>
            Zoek dit adres
          </SubmitButton>
        </p>
      ) : null}
      <AddressChoices suggestions={props.suggestions} selected={str(values, "addressChoice")} />
    </>
  );
}

/** Only the fields of the chosen kind: an address, a wijk, or the map (address or wijk without JavaScript). */
function LocationFields(props: {
  page: QuickscanPage;
  errors: FieldErrors;
  suggestions?: AddressSuggestion[] | null;
}) {
  const { page, errors } = props;
  const values = page.values as FormValues;
  const kind = str(values, "locationKind");
  if (kind === "adres")
    return <AddressField page={page} errors={errors} required suggestions={props.suggestions} />;
  if (kind === "wijk") return <WijkSelect page={page} errors={errors} required />;
  return (
    <PlacePicker
      latName="lat"
      lngName="lng"
      legend="Plek van uw idee"
      instructions="Tik of klik op de kaart op de plek van uw idee. U kunt de speld daarna verslepen. Met het toetsenbord: ga naar de kaart en verplaats de speld met de pijltjestoetsen. Met + en - zoomt u in en uit."
      defaultLat={str(values, "lat")}
      defaultLng={str(values, "lng")}
      error={errors.lat}
      tiles={page.tiles}
      center={TOWN_CENTER}
      zoom={TOWN_ZOOM}
      bounds={HEEMSTEDE_BOUNDS}
      loading="De kaart wordt geladen…"
      chosenText="U heeft een plek gekozen. U kunt de speld nog verplaatsen."
      outsideText="Deze plek ligt niet in Heemstede. Kies een plek in Heemstede."
      fallback={
        <>
          <Paragraph>
            De kaart kan nu niet worden getoond. Vul daarom het adres of de straat in, of kies de wijk. Dat is
            genoeg.
          </Paragraph>
          <AddressField page={page} errors={errors} suggestions={props.suggestions} />
          <WijkSelect page={page} errors={errors} label="Of kies de wijk" />
        </>
      }
    />
  );
}

function AddressChoices({
  suggestions,
  selected,
}: {
  suggestions?: AddressSuggestion[] | null;
  selected?: string;
}) {
  // Only after a search: a failed search says so, an empty one says nothing was found.
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

function CheckAnswers({
  rows,
  values,
  tiles,
  photo,
}: {
  rows: CheckRow[];
  values: FormValues;
  tiles: QuickscanPage["tiles"];
  photo: QuickscanPage["photo"];
}) {
  const lat = parseCoordinate(str(values, "lat"));
  const lng = parseCoordinate(str(values, "lng"));
  const point: [number, number] | null =
    str(values, "locationKind") === "punt" && lat !== null && lng !== null ? [lat, lng] : null;
  return (
    <>
      <Paragraph>
        Kijk of alles klopt. Wilt u iets veranderen? Kies dan "Wijzig" bij dat antwoord. Klopt alles? Verstuur
        dan uw idee.
      </Paragraph>
      <dl className="wmh-check-list">
        {rows.map((r) => (
          <div className="wmh-check-list__row" key={`${r.step}-${r.field}`}>
            <dt>{r.label}</dt>
            <dd>{r.value || NOTHING_FILLED_IN}</dd>
            <dd className="wmh-check-list__action">
              <Link to={`${stepUrl(r.step, true)}#veld-${r.field}`} className="utrecht-link">
                Wijzig<span className="wmh-visually-hidden"> {r.label.replace(/\?$/, "").toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      {photo ? (
        <StoredImageView
          image={photo}
          alt={str(values, "photoAlt") || PHOTO_ALT_FALLBACK}
          sizes="(max-width: 20rem) 100vw, 20rem"
          urlFor={draftPhotoUrl}
          className="wmh-photo wmh-photo--small"
        />
      ) : null}
      {point ? (
        <SmallMap tiles={tiles} point={point} title="Uw plek" label="De plek die u koos, op de kaart" />
      ) : null}
    </>
  );
}
