import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffProjectList } from "~/domain/projects/admin.server";
import { projectStatusLabels } from "~/domain/projects/labels";
import { DemoBadge, Heading, Paragraph } from "~/ui/content";

export const meta: MetaFunction = () => [{ title: "Projecten - Beheer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.projecten._index"]);
  const rows = await staffProjectList();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: projectStatusLabels[r.status],
      isDemo: r.isDemo,
    })),
  };
}

export default function StaffProjects() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Projecten</Heading>
      <Paragraph>Projecten en hun fasen, zoals inwoners ze zien onder Meedenken.</Paragraph>
      {rows.length === 0 ? <Paragraph>Er zijn nog geen projecten.</Paragraph> : null}
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <Link to={`/beheer/projecten/${r.id}`} className="utrecht-link">
              {r.title}
            </Link>{" "}
            ({r.status}) {r.isDemo ? <DemoBadge /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
