// What the report's routes share: reading the options from the query string, building the
// document, and the download responses (PDF, DOCX) with a clear refusal when they fail.
import { notFoundError } from "~/utils/domain-error";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";
import { translateMessage, translator, type Lang } from "~/utils/i18n";
import { attachmentHeaders, exportFileName } from "~/modules/spreadsheet/export.server";
import type { ReportAudience, ReviewDocument } from "./document";
import { renderReviewDocx } from "./docx.server";
import { PdfUnavailableError, renderReviewPdf } from "./pdf.server";
import { buildReviewDocument } from "./review-report.server";
import { ReportOptionsSchema } from "./schema";

export type ReportFromUrl =
  | { kind: "notFound" }
  | { kind: "invalid"; errors: FieldErrors; values: FormValues }
  | { kind: "ok"; document: ReviewDocument; values: FormValues };

/**
 * The document for `planId` from the report's query string (from, to, cutoff, lang). The
 * page shows itself in `pageLang`; the downloads take `lang` from the query when given.
 */
export async function reviewReportFromUrl(
  url: URL,
  params: { planId: string; audience: ReportAudience; lang: Lang; documentLangFromQuery: boolean },
): Promise<ReportFromUrl> {
  const form = new FormData();
  for (const [key, value] of url.searchParams) form.append(key, value);
  const parsed = parseForm(ReportOptionsSchema, form);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, values: parsed.values };
  const { from, to, cutoff, lang } = parsed.data;
  const result = await buildReviewDocument({
    planId: params.planId,
    audience: params.audience,
    lang: params.documentLangFromQuery && lang ? lang : params.lang,
    from,
    to,
    cutoff,
  });
  if (result.kind === "invalid") return { ...result, values: parsed.values };
  if (result.kind === "notFound") return result;
  return { kind: "ok", document: result.document, values: parsed.values };
}

function plainText(status: number, text: string) {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The PDF or DOCX of the report at `url`, a 400 naming the bad field, or a 503 without Chromium; a DomainError when there is no such report. */
export async function reviewReportDownload(
  url: URL,
  params: { planId: string; audience: ReportAudience; lang: Lang; format: "pdf" | "docx" },
): Promise<Response> {
  const t = translator(params.lang);
  const result = await reviewReportFromUrl(url, { ...params, documentLangFromQuery: true });
  if (result.kind === "notFound") throw notFoundError("reviewReport");
  if (result.kind === "invalid") {
    const lines = Object.entries(result.errors).map(([field, message]) => `${field} : ${translateMessage(t, message)}`);
    return plainText(400, lines.join("\n"));
  }
  const doc = result.document;
  const fileName = exportFileName(doc.plan.title, params.format, new Date(doc.generatedAt), "examen-volontaire");
  if (params.format === "docx") {
    const body = await renderReviewDocx(doc);
    return new Response(new Uint8Array(body), {
      headers: attachmentHeaders(fileName, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    });
  }
  try {
    const body = await renderReviewPdf(doc);
    return new Response(new Uint8Array(body), { headers: attachmentHeaders(fileName, "application/pdf") });
  } catch (error) {
    if (error instanceof PdfUnavailableError) return plainText(503, t("reviewDoc.pdfUnavailable"));
    throw error;
  }
}
