import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eventWhen } from "~/domain/events/event-mail.server";
import { eventPages } from "~/domain/events/events.server";
import { DemoBadge, Heading, Paragraph } from "~/ui/content";

export const meta: MetaFunction = () => [{ title: "Bijeenkomsten - Wij maken Heemstede" }];

export async function loader() {
  const list = await eventPages.upcoming();
  return {
    events: list.map((e) => ({
      id: e.id,
      title: e.title,
      when: eventWhen(e),
      address: e.address,
      isDemo: e.isDemo,
    })),
  };
}

export default function Events() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Bijeenkomsten</Heading>
      <Paragraph lead>Kom naar een bijeenkomst en praat mee met de gemeente en andere inwoners.</Paragraph>
      {events.length === 0 ? <Paragraph>Er zijn op dit moment geen bijeenkomsten gepland.</Paragraph> : null}
      <ul className="wmh-survey-list">
        {events.map((e) => (
          <li key={e.id}>
            <Link to={`/bijeenkomsten/${e.id}`} className="utrecht-link">
              {e.title}
            </Link>{" "}
            {e.isDemo ? <DemoBadge /> : null}
            <br />
            {e.when}, {e.address}
          </li>
        ))}
      </ul>
    </div>
  );
}
