import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLanguage } from "~/modules/users/users.server";
import { getOptionalUser, safeRedirect } from "~/utils/auth.server";
import { badRequest } from "~/utils/http.server";
import { isLang } from "~/utils/i18n";
import { languageCookie } from "~/utils/language.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language: the cookie for everyone, the profile for signed-in users. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLang(lang)) return badRequest({ errors: { lang: "validation.invalidChoice" } });
  const user = await getOptionalUser(request);
  if (user) await setUserLanguage(user.id, lang);
  throw redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(lang) },
  });
}
