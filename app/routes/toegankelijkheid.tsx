import type { MetaFunction } from "@remix-run/node";
import { Heading, Paragraph, TextLink } from "~/ui/content";

export const meta: MetaFunction = () => [
  { title: "Toegankelijkheid - Wij maken Heemstede" },
  {
    name: "description",
    content: "Hoe wij deze website voor iedereen bruikbaar maken, en hoe u een probleem meldt.",
  },
];

export default function Accessibility() {
  return (
    <div className="wmh-stack">
      <Heading level={1}>Toegankelijkheid</Heading>
      <Paragraph lead>
        Iedereen moet deze website kunnen gebruiken. Ook als u slecht ziet, een schermlezer gebruikt, geen
        muis gebruikt of moeite heeft met lezen.
      </Paragraph>

      <section aria-labelledby="doel" className="wmh-stack">
        <Heading level={2} id="doel">
          Ons doel
        </Heading>
        <Paragraph>
          Wij willen dat deze website voldoet aan de internationale norm voor toegankelijkheid: WCAG 2.1 op
          niveau AA. Overheidswebsites in Nederland moeten daaraan voldoen. Wij schrijven onze teksten zo
          eenvoudig mogelijk, op taalniveau B1.
        </Paragraph>
      </section>

      <section aria-labelledby="hoe" className="wmh-stack">
        <Heading level={2} id="hoe">
          Hoe wij dat doen
        </Heading>
        <ul className="utrecht-unordered-list">
          <li>
            Bij elke wijziging van de website controleert een computerprogramma (axe) de pagina&apos;s
            automatisch op bekende problemen met toegankelijkheid. Vindt het programma een fout, dan lossen
            wij die eerst op.
          </li>
          <li>Wij testen of u alles met alleen het toetsenbord kunt doen.</li>
          <li>
            Alle formulieren werken ook zonder JavaScript. Maakt u een fout in een formulier? Dan ziet u
            bovenaan een lijst met de fouten en bij elk veld wat er mis is. Wat u al had ingevuld, blijft
            staan.
          </li>
          <li>Met de link &quot;Direct naar de inhoud&quot; slaat u het menu over.</li>
          <li>
            Wij gebruiken de huisstijlonderdelen van de NL Design System-gemeenschap, die al op
            toegankelijkheid zijn getest.
          </li>
        </ul>
        <Paragraph>
          Een automatische controle vindt niet alle problemen. De website is nog niet onderzocht door een
          onafhankelijke deskundige. Dat willen wij nog laten doen.
        </Paragraph>
      </section>

      <section aria-labelledby="bekend" className="wmh-stack">
        <Heading level={2} id="bekend">
          Wat nog niet goed werkt
        </Heading>
        <ul className="utrecht-unordered-list">
          <li>
            De kaart met initiatieven is lastig te gebruiken met een schermlezer of alleen het toetsenbord.
            Alle informatie van de kaart staat daarom ook in een lijst onder de kaart.
          </li>
          <li>
            Documenten van de gemeente die wij op deze website noemen, zoals de Woonvisie, zijn niet altijd
            toegankelijk. Heeft u een document in een andere vorm nodig? Vraag het ons.
          </li>
        </ul>
      </section>

      <section aria-labelledby="melden" className="wmh-stack">
        <Heading level={2} id="melden">
          Een probleem melden
        </Heading>
        <Paragraph>
          Lukt het niet om iets op deze website te doen? Of ziet u een probleem met de toegankelijkheid? Laat
          het ons weten via het <TextLink to="/contact">contactformulier</TextLink> of bel 14 023. Vertel ons
          op welke pagina het was en wat er misging. Wij helpen u dan op een andere manier en lossen het
          probleem zo snel mogelijk op.
        </Paragraph>
      </section>
    </div>
  );
}
