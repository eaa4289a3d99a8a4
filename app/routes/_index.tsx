import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listFeaturedInitiatives } from "~/domain/initiatives/map.server";
import { Heading, Paragraph } from "~/ui/content";
import { FeaturedInitiatives } from "~/ui/featured-initiatives";
import mapCss from "~/ui/map.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mapCss }];

export const meta: MetaFunction = () => [
  { title: "Wij maken Heemstede" },
  {
    name: "description",
    content: "Samen maken wij Heemstede. Heeft u een idee, wilt u meedenken of contact met de gemeente?",
  },
];

const entrances = [
  {
    to: "/idee",
    title: "Ik heb een idee",
    text: "Heeft u een idee voor uw straat, buurt of voor heel Heemstede? Vertel het ons. U hoort meteen wie u helpt.",
  },
  {
    to: "/meedenken",
    title: "Ik wil meedenken met de gemeente",
    text: "Geef uw mening over plannen van de gemeente. Vul een vragenlijst in of doe mee met het digipanel.",
  },
  {
    to: "/contact",
    title: "Ik wil contact met de gemeente",
    text: "Heeft u een vraag? Stuur ons een bericht of bel 14 023.",
  },
];

export async function loader() {
  return { featured: await listFeaturedInitiatives(3) };
}

export default function Home() {
  const { featured } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Wij maken Heemstede</Heading>
      <Paragraph lead>
        Inwoners, ondernemers, verenigingen, maatschappelijke partners en gemeente: samen maken wij Heemstede.
        Met elkaar zorgen we voor een omgeving waarin we prettig samenleven. Veilig, duurzaam en met oog voor
        elkaar.
      </Paragraph>
      <nav aria-label="Wat wilt u doen?">
        <ul className="wmh-entrances">
          {entrances.map((e) => (
            <li key={e.to} className="wmh-card wmh-entrance">
              <Link to={e.to} className="utrecht-link">
                {e.title}
              </Link>
              <p className="utrecht-paragraph">{e.text}</p>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="actueel">
        <Heading level={2} id="actueel">
          Actueel
        </Heading>
        <ul className="wmh-entrances">
          <li className="wmh-card wmh-card--muted">
            <Heading level={3}>Praat mee over wonen in Heemstede</Heading>
            <Paragraph>
              De gemeente maakt een nieuwe Woonvisie. Wat vindt u belangrijk als het gaat om wonen? Binnenkort
              vragen wij inwoners om hun mening.
            </Paragraph>
          </li>
          <li className="wmh-card wmh-card--muted">
            <Heading level={3}>Bewonersinitiatieven</Heading>
            <Paragraph>
              Wij zijn trots op de vele initiatieven van inwoners en ondersteunen deze waar mogelijk. Heeft u
              zelf een idee? <Link to="/contact">Neem contact met ons op</Link>.
            </Paragraph>
          </li>
        </ul>
      </section>
      <FeaturedInitiatives initiatives={featured} />
    </div>
  );
}
