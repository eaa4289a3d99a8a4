import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { campaignFigures, getCampaign } from "~/domain/panel/campaign-figures.server";
import { cancelCampaign } from "~/domain/panel/campaign-queue.server";
import { wijkNames } from "~/domain/panel/members.server";
import { ageGroupLabel } from "~/domain/panel/profile";
import { parseStratum } from "~/domain/panel/sampling";
import { type BarSeries, GroupedBars } from "~/ui/charts/grouped-bars";
import { formatDateTime, Heading, Paragraph, TextLink } from "~/ui/content";
import { SubmitButton } from "~/ui/form";
import panelCss from "~/ui/panel.css?url";
import { TableScroll } from "~/ui/table-scroll";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelCss }];
export const meta: MetaFunction = () => [{ title: "Uitnodiging - Digipanel - Beheer" }];

function campaignId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new Response("Niet gevonden", { status: 404 });
  return id;
}

const statusLabels = {
  scheduled: "Ingepland",
  queued: "Verstuurd",
  done: "Afgerond",
  cancelled: "Geannuleerd",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.digipanel.campagnes.$id"]);
  const id = campaignId(params.id);
  const row = await getCampaign(id);
  if (!row) throw new Response("Niet gevonden", { status: 404 });
  const [figures, wijken] = await Promise.all([campaignFigures(id), wijkNames()]);
  const c = row.campaign;
  return {
    campaign: {
      id: c.id,
      name: c.name,
      status: c.status,
      mode: c.mode,
      scheduledAt: c.scheduledAt.toISOString(),
      targetCompletes: c.targetCompletes,
      expectedResponseRate: c.expectedResponseRate,
      maxReminders: c.maxReminders,
      reminderAfterDays: c.reminderAfterDays,
      subject: c.subject,
    },
    surveyTitle: row.surveyTitle,
    total: figures.total,
    strata: figures.strata.map((s) => {
      const { ageGroup, wijkCode } = parseStratum(s.stratum);
      const ageLabel = ageGroupLabel(ageGroup);
      const wijkLabel = wijken.find((w) => w.code === wijkCode)?.name ?? wijkCode;
      return { ...s, ageLabel, wijkLabel, label: `${ageLabel}, ${wijkLabel}` };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.digipanel.campagnes.$id"]);
  const id = campaignId(params.id);
  const form = await request.formData();
  if (form.get("intent") === "cancel") await cancelCampaign(user, id);
  throw redirect(`/beheer/digipanel/campagnes/${id}`);
}

const pct = (n: number | null) =>
  n === null ? "–" : `${n.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

const responseSeries: BarSeries[] = [
  { key: "invited", label: "Uitgenodigd", pattern: "outline" },
  { key: "started", label: "Begonnen", pattern: "hatched" },
  { key: "completed", label: "Ingevuld", pattern: "solid" },
];
const count = (n: number) => Math.round(n).toLocaleString("nl-NL");

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The chart sums the strata per age group and per wijk (5 + 6 groups instead of up to 30). */
function responseByPart(strata: LoaderData["strata"]) {
  return (["Respons per leeftijdsgroep", "Respons per wijk"] as const).map((title, i) => {
    const sums = new Map<string, { invited: number; started: number; completed: number }>();
    for (const s of strata) {
      if (s.invited === 0) continue;
      const key = i === 0 ? s.ageLabel : s.wijkLabel;
      const sum = sums.get(key) ?? { invited: 0, started: 0, completed: 0 };
      sum.invited += s.invited;
      sum.started += s.started;
      sum.completed += s.completed;
      sums.set(key, sum);
    }
    return { title, groups: [...sums].map(([label, values]) => ({ label, values })) };
  });
}

export default function CampaignPage() {
  const { campaign, surveyTitle, total, strata } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>{campaign.name}</Heading>
      <Paragraph>
        Enquête: {surveyTitle} · {statusLabels[campaign.status]} · versturen op{" "}
        {formatDateTime(campaign.scheduledAt)}
        {campaign.mode === "sample"
          ? ` · steekproef voor ${campaign.targetCompletes} ingevulde enquêtes bij ${campaign.expectedResponseRate}% respons`
          : " · alle actieve leden"}
        {campaign.maxReminders
          ? ` · ${campaign.maxReminders} herinnering(en) na ${campaign.reminderAfterDays} dagen`
          : " · geen herinneringen"}
        . <TextLink to="/beheer/digipanel">Terug naar Digipanel</TextLink>
      </Paragraph>
      {campaign.status === "scheduled" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <SubmitButton variant="secondary">Uitnodiging annuleren</SubmitButton>
        </Form>
      ) : null}
      <CampaignCounts total={total} />
      {total.invited > 0 ? (
        <ResponseCharts total={total} strata={strata} />
      ) : (
        <Paragraph>
          Er zijn nog geen uitnodigingen gemaakt. De cijfers komen hier zodra ze verstuurd worden.
        </Paragraph>
      )}
      <StrataTable sample={campaign.mode === "sample"} strata={strata} />
    </div>
  );
}

function CampaignCounts({ total }: { total: LoaderData["total"] }) {
  return (
    <ul className="wmh-panel-counts" aria-label="Cijfers">
      <li>
        <strong>{total.invited}</strong> uitgenodigd
      </li>
      <li>
        <strong>{total.sent}</strong> bezorgd
      </li>
      <li>
        <strong>{total.queued}</strong> in de wachtrij
      </li>
      <li>
        <strong>{total.failed}</strong> mislukt
      </li>
      <li>
        <strong>{total.started}</strong> begonnen
      </li>
      <li>
        <strong>{total.completed}</strong> ingevuld
      </li>
      <li>
        <strong>{pct(total.responseRate)}</strong> respons
      </li>
      <li>
        <strong>{total.reminders}</strong> herinneringen
      </li>
    </ul>
  );
}

/** Invited, started and completed: all groups together, then per age group and per wijk. */
function ResponseCharts({ total, strata }: { total: LoaderData["total"]; strata: LoaderData["strata"] }) {
  return (
    <>
      <GroupedBars
        title="Respons in aantallen leden: alle groepen samen"
        series={responseSeries}
        groups={[
          {
            label: "Alle groepen",
            values: { invited: total.invited, started: total.started, completed: total.completed },
          },
        ]}
        format={count}
        whole
      />
      {responseByPart(strata).map((part) => (
        <GroupedBars
          key={part.title}
          title={`${part.title}, in aantallen leden; de cijfers per leeftijd × wijk staan in de tabel`}
          series={responseSeries}
          groups={part.groups}
          format={count}
          whole
        />
      ))}
    </>
  );
}

/** The figures per stratum (age × wijk), with the quota when the invitation is a sample. */
function StrataTable({ sample, strata }: { sample: boolean; strata: LoaderData["strata"] }) {
  return (
    <TableScroll label="Respons per groep (leeftijd × wijk)">
      <table className="wmh-panel-table">
        <caption>Respons per groep (leeftijd × wijk)</caption>
        <thead>
          <tr>
            <th scope="col">Groep</th>
            {sample ? (
              <th scope="col" className="wmh-num">
                Quotum
              </th>
            ) : null}
            <th scope="col" className="wmh-num">
              Uitgenodigd
            </th>
            <th scope="col" className="wmh-num">
              Mislukt
            </th>
            <th scope="col" className="wmh-num">
              Begonnen
            </th>
            <th scope="col" className="wmh-num">
              Ingevuld
            </th>
            <th scope="col" className="wmh-num">
              Respons
            </th>
          </tr>
        </thead>
        <tbody>
          {strata.map((s) => (
            <tr key={s.stratum}>
              <th scope="row">{s.label}</th>
              {sample ? <td className="wmh-num">{s.quota}</td> : null}
              <td className="wmh-num">{s.invited}</td>
              <td className="wmh-num">{s.failed}</td>
              <td className="wmh-num">{s.started}</td>
              <td className="wmh-num">{s.completed}</td>
              <td className="wmh-num">{pct(s.responseRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
