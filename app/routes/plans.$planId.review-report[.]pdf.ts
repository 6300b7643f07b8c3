import type { LoaderFunctionArgs } from "@remix-run/node";
import { reviewReportDownload } from "~/modules/review-report/request.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLang } from "~/utils/language.server";
import { loadOrRespond } from "~/utils/domain-response.server";

/** The voluntary review report as a PDF (Chromium on the server; 503 without it), for the options of the page's query string. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    const user = await requireUserWith(request, "plan:read");
    const lang = await getLang(request, user);
    return reviewReportDownload(new URL(request.url), { planId: params.planId ?? "", audience: "internal", lang, format: "pdf" });
  });
}
