import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffMonitorHome } from "~/domain/monitor/pages.server";
import { tertiaalLabel } from "~/domain/monitor/vocabulary";
import { Alert, formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { StaffAgreementListSection } from "~/ui/monitor/staff-list";
import { StoplichtBadge } from "~/ui/monitor/stoplicht";
import monitorCss from "~/ui/monitor.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: monitorCss }];
export const meta: MetaFunction = () => [{ title: "Prestatieafspraken - Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.prestatieafspraken._index"]);
  return staffMonitorHome(user, new URL(request.url));
}

export default function StaffMonitorHome() {
  const data = useLoaderData<typeof loader>();
  const round = data.round;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Prestatieafspraken</Heading>
      <Paragraph>
        {round
          ? `De ronde voor ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is open.`
          : "Er is nu geen ronde open."}{" "}
        <TextLink to="/prestatieafspraken">Bekijk de openbare pagina</TextLink>
      </Paragraph>
      {data.isGemeente ? (
        <>
          <ul>
            <li>
              <TextLink to="/beheer/prestatieafspraken/rondes">
                Rondes openen en sluiten, wie moet nog bijwerken
              </TextLink>
            </li>
            <li>
              <TextLink to="/beheer/prestatieafspraken/import">
                Updates importeren uit een spreadsheet
              </TextLink>
            </li>
            <li>
              <a className="utrecht-link" href="#alle-afspraken">
                Alle afspraken zoeken en openen
              </a>
            </li>
          </ul>
          <Heading level={2}>Updates die wachten op bevestiging</Heading>
          {data.pending.length === 0 ? (
            <Paragraph>Er wachten geen updates.</Paragraph>
          ) : (
            <ul className="wmh-agreement-list">
              {data.pending.map((u) => (
                <li key={u.id}>
                  <Link className="utrecht-link" to={`/beheer/prestatieafspraken/${u.agreementId}`}>
                    {u.key}: {u.title}
                  </Link>
                  <p className="utrecht-paragraph">
                    <StoplichtBadge stoplicht={u.stoplicht} /> · {u.organisationName} ·{" "}
                    {tertiaalLabel(u.year, u.tertiaal)} · {formatDateTime(u.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {data.list ? <StaffAgreementListSection list={data.list} /> : null}
        </>
      ) : data.organisationName ? (
        <>
          <Paragraph>
            U werkt namens <strong>{data.organisationName}</strong>.{" "}
            {data.organisationKind === "tenant_organisation"
              ? "U kunt per afspraak een reactie geven."
              : "U kunt de afspraken bijwerken waarvan uw organisatie trekker of partij is. De gemeente bevestigt uw update voordat hij openbaar wordt."}
          </Paragraph>
          {round ? (
            <>
              <Heading level={2}>Uw afspraken in deze ronde</Heading>
              <ul className="wmh-agreement-list">
                {data.mine.map((a) => (
                  <li key={a.id}>
                    <Link className="utrecht-link" to={`/beheer/prestatieafspraken/${a.id}`}>
                      {a.number}: {a.title}
                    </Link>
                    <p className="utrecht-paragraph wmh-meta">{a.done ?? "Nog niet bijgewerkt"}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <Alert type="warning">
          Uw account is nog niet gekoppeld aan een woningcorporatie of huurdersorganisatie. Daarom kunt u nog
          geen afspraken bijwerken of een reactie geven. Vraag de beheerder bij de gemeente om uw account aan
          uw organisatie te koppelen. Daarna kunt u meteen verder.
        </Alert>
      )}
    </div>
  );
}
