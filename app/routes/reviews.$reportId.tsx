// A report under review: beside the previous approved one and each indicator's history;
// approve it, send it back with a comment, or reopen it for one more submission after its
// period closed. What the reviewer may do is reportAbilities' (modules/reporting/abilities.ts).
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { IndicatorHistory } from "~/components/indicator-history";
import { CommentList, ContributionList, ReportContentView } from "~/components/report-view";
import { DecisionForm } from "~/components/review-decision-form";
import { StatusBadge } from "~/components/status-badge";
import { isSubmittedLate } from "~/modules/reporting/due";
import { getReportVersion, reopenReport } from "~/modules/reporting/reports.server";
import { decideReport, getReviewReport } from "~/modules/reviews/reviews.server";
import { ReviewDecisionSchema, type ReviewIntent } from "~/modules/reviews/schema";
import reviewsStyles from "~/styles/reviews.css";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors, loadOrRespond } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { formatDate, formatDateTime, formatPercent, useLang, useT, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) =>
  loaderData
    ? pageTitle(matches, { text: `${loaderData.report.action.code} – ${loaderData.report.period.label}` })
    : pageTitle(matches, "reviews.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

export const shouldRevalidate = revalidateAfterConflict;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:review");
  return loadOrRespond(() => getReviewReport(user, params.reportId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "report:review");
  const reportId = params.reportId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "reopen") {
    return handleDomainErrors(
      async () => {
        await reopenReport(user, reportId);
        return redirect(`/reviews/${reportId}?notice=reopen`);
      },
      () => ({ intent: "reopen" as const, comment: "", version: null }),
    );
  }
  const parsed = parseForm(ReviewDecisionSchema, formData);
  const intent: ReviewIntent = parsed.values.intent === "approve" ? "approve" : "requestChanges";
  const comment = typeof parsed.values.comment === "string" ? parsed.values.comment : "";
  if (!parsed.ok) return badRequest({ intent, errors: parsed.errors, comment });
  return handleDomainErrors(
    async () => {
      await decideReport(user, reportId, parsed.data);
      return redirect(`/reviews/${reportId}?notice=${parsed.data.intent}`);
    },
    async () => ({ intent, comment, version: (await getReportVersion(user, reportId))?.version ?? null }),
  );
}

const NOTICES = {
  approve: "reviews.approved",
  requestChanges: "reviews.changesRequested",
  reopen: "reviews.reopened",
} satisfies Record<string, MessageKey>;

const REVIEW_STATE_LABELS = {
  DRAFT: "reviews.state.DRAFT",
  SUBMITTED: "reviews.state.SUBMITTED",
  APPROVED: "reviews.state.APPROVED",
  CHANGES_REQUESTED: "reviews.state.CHANGES_REQUESTED",
} satisfies Record<string, MessageKey>;

export default function ReviewReportRoute() {
  const { report, abilities, previous, indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const noticeParam = searchParams.get("notice");
  const notice = noticeParam === "approve" || noticeParam === "requestChanges" || noticeParam === "reopen" ? NOTICES[noticeParam] : null;

  return (
    <>
      <p>
        <Link to="/reviews">← {t("reviews.back")}</Link>
      </p>
      <h1>
        {t("reviews.reportTitle", { code: report.action.code, title: report.action.title })}
      </h1>
      <p>
        <span className={`review-state review-state--${report.reviewState}`}>{t(REVIEW_STATE_LABELS[report.reviewState])}</span> ·{" "}
        <abbr title={report.organisation.name}>{report.organisation.acronym}</abbr> · {report.period.label} ·{" "}
        {t("reviews.dueOn", { date: formatDate(lang, report.period.dueDate) })}
      </p>
      <p className="muted">
        {report.submittedAt
          ? t("reviews.submittedBy", { date: formatDateTime(lang, report.submittedAt), name: report.submittedBy?.name ?? t("common.none") })
          : t("reviews.notYetSubmitted")}
        {report.submittedAt && isSubmittedLate(report.submittedAt, report.period.dueDate) ? (
          <strong className="late-mark"> · ▲ {t("reviews.submittedLate")}</strong>
        ) : null}
        {report.reviewedAt
          ? ` · ${t("reviews.reviewedBy", { date: formatDateTime(lang, report.reviewedAt), name: report.reviewedBy?.name ?? t("common.none") })}`
          : null}
      </p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {actionData?.errors.form ? <ErrorSummary errors={{ form: actionData.errors.form }} labels={{}} /> : null}

      <div className="compare">
        <section aria-labelledby="this-report" className="card">
          <h2 id="this-report">{t("reviews.thisReport", { period: report.period.label })}</h2>
          <ReportContentView report={report} />
        </section>
        <section aria-labelledby="previous-report" className="card card--muted">
          <h2 id="previous-report">{previous ? t("reviews.previousReport", { period: previous.period.label }) : t("reviews.previousReportNone")}</h2>
          {previous ? <ReportContentView report={previous} /> : <p className="muted">{t("reviews.firstReport")}</p>}
          <p className="muted">
            {t("reviews.actionNow")} <StatusBadge status={report.action.status} /> {formatPercent(lang, report.action.progress)}
          </p>
        </section>
      </div>

      <section aria-labelledby="indicators">
        <h2 id="indicators">{t("reviews.indicators")}</h2>
        {indicators.length === 0 ? <p className="muted">{t("reviews.noIndicator")}</p> : null}
        {indicators.map((indicator) => (
          <IndicatorHistory key={indicator.id} indicator={indicator} periodLabel={report.period.label} />
        ))}
      </section>

      <section aria-labelledby="contributions">
        <h2 id="contributions">{t("reviews.contributions")}</h2>
        <ContributionList contributions={report.contributions} />
      </section>

      <section aria-labelledby="thread">
        <h2 id="thread">{t("reviews.thread")}</h2>
        <CommentList comments={report.comments} />
      </section>

      {abilities.decide ? (
        <div className="decision-forms">
          {/* A new version (decided elsewhere) starts the forms afresh; the typed comment is kept. */}
          <DecisionForm key={`approve-${report.version}`} intent="approve" version={report.version} submitted={actionData} />
          <DecisionForm key={`changes-${report.version}`} intent="requestChanges" version={report.version} submitted={actionData} />
        </div>
      ) : (
        <p className="notice notice--info">{t("reviews.notDecidable", { state: t(REVIEW_STATE_LABELS[report.reviewState]) })}</p>
      )}
      {report.reopenedAt && report.period.status === "CLOSED" && report.reviewState !== "APPROVED" ? (
        <p className="muted">{t("reviews.reopenedOn", { date: formatDateTime(lang, report.reopenedAt) })}</p>
      ) : null}
      {abilities.reopen ? (
        <Form method="post" className="card decision" aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t("reviews.reopen")}</h2>
          <p className="muted">{t("reviews.reopenHelp", { period: report.period.label })}</p>
          <input type="hidden" name="intent" value="reopen" />
          <button type="submit" className="button button--secondary">
            {t("reviews.reopen")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
