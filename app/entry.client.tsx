import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { inlinePageMessages } from "~/components/page-messages";
import { registerCatalogue, type PageMessages } from "~/utils/i18n";

// Only the page's language is downloaded (a chunk of its own). The page carries the messages it
// shows (app/components/page-messages.tsx), so React takes over at once and the whole catalogue,
// needed by the next pages, follows when the browser is idle. The server-rendered page is
// usable meanwhile.
const lang = document.documentElement.lang === "en" ? "en" : "fr";
const catalogue = () => (lang === "en" ? import("~/locales/en").then((module) => module.en) : import("~/locales/fr").then((module) => module.fr));

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

/** Once React has taken over the page (the root sets data-ready) and the browser is idle. */
function whenReadyAndIdle(run: () => void) {
  const later = () => ("requestIdleCallback" in window ? window.requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 500));
  if (document.documentElement.dataset.ready === "true") return later();
  new MutationObserver((_records, observer) => {
    if (document.documentElement.dataset.ready !== "true") return;
    observer.disconnect();
    later();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-ready"] });
}

const inline: PageMessages | null = inlinePageMessages();
if (inline) {
  registerCatalogue(lang, inline);
  hydrate();
  // Offline, the chunk may be missing: the page keeps its own messages.
  whenReadyAndIdle(() => void catalogue().then((messages) => registerCatalogue(lang, messages), () => {}));
} else {
  void catalogue().then((messages) => {
    registerCatalogue(lang, messages);
    hydrate();
  });
}
