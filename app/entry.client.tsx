import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerCatalogue } from "~/utils/i18n";

// Only the page's language is downloaded (a chunk of its own), before React takes over the
// server-rendered page, which is already usable meanwhile.
const lang = document.documentElement.lang === "en" ? "en" : "fr";
const catalogue = lang === "en" ? import("~/locales/en").then((module) => module.en) : import("~/locales/fr").then((module) => module.fr);

void catalogue.then((messages) => {
  registerCatalogue(lang, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
