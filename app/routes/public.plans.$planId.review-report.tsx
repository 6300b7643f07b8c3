import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PortalNav } from "~/components/portal-nav";
import { ReportOptionsForm } from "~/components/report-options-form";
import { portalLang, requirePortalOpen } from "~/modules/portal/portal.server";
import { reviewDocumentMarkup } from "~/modules/review-report/html.server";
import { reviewReportFromUrl } from "~/modules/review-report/request.server";
import { listPlanPeriods } from "~/modules/review-report/review-report.server";
import dashboardStyles from "~/styles/dashboard.css";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewReport.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    const planId = params.planId ?? "";
    const lang = await portalLang(request);
    const result = await reviewReportFromUrl(new URL(request.url), { planId, audience: "public", lang, documentLangFromQuery: true });
    if (result.kind === "notFound") notFound();
    if (result.kind === "invalid") {
      const periods = await listPlanPeriods(planId);
      if (!periods) notFound();
      return data({ plan: null, errors: result.errors, values: result.values, periods, markup: null, planId }, { status: 400 });
    }
    const doc = result.document;
    return {
      planId,
      plan: { id: doc.plan.id, title: doc.plan.title },
      errors: {},
      values: { from: doc.range.from ?? "", to: doc.range.to ?? "", cutoff: doc.cutOff, lang: doc.lang },
      periods: doc.allPeriods,
      // No links into Pacte: the public cannot open its pages.
      markup: reviewDocumentMarkup(doc),
    };
  });
}

export default function PublicReviewReportRoute() {
  const { planId, plan, errors, values, periods, markup } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="portal review-report">
      <PortalNav plan={plan ?? undefined} current={t("portal.reviewReport")} />
      <ReportOptionsForm path={`/public/plans/${planId}/review-report`} periods={periods} values={values} errors={errors} downloads={markup !== null} />
      {markup ? <div dangerouslySetInnerHTML={{ __html: markup }} /> : <h1>{t("reviewReport.title")}</h1>}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
