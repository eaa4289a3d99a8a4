import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { DECIDERS } from "~/domain/initiatives/quickscan";
import { ButtonLink, Heading, Paragraph, TextLink } from "~/ui/content";
import ideasCss from "~/ui/ideas.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];

export const meta: MetaFunction = () => [
  { title: "Ik heb een idee - Wij maken Heemstede" },
  {
    name: "description",
    content: "Heeft u een idee voor Heemstede? Doe de quickscan en hoor meteen wie beslist en wie u helpt.",
  },
];

export default function IdeaStart() {
  return (
    <div className="wmh-stack">
      <Heading level={1}>Ik heb een idee</Heading>
      <Paragraph lead>
        Heeft u een idee voor uw straat, uw buurt of voor heel Heemstede? Wij helpen u graag op weg.
      </Paragraph>

      <Heading level={2}>Ik heb een idee, wat nu?</Heading>
      <Paragraph>
        Vul de quickscan in. Dat zijn een paar korte vragen over uw idee, in 5 stappen. Het duurt ongeveer 10
        minuten.
      </Paragraph>
      <ul>
        <li>U ziet meteen wie er over uw idee beslist.</li>
        <li>U ziet welke stappen u kunt zetten en waar u op moet letten.</li>
        <li>U krijgt een vaste contactpersoon bij de gemeente.</li>
        <li>U krijgt een eigen pagina. Daar ziet u hoe het met uw idee gaat en kunt u berichten sturen.</li>
      </ul>
      <p>
        <ButtonLink to="/idee/nieuw">Start de quickscan</ButtonLink>
      </p>

      <Heading level={2}>Wie beslist over een idee?</Heading>
      <Paragraph>
        Dat hangt af van uw idee. Er zijn vier mogelijkheden. De quickscan laat zien welke bij uw idee past.
        Een medewerker van de gemeente kijkt daarna of dat klopt.
      </Paragraph>
      <dl className="wmh-dl">
        {DECIDERS.map((d) => (
          <div key={d.value} style={{ display: "contents" }}>
            <dt>{d.label}</dt>
            <dd>{d.explanation}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>
        Beslist het college of de gemeenteraad, en verandert er veel voor andere inwoners, doen er veel
        partijen mee of spelen er veel verschillende belangen? Dan is het een ingewikkeld idee. U maakt dan
        samen met de gemeente eerst een planomschrijving en een participatieplan. Daarin staat wat het plan is
        en wie er meedenkt en meedoet.
      </Paragraph>

      <Heading level={2}>Budget aanvragen</Heading>
      <Paragraph>
        Heeft u geld nodig voor uw idee? Dat kunt u in de quickscan aangeven. Vul in hoeveel geld u nodig
        heeft en wat u zelf bijdraagt, bijvoorbeeld tijd, geld of mensen die meehelpen. Uw contactpersoon
        kijkt samen met u of er budget is. Ideeën waar inwoners zelf aan meewerken, hebben meer kans.
      </Paragraph>

      <Heading level={2}>Heeft u al een idee ingestuurd?</Heading>
      <Paragraph>
        Via de link in uw e-mail komt u op de pagina van uw idee. Kwijt?{" "}
        <TextLink to="/idee/volgen">Vraag een nieuwe link aan</TextLink>.
      </Paragraph>
    </div>
  );
}
