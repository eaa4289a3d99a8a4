import { Link } from "@remix-run/react";
import type { AddressSuggestion } from "~/domain/initiatives/address.server";
import { draftPhotoUrl, PHOTO_ALT_FALLBACK, PHOTO_ALT_MAX } from "~/domain/initiatives/photo";
import { type CheckRow, NOTHING_FILLED_IN } from "~/domain/initiatives/quickscan-answers";
import type { QuickscanPage } from "~/domain/initiatives/quickscan-flow.server";
import { options } from "~/domain/initiatives/quickscan-form";
import { parseCoordinate } from "~/domain/initiatives/quickscan-location";
import { type StepId, stepUrl } from "~/domain/initiatives/quickscan-steps";
import { INITIATIVE_THEMES } from "~/domain/initiatives/themes";
import { IMAGE_ACCEPT } from "~/domain/media/images";
import { HEEMSTEDE_BOUNDS, TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { type FieldErrors, type FormValues, str } from "~/lib/forms";
import { Alert, Heading, Paragraph, TextLink } from "../content";
import {
  CheckboxField,
  ChoiceGroup,
  FileField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../form";
import { SmallMap } from "../map/client-map";
import { PlacePicker } from "../map/place-picker";
import { StoredImageView } from "../stored-image";

// The fields of each quickscan step (routes/idee.nieuw.tsx), the step buttons and the check page.

interface StepProps {
  values: FormValues;
  errors: FieldErrors;
}

/** One value, or all values of a multiple choice, of the draft as shown again. */
function fieldValues(values: FormValues) {
  return {
    v: (k: string) => str(values, k),
    list: (k: string) => {
      const x = values[k];
      return Array.isArray(x) ? x : x ? [x] : [];
    },
  };
}

/** Step 1: the idea itself, its theme and an optional photo. */
export function IdeaStep({ page, errors }: { page: QuickscanPage; errors: FieldErrors }) {
  const { v } = fieldValues(page.values as FormValues);
  return (
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
      <PhotoFields page={page} errors={errors} />
    </>
  );
}

/** What kind of place the idea is about. */
export function WhereStep({ values, errors }: StepProps) {
  const { v } = fieldValues(values);
  return (
    <ChoiceGroup
      name="locationKind"
      label="Waar is uw idee?"
      required
      options={[...options.locationKind]}
      defaultValue={v("locationKind")}
      error={errors.locationKind}
      description="Op de volgende pagina vraagt u alleen naar de plek die bij uw keuze past."
    />
  );
}

/** Who take part. */
export function PartiesStep({ values, errors }: StepProps) {
  const { v, list } = fieldValues(values);
  return (
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
  );
}

/** What the idea changes for others. */
export function ImpactStep({ values, errors }: StepProps) {
  const { v } = fieldValues(values);
  return (
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
  );
}

/** Public space, permits and the municipality's rules. */
export function RulesStep({ values, errors }: StepProps) {
  const { v } = fieldValues(values);
  return (
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
  );
}

/** What the initiator contributes, the budget asked and when to start. */
export function ContributionStep({ values, errors }: StepProps) {
  const { v, list } = fieldValues(values);
  return (
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
  );
}

/** The initiator's contact details and consents. */
export function DetailsStep({ values, errors }: StepProps) {
  const { v } = fieldValues(values);
  return (
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
  );
}

/** Primary action first, then back: one order for every multi-step form (NL Design System form pattern). */
export function StepButtons({ step, fromCheck }: { step: StepId; fromCheck: boolean }) {
  const primary =
    step === "controleren"
      ? "Verstuur mijn idee"
      : fromCheck
        ? "Opslaan en terug naar het overzicht"
        : "Volgende";
  return (
    <div className="wmh-button-row">
      <SubmitButton name="intent" value="next">
        {primary}
      </SubmitButton>
      {step !== "idee" || fromCheck ? (
        <SubmitButton variant="secondary" name="intent" value="back" formNoValidate>
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
          <SubmitButton variant="secondary" name="intent" value="search" formNoValidate>
            Zoek dit adres
          </SubmitButton>
        </p>
      ) : null}
      <AddressChoices suggestions={props.suggestions} selected={str(values, "addressChoice")} />
    </>
  );
}

/** Only the fields of the chosen kind: an address, a wijk, or the map (address or wijk without JavaScript). */
export function LocationFields(props: {
  page: QuickscanPage;
  errors: FieldErrors;
  suggestions?: AddressSuggestion[] | null;
}) {
  const { page, errors } = props;
  const values = page.values as FormValues;
  const kind = str(values, "locationKind");
  if (kind === "address")
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

export function CheckAnswers({
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
    str(values, "locationKind") === "point" && lat !== null && lng !== null ? [lat, lng] : null;
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
