// The voluntary review report as static HTML, rendered on the server in the document's own
// language: inserted as is into the page (Pacte's and the public portal's), and printed to PDF.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { ReviewReportDocument } from "~/components/review-report-document";
import appStyles from "~/styles/app.css";
import dashboardStyles from "~/styles/dashboard.css";
import { translator } from "~/utils/i18n";
import type { ReviewDocument } from "./document";

/** The document's markup; `actionHref` links each action's title (nothing links in the PDF). */
export function reviewDocumentMarkup(doc: ReviewDocument, actionHref?: (actionId: string) => string) {
  return renderToStaticMarkup(<ReviewReportDocument doc={doc} t={translator(doc.lang)} actionHref={actionHref} />);
}

/**
 * A stylesheet's text: the built asset under public/ (production, `remix dev`), or the
 * source file when nothing was built (Vitest, where CSS imports resolve to "").
 */
async function stylesheet(href: string, source: string) {
  const file = href ? path.join(process.cwd(), "public", href) : path.join(process.cwd(), "app", "styles", source);
  return readFile(file, "utf8");
}

/** A whole, self-contained HTML page of the document (styles inlined, nothing to fetch). */
export async function reviewDocumentPage(doc: ReviewDocument) {
  const css = (await Promise.all([stylesheet(appStyles, "app.css"), stylesheet(dashboardStyles, "dashboard.css")])).join("\n");
  // Without ligatures the PDF's text copies and searches as typed ("fi", not one glyph).
  const own = "body { font-variant-ligatures: none; }";
  const title = translator(doc.lang)("reviewReport.title");
  return `<!DOCTYPE html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${title}</title><style>${css}\n${own}</style></head><body><main class="review-report">${reviewDocumentMarkup(doc)}</main></body></html>`;
}
