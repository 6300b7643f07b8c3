import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { isSubmittedLate } from "~/modules/reporting/due";
import { getReportVersion, reopenReport, ReportError } from "~/modules/reporting/reports.server";
import { decideReport, getReviewReport } from "~/modules/reviews/reviews.server";
import { ReviewDecisionSchema, type ReviewIntent } from "~/modules/reviews/schema";
import reviewsStyles from "~/styles/reviews.css";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatDate, formatDateTime, formatNumber, formatPercent, useLang, useT, type Lang, type MessageKey, type Translate } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) =>
  loaderData
    ? pageTitle(matches, { text: `${loaderData.report.action.code} – ${loaderData.report.period.label}` })
    : pageTitle(matches, "reviews.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

// Remix skips reloading after a 4xx answer; after a conflict the page must show the
// report as it now stands (and its new version) before the reviewer decides again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "report:review");
  const found = await getReviewReport(params.reportId ?? "");
  if (!found) notFound();
  return found;
}

const FAILURES = {
  conflict: "conflict.stale",
  notSubmitted: "reviews.notSubmitted",
} satisfies Record<string, MessageKey>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "report:review");
  const reportId = params.reportId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "reopen") {
    try {
      await reopenReport(user.id, reportId);
    } catch (error) {
      if (error instanceof ReportError && error.reason === "approved") {
        return data({ intent: "reopen" as const, errors: { form: "reviews.reopenApproved" }, comment: "", version: null }, { status: 409 });
      }
      throw error;
    }
    throw redirect(`/reviews/${reportId}?notice=reopen`);
  }
  const parsed = parseForm(ReviewDecisionSchema, formData);
  const intent: ReviewIntent | "reopen" = parsed.values.intent === "approve" ? "approve" : "requestChanges";
  const comment = typeof parsed.values.comment === "string" ? parsed.values.comment : "";
  if (!parsed.ok) return data({ intent, errors: parsed.errors, comment }, { status: 400 });
  const result = await decideReport(user.id, reportId, parsed.data);
  if (result.ok) throw redirect(`/reviews/${reportId}?notice=${parsed.data.intent}`);
  if (result.reason === "notFound") notFound();
  const latest = await getReportVersion(reportId);
  return data({ intent, errors: { form: FAILURES[result.reason] }, comment, version: latest?.version ?? null }, { status: 409 });
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Indicator = LoaderData["indicators"][number];

function formatValue(lang: Lang, t: Translate, indicator: Pick<Indicator, "kind" | "unit">, value: number | null | undefined) {
  if (value === null || value === undefined) return t("common.none");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  if (indicator.kind === "YES_NO") return value ? t("common.yes") : t("common.no");
  const number = formatNumber(lang, value, { maximumFractionDigits: 2 });
  return indicator.unit ? `${number} ${indicator.unit}` : number;
}

/** Only web addresses become links: anything else (javascript:, data:) is shown as text. */
function safeHref(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

type ReportView = {
  status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";
  statusReason: string | null;
  progress: number;
  narrative: string | null;
  challenges: string | null;
  nextSteps: string | null;
  evidenceLinks: string[];
};

function ReportDetails({ report }: { report: ReportView }) {
  const t = useT();
  const lang = useLang();
  const text = (value: string | null) => (value ? <span className="prose">{value}</span> : <span className="muted">{t("common.none")}</span>);
  return (
    <dl className="details-list">
      <div>
        <dt>{t("reviews.reportedStatus")}</dt>
        <dd>
          <StatusBadge status={report.status} />
          {report.statusReason ? <span className="prose"> {report.statusReason}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t("reviews.progress")}</dt>
        <dd>
          <span className="progress-value">{formatPercent(lang, report.progress)}</span>
        </dd>
      </div>
      <div>
        <dt>{t("reviews.narrative")}</dt>
        <dd>{text(report.narrative)}</dd>
      </div>
      <div>
        <dt>{t("reviews.challenges")}</dt>
        <dd>{text(report.challenges)}</dd>
      </div>
      <div>
        <dt>{t("reviews.nextSteps")}</dt>
        <dd>{text(report.nextSteps)}</dd>
      </div>
      <div>
        <dt>{t("reviews.evidence")}</dt>
        <dd>
          {report.evidenceLinks.length ? (
            <ul className="plain-list">
              {report.evidenceLinks.map((link) => {
                const href = safeHref(link);
                return (
                  <li key={link}>
                    {href ? (
                      <a href={href} rel="noopener noreferrer" target="_blank">
                        {link}
                      </a>
                    ) : (
                      link
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <span className="muted">{t("common.none")}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

export default function ReviewReportRoute() {
  const { report, previous, indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const noticeParam = searchParams.get("notice");
  const notice = noticeParam === "approve" || noticeParam === "requestChanges" || noticeParam === "reopen" ? NOTICES[noticeParam] : null;
  const canDecide = report.reviewState === "SUBMITTED";
  // A closed period takes no more submissions, unless a reviewer reopens this report for one more.
  const canReopen = report.period.status === "CLOSED" && !report.reopenedAt && (report.reviewState === "DRAFT" || report.reviewState === "CHANGES_REQUESTED");

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
          <ReportDetails report={report} />
        </section>
        <section aria-labelledby="previous-report" className="card card--muted">
          <h2 id="previous-report">{previous ? t("reviews.previousReport", { period: previous.period.label }) : t("reviews.previousReportNone")}</h2>
          {previous ? (
            <ReportDetails report={previous} />
          ) : (
            <p className="muted">{t("reviews.firstReport")}</p>
          )}
          <p className="muted">
            {t("reviews.actionNow")} <StatusBadge status={report.action.status} /> {formatPercent(lang, report.action.progress)}
          </p>
        </section>
      </div>

      <section aria-labelledby="indicators">
        <h2 id="indicators">{t("reviews.indicators")}</h2>
        {indicators.length === 0 ? <p className="muted">{t("reviews.noIndicator")}</p> : null}
        {indicators.map((indicator) => (
          <section key={indicator.id} aria-labelledby={`indicator-${indicator.id}`} className="indicator-review">
            <h3 id={`indicator-${indicator.id}`}>
              {indicator.name}
              {indicator.unit ? <span className="muted"> ({indicator.unit})</span> : null}
            </h3>
            <div className="table-wrap">
              <table>
                <caption className="muted">{t("reviews.historyCaption", { name: indicator.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reviews.historyWhen")}</th>
                    <th scope="col" className="num">
                      {t("reviews.historyValue")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">
                      {t("reviews.baseline")}
                      {indicator.baselineDate ? <span className="muted"> ({formatDate(lang, indicator.baselineDate)})</span> : null}
                    </th>
                    <td className="num">{formatValue(lang, t, indicator, indicator.baselineValue)}</td>
                  </tr>
                  {indicator.history.map((item) => (
                    <tr key={item.periodId}>
                      <th scope="row">
                        {item.label} <span className="muted">({t("reviews.approvedValue")})</span>
                      </th>
                      <td className="num">{formatValue(lang, t, indicator, item.value)}</td>
                    </tr>
                  ))}
                  <tr className="highlight">
                    <th scope="row">
                      <strong>{t("reviews.reportedValue", { period: report.period.label })}</strong>
                    </th>
                    <td className="num">
                      <strong>{formatValue(lang, t, indicator, indicator.value?.value)}</strong>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">
                      {t("reviews.target")}
                      {indicator.targetDate ? <span className="muted"> ({formatDate(lang, indicator.targetDate)})</span> : null}
                    </th>
                    <td className="num">{formatValue(lang, t, indicator, indicator.targetValue)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            {indicator.value?.note ? (
              <p>
                <span className="muted">{t("reviews.valueNote")}</span> <span className="prose">{indicator.value.note}</span>
              </p>
            ) : null}
            {indicator.value?.breakdown.length ? (
              <div className="table-wrap breakdown">
                <table>
                  <caption className="muted">{t("reviews.breakdown")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reviews.breakdownDimension")}</th>
                      <th scope="col">{t("reviews.breakdownCategory")}</th>
                      <th scope="col" className="num">
                        {t("reviews.historyValue")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {indicator.value.breakdown.flatMap((row) =>
                      row.entries.map((entry, index) => (
                        <tr key={`${row.dimension}-${entry.key}`}>
                          {index === 0 ? (
                            <th scope="rowgroup" rowSpan={row.entries.length}>
                              {row.dimension}
                            </th>
                          ) : null}
                          <td>{entry.key}</td>
                          <td className="num">{entry.value}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        ))}
      </section>

      <section aria-labelledby="contributions">
        <h2 id="contributions">{t("reviews.contributions")}</h2>
        {report.contributions.length ? (
          <ul className="thread">
            {report.contributions.map((contribution) => (
              <li key={contribution.id}>
                <p className="thread__meta">
                  <strong>
                    <abbr title={contribution.organisation.name}>{contribution.organisation.acronym}</abbr>
                  </strong>
                  {contribution.author ? ` · ${contribution.author.name}` : ""} ·{" "}
                  <time dateTime={String(contribution.createdAt)}>{formatDateTime(lang, contribution.createdAt)}</time>
                </p>
                <p className="prose">{contribution.note}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("reviews.noContribution")}</p>
        )}
      </section>

      <section aria-labelledby="thread">
        <h2 id="thread">{t("reviews.thread")}</h2>
        {report.comments.length ? (
          <ol className="thread">
            {report.comments.map((comment) => (
              <li key={comment.id} className={`thread__item thread__item--${comment.kind}`}>
                <p className="thread__meta">
                  <strong>{comment.author?.name ?? t("common.none")}</strong> · {t(`reviews.commentKind.${comment.kind}`)} ·{" "}
                  <time dateTime={String(comment.createdAt)}>{formatDateTime(lang, comment.createdAt)}</time>
                </p>
                {comment.body ? <p className="prose">{comment.body}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("reviews.noComment")}</p>
        )}
      </section>

      {canDecide ? (
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
      {canReopen ? (
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

type Submitted = { intent: ReviewIntent | "reopen"; errors: FieldErrors; comment: string };

function DecisionForm({ intent, version, submitted }: { intent: ReviewIntent; version: number; submitted?: Submitted }) {
  const t = useT();
  const navigation = useNavigation();
  const mine = submitted?.intent === intent ? submitted : undefined;
  // The form-wide error (a conflict) is shown once, at the top of the page.
  const fieldErrors = mine ? Object.fromEntries(Object.entries(mine.errors).filter(([name]) => name !== "form")) : undefined;
  const { form, onSubmit, errorFor } = useValidatedForm(ReviewDecisionSchema, {
    defaultValues: { intent, version: String(version), comment: mine?.comment ?? "" },
    serverErrors: mine?.errors,
  });
  const id = intent === "approve" ? "approve" : "request-changes";
  const label = t(intent === "approve" ? "reviews.approveComment" : "reviews.changesComment");
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card decision" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(intent === "approve" ? "reviews.approve" : "reviews.requestChanges")}</h2>
      <p className="muted">{t(intent === "approve" ? "reviews.approveHelp" : "reviews.requestChangesHelp")}</p>
      <ErrorSummary errors={fieldErrors} labels={{ comment: label }} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Field
        name={intent === "approve" ? "approve-comment" : "comment"}
        label={label}
        error={errorFor("comment")}
        required={intent === "requestChanges"}
      >
        {(control) => <textarea rows={4} {...control} {...form.register("comment")} defaultValue={mine?.comment ?? ""} />}
      </Field>
      <button type="submit" className={intent === "approve" ? "button" : "button button--warning"} disabled={busy}>
        {busy ? t("form.saving") : t(intent === "approve" ? "reviews.approve" : "reviews.requestChanges")}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
