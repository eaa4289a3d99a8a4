import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireStaffForSetup } from "~/domain/auth/auth.server";
import { hasAnyRole, roleLabels, staffAccess } from "~/domain/auth/roles";
import { DemoBadge } from "~/ui/content";
import { staffNavigation } from "~/ui/staff-navigation";

export async function loader({ request }: LoaderFunctionArgs) {
  // Without the two-factor rule: the layout also wraps the set-up page; every page's own loader
  // applies the rule through requireRole.
  const user = await requireStaffForSetup(request);
  return { user };
}

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  const items = staffNavigation.filter((item) =>
    hasAnyRole(user.roles, staffAccess[item.access as keyof typeof staffAccess] ?? []),
  );
  return (
    <>
      <div className="wmh-staff-nav wmh-no-print">
        <nav aria-label="Beheer">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/beheer"}>
                  {item.label}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/beheer/tweestapsverificatie">Tweestapsverificatie</NavLink>
            </li>
            <li>
              Ingelogd als {user.name} ({user.roles.map((r) => roleLabels[r]).join(", ")}){" "}
              {user.isDemo ? <DemoBadge /> : null}
            </li>
            <li>
              <Form method="post" action="/beheer/uitloggen" className="wmh-inline-form">
                <button type="submit" className="utrecht-link-button utrecht-link-button--html-button">
                  Uitloggen
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      </div>
      <div className="wmh-staff-page">
        <Outlet />
      </div>
    </>
  );
}
