import { AsyncLocalStorage } from "node:async_hooks";
import { PassThrough } from "node:stream";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { registerServerCatalogues } from "~/locales/catalogues.server";
import { env } from "~/utils/env.server";
import { RETRY_AFTER_SECONDS } from "~/utils/database-outage.server";
import { setPageKeyRecorder } from "~/utils/i18n";

// server.js wraps the build's loaders and actions with it (the build is what it can import).
export { guardDatabaseOutages } from "~/utils/database-outage.server";

// Validated once, at boot: a misconfigured server stops here with the variable's name.
env();
registerServerCatalogues();

/** A 503 (database out of reach) tells browsers and proxies when to try again. */
function addRetryAfter(status: number, headers: Headers) {
  if (status === 503 && !headers.has("Retry-After")) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
}

// The messages each page uses, recorded while it renders (app/components/page-messages.tsx).
const pageKeys = new AsyncLocalStorage<Set<string>>();
setPageKeyRecorder(() => pageKeys.getStore());

const ABORT_DELAY = 5_000;

// Pages are rendered whole before they are sent (no deferred data here), which also
// gives crawlers and slow connections one complete document.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  return pageKeys.run(new Set(), () => render(request, responseStatusCode, responseHeaders, remixContext));
}

function render(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          addRetryAfter(responseStatusCode, responseHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: failed ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Client-side navigations (single fetch) get the same Retry-After as documents. */
export function handleDataRequest(response: Response) {
  addRetryAfter(response.status, response.headers);
  return response;
}

/** Logs unexpected errors only: a page that does not exist or an aborted request is not one. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};
