import { registerCatalogue } from "~/utils/i18n";
import { en } from "./en";
import { fr } from "./fr";

/** The server renders and answers in both languages: called once at start (entry.server.tsx). */
export function registerServerCatalogues() {
  registerCatalogue("fr", fr);
  registerCatalogue("en", en);
}
