import { Heading, Paragraph, TextLink } from "./content";
import { InitiativeCard } from "./map/initiative-card";

export interface FeaturedInitiative {
  id: string;
  title: string;
  summary: string;
  themeLabel: string;
  statusLabel: string;
  wijkName: string | null;
  isDemo: boolean;
}

/** "Uitgelichte initiatieven" on the home page (seed 002: Ik heb een idee → uitgelichte initiatieven). */
export function FeaturedInitiatives({ initiatives }: { initiatives: FeaturedInitiative[] }) {
  return (
    <section aria-labelledby="uitgelicht" className="wmh-stack">
      <Heading level={2} id="uitgelicht">
        Uitgelichte initiatieven
      </Heading>
      {initiatives.length ? (
        <ul className="wmh-entrances">
          {initiatives.map((i) => (
            <InitiativeCard
              key={i.id}
              to={`/initiatieven/${i.id}`}
              title={i.title}
              summary={i.summary}
              theme={i.themeLabel}
              status={i.statusLabel}
              wijk={i.wijkName}
              isDemo={i.isDemo}
              headingLevel={3}
            />
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <TextLink to="/initiatieven">Direct naar de kaart met alle initiatieven</TextLink>
      </Paragraph>
    </section>
  );
}
