import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalLang, requirePortalOpen } from "~/modules/portal/portal.server";
import { reviewReportDownload } from "~/modules/review-report/request.server";
import { loadOrRespond } from "~/utils/domain-response.server";

/** The public voluntary review report as a Word document: the adopted plan, approved data, no internal budgets. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    const lang = await portalLang(request);
    return reviewReportDownload(new URL(request.url), { planId: params.planId ?? "", audience: "public", lang, format: "docx" });
  });
}
