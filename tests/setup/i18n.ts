// The server registers both catalogues at start (entry.server.tsx); tests call loaders and
// actions without it, so they register them here the same way.
import { registerServerCatalogues } from "~/locales/catalogues.server";

registerServerCatalogues();
