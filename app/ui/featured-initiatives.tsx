import { Heading, Paragraph, TextLink } from "./content";
import { InitiativeCard, type InitiativeSummary } from "./map/initiative-card";

/** "Uitgelichte initiatieven" on the home page (seed 002: Ik heb een idee → uitgelichte initiatieven). */
export function FeaturedInitiatives({ initiatives }: { initiatives: InitiativeSummary[] }) {
  return (
    <section aria-labelledby="uitgelicht" className="wmh-stack">
      <Heading level={2} id="uitgelicht">
        Uitgelichte initiatieven
      </Heading>
      {initiatives.length ? (
        <ul className="wmh-entrances">
          {initiatives.map((i) => (
            <InitiativeCard key={i.id} initiative={i} headingLevel={3} />
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <TextLink to="/initiatieven">Direct naar de kaart met alle initiatieven</TextLink>
      </Paragraph>
    </section>
  );
}
