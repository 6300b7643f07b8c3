// Translation and formatting, shared by server and browser. French is the default.
//
// The catalogues are not imported here, so the browser downloads only the reader's language:
// app/entry.client.tsx loads it before hydrating, the server registers both at start
// (app/locales/catalogues.server.ts, called by app/entry.server.tsx).
import { useRouteLoaderData } from "@remix-run/react";
import type { fr } from "~/locales/fr";

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;
export const LANGUAGES = ["fr", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "fr";

/** A page's share of a catalogue: the messages it showed (see pageMessages). */
export type PageMessages = Partial<Catalogue>;

const catalogues: Partial<Record<Lang, PageMessages>> = {};
const locales: Record<Lang, string> = { fr: "fr-ML", en: "en" };

export function registerCatalogue(lang: Lang, catalogue: PageMessages) {
  catalogues[lang] = catalogue;
}

// On a slow line the browser first gets only the messages the page used, inline in the HTML
// (app/components/page-messages.tsx), and the whole catalogue once the page works. The server
// records the keys of each page it renders through this hook (app/entry.server.tsx).
let pageKeys: () => Set<string> | undefined = () => undefined;
export function setPageKeyRecorder(recorder: () => Set<string> | undefined) {
  pageKeys = recorder;
}

/** Always part of a page's messages: what the browser may show before anything else loads. */
const PAGE_MESSAGE_PREFIXES = ["validation.", "form.", "offline.", "conflict."];

/** The messages the page being rendered used so far, plus the always-needed ones (server side). */
export function pageMessages(lang: Lang): PageMessages {
  const catalogue = catalogues[lang] ?? {};
  const used = pageKeys() ?? new Set<string>();
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => used.has(key) || PAGE_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix))));
}

/** Whether this process (or this browser tab) has the catalogue of `lang`. */
export function hasCatalogue(lang: Lang) {
  return catalogues[lang] !== undefined;
}

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.values(catalogues).some((catalogue) => catalogue !== undefined && value in catalogue);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => {
    pageKeys()?.add(key);
    const template = catalogues[lang]?.[key] ?? catalogues[DEFAULT_LANG]?.[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}

/** Translates a validation message that is a catalogue key, or returns it as is. */
export function translateMessage(t: Translate, message: string) {
  return isMessageKey(message) ? t(message) : message;
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(locales[lang], options).format(value);
}

export function formatXof(lang: Lang, value: number) {
  return `${formatNumber(lang, value, { maximumFractionDigits: 0 })} FCFA`;
}

export function formatPercent(lang: Lang, value: number) {
  return `${formatNumber(lang, value, { maximumFractionDigits: 1 })} %`;
}

export function formatDate(lang: Lang, value: Date | string, options?: Intl.DateTimeFormatOptions) {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "UTC", ...options }).format(date);
}

export function formatDateTime(lang: Lang, value: Date | string) {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Africa/Bamako",
  }).format(date);
}

type RootI18nData = { lang: Lang };

function hasLang(data: unknown): data is RootI18nData {
  return typeof data === "object" && data !== null && "lang" in data && isLang(data.lang);
}

/** The page's language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData("root");
  return hasLang(data) ? data.lang : DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
