import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorPage } from "~/components/error-page";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { StatusBadge } from "~/components/status-badge";
import { getReviewReport } from "~/modules/dashboard/dashboard.server";
import dashboardStyles from "~/styles/dashboard.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatNumber, formatPercent, formatXof, useLang, useT, type Lang, type Translate } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

// In the order of the plan's life; a constant here, not from a .server module, so the browser has it too.
const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? "reviewReport.title" : "error.404.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const report = await getReviewReport(params.planId ?? "");
  if (!report) notFound();
  // Fixed on the server so the page and its print show the same day.
  return { report, generatedAt: new Date() };
}

type Indicator = { kind: string };

function indicatorValue(t: Translate, lang: Lang, indicator: Indicator, value: number | null) {
  if (value === null) return t("common.none");
  if (indicator.kind === "YES_NO") return t(value === 1 ? "common.yes" : "common.no");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  return formatNumber(lang, value);
}

function ValueCell({ label, value, note }: { label: string; value: string; note: string | null }) {
  return (
    <td className="num" data-label={label}>
      {value}
      {note ? <span className="cell-note">{note}</span> : null}
    </td>
  );
}

/** Works once the page's script has loaded; before that (and always) Ctrl+P prints the same page. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}

type ReportAction = ReturnType<typeof useLoaderData<typeof loader>>["report"]["objectives"][number]["actions"][number];

/** One action: its facts, its indicators and the excerpt of its latest approved report, kept on one page when printed. */
function ActionBlock({ action }: { action: ReportAction }) {
  const t = useT();
  const lang = useLang();
  const day = (value: Date | string | null) => (value ? formatDate(lang, value) : null);
  return (
    <article className="report-action" aria-labelledby={`action-${action.id}`}>
      <h4 id={`action-${action.id}`}>
        <Link to={`/actions/${action.id}`}>
          <span className="report-code">{action.code}</span> {action.title}
        </Link>
      </h4>
      <dl className="report-action-facts">
        <div>
          <dt>{t("reviewReport.lead")}</dt>
          <dd>
            <abbr title={action.leadOrganisation.name}>{action.leadOrganisation.acronym}</abbr> – {action.leadOrganisation.name}
          </dd>
        </div>
        <div>
          <dt>{t("reviewReport.actionStatus")}</dt>
          <dd>
            <StatusBadge status={action.status} />
          </dd>
        </div>
        <div>
          <dt>{t("reviewReport.progress")}</dt>
          <dd className="num">{formatPercent(lang, action.progress)}</dd>
        </div>
        <div>
          <dt>{t("reviewReport.budget")}</dt>
          <dd className="num">{action.estimatedBudget === null ? t("common.none") : formatXof(lang, action.estimatedBudget)}</dd>
        </div>
        <div>
          <dt>{t("reviewReport.secured")}</dt>
          <dd className="num">{action.securedFunding === null ? t("common.none") : formatXof(lang, action.securedFunding)}</dd>
        </div>
      </dl>
      {action.indicators.length === 0 ? (
        <p className="muted">{t("reviewReport.noIndicator")}</p>
      ) : (
        <div className="table-wrap report-table">
          <table>
            <caption className="visually-hidden">{t("reviewReport.indicatorsOf", { code: action.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewReport.indicator")}</th>
                <th scope="col">{t("reviewReport.unit")}</th>
                <th scope="col" className="num">
                  {t("reviewReport.baseline")}
                </th>
                <th scope="col" className="num">
                  {t("reviewReport.latest")}
                </th>
                <th scope="col" className="num">
                  {t("reviewReport.target")}
                </th>
              </tr>
            </thead>
            <tbody>
              {action.indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">{indicator.name}</th>
                  <td data-label={t("reviewReport.unit")}>{indicator.kind === "PERCENTAGE" ? "%" : (indicator.unit ?? t("common.none"))}</td>
                  <ValueCell
                    label={t("reviewReport.baseline")}
                    value={indicatorValue(t, lang, indicator, indicator.baselineValue)}
                    note={day(indicator.baselineDate)}
                  />
                  <ValueCell
                    label={t("reviewReport.latest")}
                    value={indicatorValue(t, lang, indicator, indicator.currentValue)}
                    note={indicator.currentValue === null ? null : indicator.currentPeriod}
                  />
                  <ValueCell
                    label={t("reviewReport.target")}
                    value={indicatorValue(t, lang, indicator, indicator.targetValue)}
                    note={day(indicator.targetDate)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action.latestReport ? (
        <figure className="report-excerpt">
          <figcaption>{t("reviewReport.excerpt", { period: action.latestReport.period })}</figcaption>
          <blockquote>{action.latestReport.excerpt}</blockquote>
        </figure>
      ) : (
        <p className="muted small">{t("reviewReport.noReport")}</p>
      )}
    </article>
  );
}

export default function ReviewReportRoute() {
  const { report, generatedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { plan, summary, adoptedVersion } = report;
  const securedShare = summary.estimatedBudget > 0 ? (summary.securedFunding / summary.estimatedBudget) * 100 : 0;

  return (
    <article className="review-report">
      <div className="report-tools">
        <Link to={`/plans/${plan.id}`}>← {t("reviewReport.backToPlan")}</Link>
        <PrintButton label={t("reviewReport.print")} />
        <p className="muted">{t("reviewReport.printHelp")}</p>
      </div>

      <header className="report-cover">
        <p className="report-kicker">{t("reviewReport.kicker")}</p>
        <h1>{t("reviewReport.title")}</h1>
        <p className="report-plan">{plan.title}</p>
        <dl className="report-facts">
          <div>
            <dt>{t("reviewReport.period")}</dt>
            <dd>{t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.status")}</dt>
            <dd>
              <PlanStatusBadge status={plan.status} /> {t("plans.revision", { number: plan.revision })}
            </dd>
          </div>
          <div>
            <dt>{t("reviewReport.adoptedVersion")}</dt>
            <dd>
              {adoptedVersion
                ? t("reviewReport.versionValue", { number: adoptedVersion.number, date: formatDate(lang, adoptedVersion.adoptedAt) })
                : t("reviewReport.noVersion")}
            </dd>
          </div>
          <div>
            <dt>{t("reviewReport.generatedOn")}</dt>
            <dd>{formatDate(lang, generatedAt, { timeZone: "Africa/Bamako" })}</dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="report-summary" className="report-summary">
        <h2 id="report-summary">{t("reviewReport.summary")}</h2>
        <dl className="report-figures">
          <div>
            <dt>{t("reviewReport.actions")}</dt>
            <dd>{formatNumber(lang, summary.actionCount)}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.objectivesCovered")}</dt>
            <dd>{t("reviewReport.coveredValue", { covered: summary.objectivesCovered, total: summary.objectiveCount })}</dd>
          </div>
          <div>
            <dt>{t("dashboard.averageProgress")}</dt>
            <dd>{summary.averageProgress === null ? t("common.none") : formatPercent(lang, summary.averageProgress)}</dd>
          </div>
          <div>
            <dt>{t("plans.estimatedBudget")}</dt>
            <dd>{formatXof(lang, summary.estimatedBudget)}</dd>
          </div>
          <div>
            <dt>{t("plans.securedFunding")}</dt>
            <dd>
              {formatXof(lang, summary.securedFunding)} <span className="muted nowrap">({formatPercent(lang, securedShare)})</span>
            </dd>
          </div>
          <div>
            <dt>{t("reviewReport.indicators")}</dt>
            <dd>
              {formatNumber(lang, summary.indicatorCount)}{" "}
              <span className="muted">({t("reviewReport.indicatorsWithValue", { count: summary.indicatorsWithValue })})</span>
            </dd>
          </div>
        </dl>
        <h3>{t("reviewReport.byStatus")}</h3>
        <ul className="status-counts">
          {ACTION_STATUSES.map((status) => (
            <li key={status}>
              <StatusBadge status={status} /> <strong>{summary.byStatus[status]}</strong>
            </li>
          ))}
        </ul>
        <p className="muted small">{t("dashboard.averageNote")}</p>
      </section>

      <section aria-labelledby="report-objectives">
        <h2 id="report-objectives">{t("reviewReport.objectives")}</h2>
        {report.objectives.map((objective) => (
          <section key={objective.number} className="report-objective" aria-labelledby={`objective-${objective.number}`}>
            {/* The heading stays with the first action (or the gap) when printed. */}
            <div className="report-keep">
              <h3 id={`objective-${objective.number}`}>
                {t("objectives.number", { number: objective.number })} – <span lang="fr">{objective.titleFr}</span>
                {lang === "en" ? <span className="muted report-translation"> ({objective.titleEn})</span> : null}
              </h3>
              <p className="report-axes">
                {objective.axes.length ? (
                  <>
                    <strong>{t("reviewReport.axes")}</strong>{" "}
                    {objective.axes
                      .map((axis) => `${t("axis.label", { number: axis.number })} (${lang === "en" ? axis.titleEn : axis.titleFr})`)
                      .join(" ; ")}
                  </>
                ) : (
                  <span className="muted">{t("reviewReport.noAxis")}</span>
                )}
              </p>
              {objective.actions[0] ? (
                <ActionBlock action={objective.actions[0]} />
              ) : (
                <p className="report-gap">
                  <span aria-hidden="true">⚠ </span>
                  {t("reviewReport.noAction")}
                </p>
              )}
            </div>
            {objective.actions.slice(1).map((action) => (
              <ActionBlock key={action.id} action={action} />
            ))}
            {objective.alsoServedBy.length ? (
              <p className="muted small">{t("reviewReport.alsoServed", { codes: objective.alsoServedBy.map((action) => action.code).join(", ") })}</p>
            ) : null}
          </section>
        ))}
      </section>

      <footer className="report-source muted small">
        <p>{t("reviewReport.source")}</p>
      </footer>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
