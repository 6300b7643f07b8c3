// The messages a page used, inline in its HTML, so the browser can take over the page before the
// whole catalogue (≈ 17 KB compressed) arrives: app/entry.client.tsx registers them, hydrates,
// then loads the full catalogue for the next pages. Rendered last in <body>: by then the server
// has rendered (and recorded) everything else on the page.
import { pageMessages, type Lang } from "~/utils/i18n";

const GLOBAL = "__pacteMessages";

/** The script's text, the same on both sides: `<` escaped so no message can close the tag. */
function scriptText(messages: unknown) {
  return `window.${GLOBAL}=${JSON.stringify(messages).replace(/</g, "\\u003c")}`;
}

// In the browser, the text the server sent, kept as it was for every later render.
let hydratedText: string | null = null;

export function PageMessages({ lang }: { lang: Lang }) {
  const text = typeof document === "undefined" ? scriptText(pageMessages(lang)) : (hydratedText ??= scriptText(Reflect.get(window, GLOBAL) ?? {}));
  return <script dangerouslySetInnerHTML={{ __html: text }} />;
}

/** What the page's script left for the browser, if anything. */
export function inlinePageMessages(): Record<string, string> | null {
  const value: unknown = Reflect.get(window, GLOBAL);
  if (typeof value !== "object" || value === null) return null;
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
