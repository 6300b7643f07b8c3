// Pacte's service worker (docs/decisions/0008-offline-capture.md): hand-written, no build step.
// - /build/* (hashed, immutable): cache first, kept across visits.
// - A focal point's pages ("Mes actions", their report forms): network first, the last good
//   copy kept for when the network is away. The server stays the source of truth.
// - Pages belong to one person: the page tells this worker who is signed in, and the copies
//   are dropped when that changes or on sign-out.
const ASSETS = "pacte-assets-v1";
const PAGES = "pacte-pages-v1";
const META = "pacte-meta-v1";
const USER_KEY = "/__pacte/user";
const PAGE_PATHS = [/^\/my-actions$/, /^\/reports\/(?!new$)[^/.]+$/];

const isPage = (url) => url.origin === self.location.origin && PAGE_PATHS.some((pattern) => pattern.test(url.pathname));
const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith("/build/");

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([ASSETS, PAGES, META]);
      for (const name of await caches.keys()) if (name.startsWith("pacte-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function currentUser() {
  const response = await (await caches.open(META)).match(USER_KEY);
  return response ? response.text() : "";
}

async function setUser(userId) {
  if ((await currentUser()) === userId) return;
  // Another person (or nobody): the previous person's pages must not be shown to them.
  await caches.delete(PAGES);
  await (await caches.open(META)).put(USER_KEY, new Response(userId));
}

async function forget() {
  await caches.delete(PAGES);
  await caches.delete(META);
}

/** A page worth keeping: a plain 200 HTML answer, for the person the cache belongs to. */
async function keepPage(request, response) {
  if (!response.ok || response.redirected || !(response.headers.get("Content-Type") || "").includes("text/html")) return;
  if (!(await currentUser())) return;
  const url = new URL(request.url);
  url.search = "";
  await (await caches.open(PAGES)).put(url.href, response);
}

async function keepAsset(request, response) {
  if (response.ok) await (await caches.open(ASSETS)).put(request, response);
}

const OFFLINE_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hors ligne – Pacte</title><link rel="icon" href="data:,"><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Pas de connexion</h1><p>Cette page n'a pas été gardée sur cet appareil. Les pages « Mes actions » et les rapports que vous avez déjà ouverts restent disponibles hors ligne.</p>
<p><a href="/my-actions">Ouvrir « Mes actions »</a></p></body></html>`;

async function page(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    event.waitUntil(keepPage(request, response.clone()));
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: PAGES, ignoreSearch: true });
    if (cached) return cached;
    // A page of its own, not an error: the browser's own "no connection" page would say less.
    if (request.mode === "navigate") return new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    throw error;
  }
}

/**
 * Remix asks for the routes behind the links a page shows (lazy route discovery). Offline, the
 * answer kept for the same question, else none: a link then opens as a page (offline-support.tsx).
 */
async function routesManifest(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && (await currentUser())) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  } catch {
    const cached = await caches.match(event.request, { cacheName: PAGES });
    return cached || new Response("{}", { headers: { "Content-Type": "application/json" } });
  }
}

async function asset(event) {
  const cached = await caches.match(event.request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(keepAsset(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/logout") {
    // Sign-out: the pages go even if the page's own clean-up did not run.
    event.waitUntil(forget());
    return;
  }
  if (request.method !== "GET") return;
  if (isAsset(url)) event.respondWith(asset(event));
  else if (url.pathname === "/__manifest") event.respondWith(routesManifest(event));
  else if (request.mode === "navigate" && isPage(url)) event.respondWith(page(event));
});

/**
 * Fills the caches with what a page names: its assets, and the focal point's pages not kept yet
 * (a page opened through this worker is already fresh; `refresh` names one reached otherwise).
 */
async function warm(urls, refresh) {
  const user = await currentUser();
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    try {
      if (url.pathname === "/__manifest") {
        if (user && !(await caches.match(url.href, { cacheName: PAGES }))) {
          const response = await fetch(url.href);
          if (response.ok) await (await caches.open(PAGES)).put(url.href, response);
        }
      } else if (isAsset(url)) {
        if (!(await caches.match(url.href, { cacheName: ASSETS }))) await keepAsset(url.href, await fetch(url.href));
      } else if (user && isPage(url)) {
        if (!refresh.includes(url.pathname) && (await caches.match(url.href, { cacheName: PAGES }))) continue;
        const request = new Request(url.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
        await keepPage(request, await fetch(request));
      }
    } catch {
      // Offline or refused: the next visit tries again.
    }
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "user") event.waitUntil(setUser(String(message.userId || "")).then(() => message.userId && warm(message.urls || [], message.refresh || [])));
  else if (message.type === "forget") event.waitUntil(forget());
});
