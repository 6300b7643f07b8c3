// What a browser downloads for a first visit to a page, cache empty: shared by
// `npm run measure-3g` (figures on an emulated 3G line) and the bundle budget test
// (tests/e2e/budget.spec.ts), so both count the same bytes.
import type { BrowserContext, Page, Request } from "@playwright/test";

/** The issue "Field conditions": HTML + JS + CSS of the report form's first load, compressed. */
export const FIRST_LOAD_BUDGET_BYTES = 120 * 1024;

export type Transfer = {
  path: string;
  kind: "html" | "js" | "css" | "other";
  /** Bytes of the body as sent (compressed), without the headers. */
  body: number;
  headers: number;
  encoding: string;
  /** Fetched by the service worker for offline use, not by the page. */
  background: boolean;
  /** When the request started (ms since the epoch). */
  startedAt: number;
};

function kindOf(request: Request, contentType: string): Transfer["kind"] {
  if (request.resourceType() === "document" || contentType.includes("text/html")) return "html";
  if (request.resourceType() === "script" || contentType.includes("javascript")) return "js";
  if (request.resourceType() === "stylesheet" || contentType.includes("text/css")) return "css";
  return "other";
}

/** Records every finished request of the context until `stop()` is called. */
export function recordTransfers(context: BrowserContext) {
  const transfers: Promise<Transfer | null>[] = [];
  const onFinished = (request: Request) => {
    transfers.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const sizes = await request.sizes();
        const headers = await response.allHeaders();
        const url = new URL(request.url());
        return {
          path: url.pathname + url.search,
          kind: kindOf(request, headers["content-type"] ?? ""),
          body: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          encoding: headers["content-encoding"] ?? "none",
          background: request.serviceWorker() !== null,
          startedAt: request.timing().startTime,
        };
      })(),
    );
  };
  context.on("requestfinished", onFinished);
  return async function stop() {
    context.off("requestfinished", onFinished);
    return (await Promise.all(transfers)).filter((transfer): transfer is Transfer => transfer !== null);
  };
}

/**
 * The first load: the HTML, scripts and stylesheets the page asked for until it was usable
 * (`readyAt`, see readyTime). What comes after (the whole message catalogue for the next pages,
 * the service worker's offline copies) is counted apart, as `later`.
 */
export function firstLoadBytes(transfers: Transfer[], readyAt: number) {
  const counted = transfers.filter((transfer) => transfer.kind !== "other");
  const own = counted.filter((transfer) => !transfer.background && transfer.startedAt <= readyAt);
  const later = counted.filter((transfer) => !own.includes(transfer)).reduce((total, transfer) => total + transfer.body, 0);
  const sum = (kind: Transfer["kind"]) => own.filter((transfer) => transfer.kind === kind).reduce((total, transfer) => total + transfer.body, 0);
  const html = sum("html");
  const js = sum("js");
  const css = sum("css");
  return { html, js, css, total: html + js + css, files: own.length, later };
}

/** When React took over the page, in ms since the epoch (the root component's "pacte:ready" mark). */
export async function readyTime(page: Page) {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName("pacte:ready")[0];
    return mark ? performance.timeOrigin + mark.startTime : Number.POSITIVE_INFINITY;
  });
}

/** Waits until React has taken over the page (app/components/offline-support.tsx sets it). */
export async function waitUntilReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, { timeout: 120_000 });
}
