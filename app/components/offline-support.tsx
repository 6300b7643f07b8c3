// Offline capture for focal points (docs/decisions/0008-offline-capture.md), loaded by
// offline-root.tsx once the page works: registers the service worker and tells it who is signed in, sends the
// outbox when the connection returns, lists what waits on this device, and clears the
// device on sign-out. Everything here is an enhancement: without JavaScript nothing changes.
import { useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { OUTBOX_EVENT, type OutboxEntry } from "~/utils/offline/shared";
import { clearUser, listOutbox, removeOutbox } from "~/utils/offline/store";
import { syncOutbox } from "~/utils/offline/sync";
import { formatDateTime, useLang, useT, type MessageKey } from "~/utils/i18n";

export type OfflineUser = { id: string; role: string } | null;

export const PAGE_CACHES = ["pacte-pages-v1", "pacte-meta-v1"];

/** The route modules a focal point needs offline: "Mes actions" and the report form. */
const OFFLINE_ROUTES = ["root", "routes/my-actions", "routes/reports.$reportId"];

function manifestAssets(): string[] {
  const manifest: unknown = Reflect.get(window, "__remixManifest");
  if (typeof manifest !== "object" || manifest === null) return [];
  const urls: string[] = [];
  const url = Reflect.get(manifest, "url");
  if (typeof url === "string") urls.push(url);
  const routes: unknown = Reflect.get(manifest, "routes");
  const entry: unknown = Reflect.get(manifest, "entry");
  const modules = [entry, ...OFFLINE_ROUTES.map((id) => (typeof routes === "object" && routes !== null ? Reflect.get(routes, id) : null))];
  for (const item of modules) {
    if (typeof item !== "object" || item === null) continue;
    for (const field of ["module", "imports", "css"]) {
      const value: unknown = Reflect.get(item, field);
      for (const href of Array.isArray(value) ? value : [value]) if (typeof href === "string") urls.push(href);
    }
  }
  return urls;
}

/** What the service worker should keep: the assets this page loaded, and the focal point's pages. */
function urlsToKeep(pathname: string) {
  const loaded = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    // Remix's answers about the routes behind the page's links come along (see public/sw.js).
    .flatMap((url) => (url.pathname.startsWith("/build/") ? [url.pathname] : url.pathname === "/__manifest" ? [url.pathname + url.search] : []));
  const reports = [...document.querySelectorAll<HTMLAnchorElement>("main a[href^='/reports/']")]
    .map((link) => new URL(link.href).pathname)
    .filter((path) => /^\/reports\/[^/]+$/.test(path) && path !== "/reports/new")
    .slice(0, 30);
  return [...new Set([...loaded, ...manifestAssets(), "/my-actions", pathname, ...reports])];
}

function whenLoaded(run: () => void) {
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, { once: true });
}

export function OfflineSupport({ user }: { user: OfflineUser }) {
  const t = useT();
  const lang = useLang();
  const { pathname } = useLocation();
  const revalidator = useRevalidator();
  const [online, setOnline] = useState(true);
  const [waiting, setWaiting] = useState<OutboxEntry[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const focalPointId = user?.role === "FOCAL_POINT" ? user.id : "";
  // The first page came through the service worker when one controlled it: its copy is fresh.
  const firstPage = useRef<{ pathname: string; controlled: boolean } | null>(null);

  // Loaded: sign-out now clears the device (the tests wait for this).
  useEffect(() => {
    document.documentElement.dataset.offline = "ready";
  }, []);

  // The service worker, told who is signed in: another person's (or nobody's) pages are dropped.
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    firstPage.current ??= { pathname, controlled: Boolean(navigator.serviceWorker.controller) };
    const fresh = firstPage.current.pathname === pathname && firstPage.current.controlled;
    whenLoaded(() => {
      void navigator.serviceWorker
        .register("/sw.js")
        .then(() => navigator.serviceWorker.ready)
        .then((registration) =>
          registration.active?.postMessage({ type: "user", userId: focalPointId, urls: focalPointId ? urlsToKeep(pathname) : [], refresh: fresh ? [] : [pathname] }),
        )
        .catch(() => {});
    });
  }, [focalPointId, pathname]);

  // The outbox: shown, and sent on load and whenever the connection returns.
  useEffect(() => {
    if (!focalPointId) return;
    let active = true;
    const refresh = () => void listOutbox(focalPointId).then((entries) => active && setWaiting(entries));
    const sync = () => {
      setOnline(navigator.onLine);
      if (!navigator.onLine) return;
      void syncOutbox(focalPointId).then((outcome) => {
        if (!active) return;
        if (outcome.sent.length) setSent(outcome.sent.map((entry) => entry.label));
        if (outcome.sent.length || outcome.conflicts.length) revalidator.revalidate();
      });
    };
    const offline = () => setOnline(false);
    refresh();
    sync();
    window.addEventListener(OUTBOX_EVENT, refresh);
    window.addEventListener("online", sync);
    window.addEventListener("offline", offline);
    return () => {
      active = false;
      window.removeEventListener(OUTBOX_EVENT, refresh);
      window.removeEventListener("online", sync);
      window.removeEventListener("offline", offline);
    };
    // The revalidator changes identity with every state; syncing once per person is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focalPointId]);

  // Offline, a link opens the page as a document, which the service worker serves from its copy.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!link || link.origin !== window.location.origin || link.target || link.hasAttribute("download")) return;
      event.preventDefault();
      window.location.assign(link.href);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  // Sign-out on a shared computer: this person's drafts, outbox and pages leave the device first.
  useEffect(() => {
    if (!user) return;
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || new URL(form.action).pathname !== "/logout") return;
      event.preventDefault();
      const pages = "caches" in window ? PAGE_CACHES.map((name) => caches.delete(name)) : [];
      void Promise.allSettled([clearUser(user.id), ...pages]).then(() => HTMLFormElement.prototype.submit.call(form));
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, [user]);

  if (!focalPointId) return null;
  return (
    <>
      {!online ? (
        <p className="notice notice--warning offline-banner" role="status">
          {t("offline.offlineBanner")}
        </p>
      ) : null}
      {sent.length ? (
        <p className="notice" role="status">
          {t("offline.sent", { labels: sent.join(" ; ") })}
        </p>
      ) : null}
      {waiting.length ? (
        <section className="offline-pending" aria-labelledby="offline-pending-title">
          <h2 id="offline-pending-title">{t("offline.pendingTitle")}</h2>
          <p className="muted">{t("offline.pendingIntro")}</p>
          <ul className="plain-list">
            {waiting.map((entry) => (
              <li key={entry.key}>
                <a href={`/reports/${entry.reportId}`}>{entry.label}</a> · {t(`offline.intent.${entry.intent}`)} ·{" "}
                {t("offline.savedAt", { date: formatDateTime(lang, entry.savedAt) })} · <strong>{t(stateLabel(entry))}</strong>
                {entry.state === "conflict" && entry.conflict?.reason !== "stale" ? (
                  <>
                    {" "}
                    <button type="button" className="button button--secondary button--small" onClick={() => void removeOutbox(entry)}>
                      {t("offline.discard")}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function stateLabel(entry: OutboxEntry): MessageKey {
  if (entry.state === "invalid") return "offline.state.invalid";
  if (entry.state === "conflict") return entry.conflict?.reason === "stale" ? "offline.state.conflict" : "offline.state.closed";
  return "offline.state.waiting";
}
