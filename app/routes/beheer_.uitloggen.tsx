import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { logout } from "~/domain/auth/auth.server";

export async function loader() {
  // Logging out changes state, so only POST does it; a plain visit goes back to the staff area.
  throw redirect("/beheer");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await logout(request);
  throw redirect("/beheer/inloggen?uitgelogd=1", { headers: { "Set-Cookie": cookie } });
}
