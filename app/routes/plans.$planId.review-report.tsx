import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ReportOptionsForm } from "~/components/report-options-form";
import { reviewDocumentMarkup } from "~/modules/review-report/html.server";
import { reviewReportFromUrl } from "~/modules/review-report/request.server";
import { listPlanPeriods } from "~/modules/review-report/review-report.server";
import dashboardStyles from "~/styles/dashboard.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/language.server";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, loaded ? "reviewReport.title" : "error.404.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    const user = await requireUserWith(request, "plan:read");
    const planId = params.planId ?? "";
    const lang = await getLang(request, user);
    const result = await reviewReportFromUrl(new URL(request.url), { planId, audience: "internal", lang, documentLangFromQuery: true });
    if (result.kind === "notFound") notFound();
    if (result.kind === "invalid") {
      // The options again, with the message beside the wrong one; no document until they are right.
      const periods = await listPlanPeriods(planId);
      if (!periods) notFound();
      return data({ planId, errors: result.errors, values: result.values, periods, markup: null }, { status: 400 });
    }
    const doc = result.document;
    return {
      planId,
      errors: {},
      values: { from: doc.range.from ?? "", to: doc.range.to ?? "", cutoff: doc.cutOff, lang: doc.lang },
      periods: doc.allPeriods,
      // The same static markup as the PDF, in the document's language (which may not be the reader's).
      markup: reviewDocumentMarkup(doc, (actionId) => `/actions/${actionId}`),
    };
  });
}

export default function ReviewReportRoute() {
  const { planId, errors, values, periods, markup } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="review-report">
      <ReportOptionsForm
        path={`/plans/${planId}/review-report`}
        back={{ to: `/plans/${planId}`, label: t("reviewReport.backToPlan") }}
        periods={periods}
        values={values}
        errors={errors}
        downloads={markup !== null}
      />
      {markup ? <div dangerouslySetInnerHTML={{ __html: markup }} /> : <h1>{t("reviewReport.title")}</h1>}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
