import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { listCampaigns } from "~/domain/panel/campaign-figures.server";
import { DEVIATION_THRESHOLD, formatDeviation } from "~/domain/panel/composition";
import { membersByStatus, panelComposition } from "~/domain/panel/overview.server";
import { ageGroupLabel, tenureShortLabels } from "~/domain/panel/profile";
import { ButtonLink, DemoBadge, formatDateTime, Heading, Paragraph } from "~/ui/content";
import panelCss from "~/ui/panel.css?url";
import { CompositionChart } from "~/ui/panel-composition-chart";
import { TableScroll } from "~/ui/table-scroll";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Digipanel - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.digipanel._index"]);
  const [counts, composition, campaigns] = await Promise.all([
    membersByStatus(),
    panelComposition(),
    listCampaigns(),
  ]);
  return { counts, composition, campaigns };
}

const dimensionTitles = { age: "Leeftijd", wijk: "Wijk", tenure: "Woning" } as const;
export const campaignStatusLabels = {
  scheduled: "Ingepland",
  queued: "Verstuurd",
  done: "Afgerond",
  cancelled: "Geannuleerd",
} as const;

function categoryLabel(dimension: "age" | "wijk" | "tenure", label: string) {
  if (dimension === "age") return ageGroupLabel(label);
  if (dimension === "tenure") return tenureShortLabels[label as keyof typeof tenureShortLabels] ?? label;
  return label;
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const pct = (n: number | null) =>
  n === null ? "–" : `${n.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

export default function PanelOverview() {
  const { counts, composition, campaigns } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Digipanel</Heading>
      <section aria-labelledby="leden">
        <Heading level={2} id="leden">
          Leden
        </Heading>
        <ul className="wmh-panel-counts">
          <li>
            <strong>{counts.active}</strong> actief
          </li>
          <li>
            <strong>{counts.pending}</strong> nog niet bevestigd
          </li>
          <li>
            <strong>{counts.left}</strong> gestopt
          </li>
        </ul>
        <Paragraph>
          Hier staan alleen aantallen. E-mailadressen van leden zijn in het beheer niet te zien.
        </Paragraph>
      </section>

      <section aria-labelledby="samenstelling">
        <Heading level={2} id="samenstelling">
          Samenstelling van het panel tegenover Heemstede
        </Heading>
        <Paragraph>
          Actieve leden vergeleken met de bevolking. Een verschil van {DEVIATION_THRESHOLD} procentpunt of
          meer is gemarkeerd.{" "}
          <Link to="/beheer/digipanel/bevolking">Bevolkingscijfers invullen of uploaden</Link>
        </Paragraph>
        {composition.map((c) => (
          <CompositionDimension key={c.dimension} c={c} />
        ))}
      </section>

      <CampaignsSection campaigns={campaigns} />
    </div>
  );
}

/** One dimension (age, wijk, tenure): the chart, and the panel against the population in a table. */
function CompositionDimension({ c }: { c: LoaderData["composition"][number] }) {
  return (
    <div>
      <CompositionChart data={c} />
      <TableScroll
        label={`${dimensionTitles[c.dimension]}${c.populationIsDemo ? ", voorbeeldcijfers bevolking" : ""}${
          c.hasPopulation ? "" : " (nog geen bevolkingscijfers)"
        }`}
      >
        <table className="wmh-panel-table">
          <caption>
            {dimensionTitles[c.dimension]}
            {c.populationIsDemo ? (
              <>
                {" "}
                <DemoBadge /> voorbeeldcijfers bevolking
              </>
            ) : null}
            {c.hasPopulation ? null : " (nog geen bevolkingscijfers)"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Groep</th>
              <th scope="col" className="wmh-num">
                Leden
              </th>
              <th scope="col" className="wmh-num">
                Panel
              </th>
              <th scope="col" className="wmh-num">
                Bevolking
              </th>
              <th scope="col" className="wmh-num">
                Verschil (procentpunt)
              </th>
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{categoryLabel(c.dimension, r.label)}</th>
                <td className="wmh-num">{r.panelCount}</td>
                <td className="wmh-num">{pct(r.panelShare)}</td>
                <td className="wmh-num">{pct(r.populationShare)}</td>
                <td
                  className={`wmh-num${r.flag === "under" ? " wmh-panel-under" : r.flag === "over" ? " wmh-panel-over" : ""}`}
                >
                  {formatDeviation(r.deviation)}
                  {r.flag === "under" ? " (te weinig)" : r.flag === "over" ? " (te veel)" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function CampaignsSection({ campaigns }: { campaigns: LoaderData["campaigns"] }) {
  return (
    <section aria-labelledby="campagnes">
      <Heading level={2} id="campagnes">
        Uitnodigingen
      </Heading>
      <ButtonLink to="/beheer/digipanel/campagnes/nieuw">Nieuwe uitnodiging</ButtonLink>
      {campaigns.length === 0 ? (
        <Paragraph>Er zijn nog geen uitnodigingen verstuurd.</Paragraph>
      ) : (
        <TableScroll label="Alle uitnodigingen">
          <table className="wmh-panel-table">
            <caption>Alle uitnodigingen</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Enquête</th>
                <th scope="col">Moment</th>
                <th scope="col">Status</th>
                <th scope="col" className="wmh-num">
                  Uitgenodigd
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/beheer/digipanel/campagnes/${c.id}`}>{c.name}</Link>{" "}
                    {c.isDemo ? <DemoBadge /> : null}
                  </td>
                  <td>{c.surveyTitle}</td>
                  <td>{formatDateTime(c.scheduledAt)}</td>
                  <td>{campaignStatusLabels[c.status]}</td>
                  <td className="wmh-num">{c.invited}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
