// Page titles in the reader's language: meta functions read the language from the root loader.
import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LANG, isLang, translator, type MessageKey, type Params } from "./i18n";

type Match = { id: string; data: unknown };

function langOf(matches: readonly Match[]) {
  const data = matches.find((match) => match.id === "root")?.data;
  const lang = data && typeof data === "object" && "lang" in data ? data.lang : undefined;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** `<title>` as "<page> – Pacte", from a catalogue key or a ready-made text (a plan's title). */
export function pageTitle(matches: readonly Match[], page: MessageKey | { text: string }, params?: Params): MetaDescriptor[] {
  const t = translator(langOf(matches));
  const text = typeof page === "string" ? t(page, params) : page.text;
  return [{ title: `${text} – ${t("app.name")}` }];
}
