import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listFeaturedInitiatives } from "~/domain/initiatives/public-map.server";
import { homeActueel } from "~/domain/news/home.server";
import { participationOverview } from "~/domain/surveys/flow.server";
import { formatDate, formatDateTime, Heading, Paragraph } from "~/ui/content";
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
  const [featured, overview, actueel] = await Promise.all([
    listFeaturedInitiatives(3),
    participationOverview(),
    homeActueel(),
  ]);
  const openSurveys = [...overview.projects.flatMap((p) => p.surveys), ...overview.surveysWithoutProject]
    .slice(0, 3)
    .map((s) => ({ slug: s.slug, title: s.title, closesAt: s.closesAt?.toISOString() ?? null }));
  return {
    featured,
    openSurveys,
    news: actueel.news.map((n) => ({
      slug: n.slug,
      title: n.title,
      summary: n.summary,
      publishAt: n.publishAt!.toISOString(),
    })),
    bijeenkomsten: actueel.bijeenkomsten.map((b) => ({
      href: b.href,
      title: b.title,
      startsAt: b.startsAt.toISOString(),
      place: b.place,
    })),
    phases: actueel.phases,
  };
}

export default function Home() {
  const { featured, openSurveys, news, bijeenkomsten, phases } = useLoaderData<typeof loader>();
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
          {news.map((n) => (
            <li key={n.slug} className="wmh-card">
              <p className="utrecht-paragraph">
                Nieuws, <time dateTime={n.publishAt}>{formatDate(n.publishAt)}</time>
              </p>
              <Heading level={3}>
                <Link to={`/actueel/${n.slug}`} className="utrecht-link">
                  {n.title}
                </Link>
              </Heading>
              <Paragraph>{n.summary}</Paragraph>
            </li>
          ))}
          {bijeenkomsten.map((b) => (
            <li key={b.href} className="wmh-card">
              <p className="utrecht-paragraph">
                Bijeenkomst, <time dateTime={b.startsAt}>{formatDateTime(b.startsAt)}</time>
              </p>
              <Heading level={3}>
                <Link to={b.href} className="utrecht-link">
                  {b.title}
                </Link>
              </Heading>
              <Paragraph>{b.place}</Paragraph>
            </li>
          ))}
          {phases.map((p) => (
            <li key={`${p.projectSlug}-${p.title}`} className="wmh-card">
              <p className="utrecht-paragraph">
                Binnenkort, vanaf {formatDate(p.startsOn!)}
                {p.datesAreDemo ? " (voorbeelddatum)" : null}
              </p>
              <Heading level={3}>
                <Link to={`/meedenken/${p.projectSlug}`} className="utrecht-link">
                  {p.projectTitle}: {p.title}
                </Link>
              </Heading>
            </li>
          ))}
          {openSurveys.map((survey) => (
            <li key={survey.slug} className="wmh-card wmh-card--muted">
              <Heading level={3}>{survey.title}</Heading>
              <Paragraph>
                Wat vindt u belangrijk? Vul de vragenlijst in en denk mee.
                {survey.closesAt ? ` U kunt meedoen tot en met ${formatDate(survey.closesAt)}.` : null}
              </Paragraph>
              <Paragraph>
                <Link to={`/enquete/${survey.slug}`} className="utrecht-link">
                  Naar de vragenlijst<span className="wmh-visually-hidden">: {survey.title}</span>
                </Link>
              </Paragraph>
            </li>
          ))}
          <li className="wmh-card wmh-card--muted">
            <Heading level={3}>Bewonersinitiatieven</Heading>
            <Paragraph>
              Wij zijn trots op de vele initiatieven van inwoners en ondersteunen deze waar mogelijk. Op onze
              interactieve kaart ziet u welke initiatieven er in uw buurt zijn.
            </Paragraph>
            <Paragraph>
              <Link to="/initiatieven" className="utrecht-link">
                Direct naar de interactieve kaart
              </Link>
            </Paragraph>
          </li>
          <li className="wmh-card wmh-card--muted">
            <Heading level={3}>Doe mee met het digipanel</Heading>
            <Paragraph>
              Wilt u vaker uw mening geven? In het digipanel krijgt u een paar keer per jaar een korte
              vragenlijst per e-mail. U kunt altijd stoppen.
            </Paragraph>
            <Paragraph>
              <Link to="/digipanel" className="utrecht-link">
                Aanmelden voor het digipanel
              </Link>
            </Paragraph>
          </li>
        </ul>
        <Paragraph>
          <Link to="/actueel" className="utrecht-link">
            Al het nieuws
          </Link>
        </Paragraph>
      </section>
      <FeaturedInitiatives initiatives={featured} />
    </div>
  );
}
