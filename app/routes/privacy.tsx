import type { MetaFunction } from "@remix-run/node";
import { Heading, Paragraph, TextLink } from "~/ui/content";

export const meta: MetaFunction = () => [
  { title: "Privacy - Wij maken Heemstede" },
  {
    name: "description",
    content: "Welke gegevens Wij maken Heemstede bewaart, waarom, hoe lang, en wat uw rechten zijn.",
  },
];

// One entry per part of the site that stores personal data. A feature that stores something new
// adds its entry here, in plain Dutch (B1): what, why, how long.
const parts: { title: string; what: string; why: string; howLong: string }[] = [
  {
    title: "Contactformulier",
    what: "Uw naam, e-mailadres, telefoonnummer (als u dat invult), het onderwerp en uw bericht.",
    why: "Om uw vraag te beantwoorden. U krijgt een bevestiging per e-mail en een medewerker van de gemeente leest uw bericht.",
    howLong: "Wij verwijderen uw bericht 1 jaar nadat u het heeft gestuurd.",
  },
  {
    title: "Een idee indienen (quickscan)",
    what: "Uw naam, e-mailadres, eventueel uw telefoonnummer, de beschrijving van uw idee en de plek waar het over gaat.",
    why: "Zodat een medewerker (de accounthouder) u kan helpen en u kan laten weten wie over uw idee beslist. U volgt uw idee via een persoonlijke link. Op de kaart en in de lijst met initiatieven staan nooit uw e-mailadres of telefoonnummer.",
    howLong: "Zolang uw idee loopt, en daarna zo lang als de Archiefwet voorschrijft.",
  },
  {
    title: "Vragenlijsten (enquêtes)",
    what: "Uw antwoorden. Als u via het digipanel meedoet, bewaren wij uw antwoorden onder een code (een pseudoniem), los van uw naam en e-mailadres.",
    why: "Om te weten wat inwoners vinden, bijvoorbeeld voor de nieuwe Woonvisie. In de uitkomsten tonen wij nooit groepen van minder dan 10 mensen, zodat niemand te herkennen is.",
    howLong:
      "Tot het onderzoek klaar is en de uitkomsten aan de gemeenteraad zijn gegeven. Daarna bewaren wij alleen cijfers die niet over één persoon gaan.",
  },
  {
    title: "Digipanel",
    what: "Uw e-mailadres en een klein profiel, bijvoorbeeld uw leeftijdsgroep en wijk. U meldt zich aan in twee stappen: u bevestigt eerst uw e-mailadres via een link in een e-mail.",
    why: "Om u uit te nodigen voor vragenlijsten, en om te zien of de deelnemers samen een goed beeld geven van heel Heemstede.",
    howLong:
      "Zolang u lid bent. Met één klik in elke e-mail meldt u zich af; dan verwijderen wij uw e-mailadres en profiel.",
  },
  {
    title: "Blijf op de hoogte",
    what: "Uw e-mailadres en wat u volgt: alles of een paar projecten.",
    why: "Om u nieuws over projecten en bijeenkomsten te mailen. U bevestigt eerst uw e-mailadres via een link in een e-mail.",
    howLong:
      "Zolang u volgt. Meldt u zich af (met één klik in elke e-mail), dan verwijderen wij uw e-mailadres meteen en na 30 dagen ook de rest. Bevestigt u uw e-mailadres niet, dan verwijderen wij het na ongeveer 5 weken.",
  },
  {
    title: "Aanmelden voor een bijeenkomst",
    what: "Uw naam, e-mailadres, met hoeveel personen u komt en, als u dat invult, wat u nodig heeft om mee te kunnen doen (bijvoorbeeld een rolstoelplek).",
    why: "Om te weten wie er komt, u te mailen als er iets verandert, en u daarna het verslag te sturen.",
    howLong:
      "Wat u nodig heeft om mee te doen: tot 1 week na de bijeenkomst. Uw naam en e-mailadres: tot 3 maanden na de bijeenkomst. Meldt u zich af, dan tot 1 maand daarna. Wij bewaren daarna alleen hoeveel mensen er kwamen.",
  },
  {
    title: "Reageren op een conceptdocument (inspraak)",
    what: "Uw naam, e-mailadres en uw reactie. Reageert u namens een organisatie, dan ook de naam van de organisatie.",
    why: "Om uw reactie te beantwoorden in de reactienota, en u te mailen als die klaar is. In de reactienota staan nooit namen van inwoners. Organisaties noemen wij wel.",
    howLong:
      "Uw reactie blijft bewaard, zonder uw naam: de reactienota is openbaar. Uw naam en e-mailadres verwijderen wij 6 maanden nadat de reactienota is gepubliceerd (komt er geen reactienota, dan 1 jaar na de reactieperiode). Bevestigt u uw reactie niet, of trekt u haar in, dan verwijderen wij haar 1 maand na de reactieperiode.",
  },
  {
    title: "Accounts van medewerkers",
    what: "Naam, e-mailadres, rollen, het moment van de laatste keer inloggen, en een versleuteld wachtwoord (wij kunnen het wachtwoord zelf niet lezen). Wat medewerkers wijzigen, staat in een auditlog.",
    why: "Zodat alleen medewerkers met de juiste rol bij gegevens kunnen, en zodat achteraf te zien is wie wat heeft gedaan.",
    howLong:
      "Zolang de medewerker een account heeft. Het auditlog bewaren wij voor de verantwoording van de gemeente.",
  },
];

export default function Privacy() {
  return (
    <div className="wmh-stack">
      <Heading level={1}>Privacy</Heading>
      <Paragraph lead>
        Op deze website kunt u een idee indienen, meedenken en contact opnemen met de gemeente Heemstede.
        Daarvoor hebben wij soms gegevens van u nodig. Op deze pagina leest u welke gegevens, waarom, en hoe
        lang wij ze bewaren.
      </Paragraph>
      <Paragraph>
        De gemeente Heemstede is verantwoordelijk voor deze website en voor uw gegevens. Wij houden ons aan de
        Algemene verordening gegevensbescherming (AVG). Wij vragen nooit meer gegevens dan nodig. Wij verkopen
        uw gegevens niet en geven ze niet aan anderen voor reclame.
      </Paragraph>

      <section aria-labelledby="welke-gegevens" className="wmh-stack">
        <Heading level={2} id="welke-gegevens">
          Welke gegevens wij bewaren
        </Heading>
        {parts.map((p) => (
          <div key={p.title}>
            <Heading level={3}>{p.title}</Heading>
            <dl className="wmh-facts">
              <dt>Welke gegevens</dt>
              <dd>{p.what}</dd>
              <dt>Waarom</dt>
              <dd>{p.why}</dd>
              <dt>Hoe lang</dt>
              <dd>{p.howLong}</dd>
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="altijd" className="wmh-stack">
        <Heading level={2} id="altijd">
          Wat wij bij elk bezoek bewaren
        </Heading>
        <Paragraph>
          Om misbruik tegen te gaan, bijvoorbeeld iemand die heel vaak een formulier verstuurt, tellen wij hoe
          vaak een IP-adres een formulier verstuurt of probeert in te loggen. Die tellingen verwijderen wij na
          2 dagen. In onze technische logbestanden bewaren wij geen IP-adressen.
        </Paragraph>
        <Paragraph>
          E-mails die de website verstuurt, zoals een bevestiging, bewaren wij 3 maanden. Zo kunnen wij zien
          of een e-mail goed is aangekomen.
        </Paragraph>
        <Paragraph>
          De kaart met initiatieven gebruikt kaartbeelden van PDOK, een dienst van de overheid (het Kadaster).
          Als u de kaart bekijkt, haalt uw browser die beelden op bij PDOK. PDOK ziet dan uw IP-adres, net als
          bij elke andere website. Wilt u dat niet? Gebruik dan de lijst met initiatieven in plaats van de
          kaart.
        </Paragraph>
      </section>

      <section aria-labelledby="cookies" className="wmh-stack">
        <Heading level={2} id="cookies">
          Cookies
        </Heading>
        <Paragraph>
          Deze website gebruikt geen cookies om u te volgen. Er zijn geen advertenties, geen
          bezoekersstatistieken van andere bedrijven en geen knoppen van sociale media. Daarom vragen wij u
          ook niet om toestemming voor cookies.
        </Paragraph>
        <Paragraph>
          Wij gebruiken alleen cookies die nodig zijn om de website te laten werken. In zo'n cookie staat
          alleen een willekeurige code, geen naam of e-mailadres. Dit zijn de cookies:
        </Paragraph>
        <ul className="utrecht-unordered-list">
          <li>
            <code>wmh_quickscan</code>: onthoudt de antwoorden die u al gaf in de quickscan voor uw idee,
            zodat u terug kunt gaan zonder iets kwijt te raken. Deze cookie verdwijnt als u uw idee verstuurt,
            en anders na 14 dagen.
          </li>
          <li>
            <code>wmh_enquete_…</code>: onthoudt waar u was in een vragenlijst, zodat u later verder kunt.
            Deze cookie verdwijnt als u de vragenlijst verstuurt, en anders na 60 dagen.
          </li>
          <li>
            <code>wmh_digipanel</code>: onthoudt dat u bent ingelogd op de pagina Mijn digipanel. Deze cookie
            verdwijnt als u uitlogt of als de inlogtijd voorbij is.
          </li>
          <li>
            <code>wmh_sessie</code>: alleen voor medewerkers van de gemeente. Deze cookie onthoudt dat zij
            zijn ingelogd en verdwijnt als zij uitloggen of hun browser sluiten.
          </li>
        </ul>
      </section>

      <section aria-labelledby="rechten" className="wmh-stack">
        <Heading level={2} id="rechten">
          Uw rechten
        </Heading>
        <Paragraph>Volgens de AVG heeft u deze rechten:</Paragraph>
        <ul className="utrecht-unordered-list">
          <li>U mag vragen welke gegevens wij van u hebben (inzage).</li>
          <li>U mag vragen om gegevens te verbeteren als ze niet kloppen.</li>
          <li>U mag vragen om uw gegevens te verwijderen, als wij ze niet meer nodig hebben.</li>
          <li>U mag bezwaar maken tegen het gebruik van uw gegevens.</li>
          <li>U mag uw toestemming intrekken, bijvoorbeeld door u af te melden voor het digipanel.</li>
        </ul>
        <Paragraph>
          Wilt u een van deze rechten gebruiken? Stuur dan een bericht via het{" "}
          <TextLink to="/contact">contactformulier</TextLink>, bel 14 023 of stuur een brief naar Gemeente
          Heemstede, Postbus 352, 2100 AJ Heemstede. Wij kunnen u vragen om te laten zien wie u bent, zodat
          wij uw gegevens niet aan iemand anders geven.
        </Paragraph>
      </section>

      <section aria-labelledby="vragen" className="wmh-stack">
        <Heading level={2} id="vragen">
          Vragen of een klacht
        </Heading>
        <Paragraph>
          De gemeente Heemstede heeft een Functionaris Gegevensbescherming (FG). De FG let erop dat de
          gemeente goed omgaat met uw gegevens. Heeft u een vraag of een klacht over uw privacy? Bel 14 023 en
          vraag naar de Functionaris Gegevensbescherming, of schrijf naar: Gemeente Heemstede, t.a.v. de
          Functionaris Gegevensbescherming, Postbus 352, 2100 AJ Heemstede.
        </Paragraph>
        <Paragraph>
          Bent u het niet eens met hoe wij uw vraag of klacht afhandelen? Dan kunt u een klacht indienen bij
          de Autoriteit Persoonsgegevens.
        </Paragraph>
      </section>
    </div>
  );
}
