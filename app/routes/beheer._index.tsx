import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, redirect, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/auth.server";
import { hasAnyRole, municipalRoles, staffAccess } from "~/domain/auth/roles";
import { Heading, Paragraph } from "~/ui/content";
import { staffNavigation } from "~/ui/staff-navigation";

export const meta: MetaFunction = () => [{ title: "Beheer - Wij maken Heemstede" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer._index"]);
  // A partner (corporatie or huurdersorganisatie) has only the monitor pages.
  if (!hasAnyRole(user.roles, municipalRoles)) throw redirect("/beheer/prestatieafspraken");
  return { user };
}

export default function StaffHome() {
  const { user } = useLoaderData<typeof loader>();
  const items = staffNavigation.filter(
    (item) =>
      item.to !== "/beheer" &&
      hasAnyRole(user.roles, staffAccess[item.access as keyof typeof staffAccess] ?? []),
  );
  return (
    <div className="wmh-stack">
      <Heading level={1}>Beheer</Heading>
      <Paragraph>Welkom, {user.name}. Kies waar u aan wilt werken.</Paragraph>
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
