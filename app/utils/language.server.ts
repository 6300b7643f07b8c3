import { createCookie } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "./i18n";

// Remembers the language of signed-out visitors; signed-in users keep theirs in their profile.
export const languageCookie = createCookie("pacte_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

export async function getLang(request: Request, user?: { language: "FR" | "EN" } | null): Promise<Lang> {
  if (user) return user.language === "EN" ? "en" : "fr";
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}

export function toDbLanguage(lang: Lang) {
  return lang === "en" ? "EN" : "FR";
}
