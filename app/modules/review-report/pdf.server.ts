// The voluntary review report as a PDF: the same static HTML as the page, with Pacte's own
// stylesheets inlined, printed to A4 by Chromium (Debian's,
// through playwright-core; nothing is downloaded). One rendering at a time per process: a
// Chromium start costs about a second of CPU and 100+ MB, and the machine is shared.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { translator } from "~/utils/i18n";
import type { ReviewDocument } from "./document";
import { reviewDocumentPage } from "./html.server";

/** Chromium is not installed (or does not start) on this server. */
export class PdfUnavailableError extends Error {}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export async function renderReviewPdf(doc: ReviewDocument): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`Chromium not found at ${executablePath}`);
  const html = await reviewDocumentPage(doc);
  const t = translator(doc.lang);
  return oneAtATime(async () => {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
    });
    try {
      const page = await browser.newPage();
      // The document is self-contained: nothing may be fetched while printing it.
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "15mm", bottom: "18mm", left: "15mm", right: "15mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${t("reviewReport.title")} – <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
      return pdf;
    } finally {
      await browser.close();
    }
  });
}
