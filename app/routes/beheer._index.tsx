import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, redirect, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { hasAnyRole, municipalRoles, staffAccess } from "~/domain/auth/roles";
import { attentionFor } from "~/domain/platform/attention.server";
import { Heading, Paragraph } from "~/ui/content";
import { staffNavigation } from "~/ui/staff-navigation";

export const meta: MetaFunction = () => [{ title: "Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer._index"]);
  // A partner (corporatie or huurdersorganisatie) has only the monitor pages.
  if (!hasAnyRole(user.roles, municipalRoles)) throw redirect("/beheer/prestatieafspraken");
  return { user, attention: await attentionFor(user.roles) };
}

export default function StaffHome() {
  const { user, attention } = useLoaderData<typeof loader>();
  const items = staffNavigation.filter(
    (item) =>
      item.to !== "/beheer" &&
      hasAnyRole(user.roles, staffAccess[item.access as keyof typeof staffAccess] ?? []),
  );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Beheer</Heading>
      <Paragraph>Welkom, {user.name}.</Paragraph>
      {attention.length ? (
        <section aria-labelledby="aandacht-titel">
          <Heading level={2} id="aandacht-titel">
            Wat aandacht nodig heeft
          </Heading>
          <ul className="wmh-attention">
            {attention.map((a) => (
              <li key={a.key}>
                <Link to={a.to} className="utrecht-link">
                  <strong>{a.count}</strong> {a.label.charAt(0).toLowerCase() + a.label.slice(1)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Heading level={2}>Alle onderdelen</Heading>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="utrecht-link">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
