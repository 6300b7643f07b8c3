import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "~/utils/auth.server";
import { clearSessionCookie } from "~/utils/session.server";

export async function loader() {
  // Signing out changes state, so it is a POST only.
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await logout(request);
  throw redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie() } });
}
