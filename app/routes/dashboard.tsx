import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart } from "~/components/bar-chart";
import { ErrorPage } from "~/components/error-page";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { StatusBadge } from "~/components/status-badge";
import { JudgementBadge } from "~/components/judgement-badge";
import { getDashboard, type Figures } from "~/modules/dashboard/dashboard.server";
import { globalIndicatorSummary } from "~/modules/indicators/monitoring.server";
import { listPlans } from "~/modules/plans/plans.server";
import dashboardStyles from "~/styles/dashboard.css";
import indicatorsStyles from "~/styles/indicators.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatNumber, formatPercent, formatXof, useLang, useT, type Lang, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { can } from "~/utils/permissions";

// In the order of the plan's life; a constant here, not from a .server module, so the browser has it too.
const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: indicatorsStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const planId = new URL(request.url).searchParams.get("plan")?.trim() || undefined;
  const [dashboard, plans] = await Promise.all([getDashboard({ planId }), listPlans()]);
  if (planId && !dashboard) notFound();
  return {
    dashboard,
    byGlobalIndicator: dashboard ? await globalIndicatorSummary(dashboard.plan.id) : [],
    plans: plans.map(({ id, title }) => ({ id, title })),
    viewerOrganisationId: user.organisationId,
    canFollowUp: can(user, "indicator:followUp"),
    canReadReports: can(user, "report:read"),
  };
}

type Row = { key: string; head: ReactNode; figures: Figures; gap?: boolean; highlight?: boolean };

const percent = (lang: Lang, value: number | null) => (value === null ? "—" : formatPercent(lang, value));
// In the tables the unit (FCFA) is in the column header, which keeps the columns narrow.
const amount = (lang: Lang, value: number) => formatNumber(lang, value, { maximumFractionDigits: 0 });

/** The figures of a group of actions in one table: the same columns in each section. */
function FiguresTable({ caption, groupHeader, rows, total }: { caption: string; groupHeader: string; rows: Row[]; total?: Figures }) {
  const t = useT();
  const lang = useLang();
  const cells = (figures: Figures) => (
    <>
      <td className="num">{figures.actionCount}</td>
      {ACTION_STATUSES.map((status) => (
        <td key={status} className={figures.byStatus[status] ? "num" : "num zero"}>
          {figures.byStatus[status]}
        </td>
      ))}
      <td className="num">{percent(lang, figures.averageProgress)}</td>
      <td className="num">{amount(lang, figures.estimatedBudget)}</td>
      <td className="num">{amount(lang, figures.securedFunding)}</td>
      <td className="num">{figures.reports.expected}</td>
      <td className="num">{figures.reports.submitted}</td>
      <td className="num">{figures.reports.approved}</td>
    </>
  );
  return (
    <>
      {/* The caption, shown above the frame so it does not scroll sideways with a wide table. */}
      <p className="muted table-caption" aria-hidden="true">
        {caption}
      </p>
      {/* A scrolling region: focusable so that it scrolls from the keyboard too. */}
      <div className="table-wrap dashboard-table" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              <th scope="col" className="num">
                {t("dashboard.colActions")}
              </th>
              {ACTION_STATUSES.map((status) => (
                <th key={status} scope="col" className="num">
                  <StatusBadge status={status} />
                </th>
              ))}
              <th scope="col" className="num">
                {t("dashboard.colProgress")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.colBudget")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.colSecured")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.colExpected")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.colSubmitted")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.colApproved")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.gap ? "gap-row" : row.highlight ? "highlight" : undefined}>
                <th scope="row">
                  {row.head}
                  {row.gap ? <strong className="gap-mark">⚠ {t("plans.noAction")}</strong> : null}
                </th>
                {cells(row.figures)}
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot>
              <tr>
                <th scope="row">{t("dashboard.total")}</th>
                {cells(total)}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </>
  );
}

export default function DashboardRoute() {
  const { dashboard, plans, viewerOrganisationId, byGlobalIndicator, canFollowUp, canReadReports } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);

  return (
    <div className="dashboard-page">
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>

      {plans.length > 0 ? (
        <Form method="get" className="dashboard-filters" role="search" aria-label={t("dashboard.choosePlan")}>
          <div className="field">
            <label htmlFor="dashboard-plan">{t("dashboard.plan")}</label>
            <select id="dashboard-plan" name="plan" defaultValue={dashboard?.plan.id ?? ""}>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("dashboard.show")}
          </button>
        </Form>
      ) : null}

      {!dashboard ? (
        <p>{t("dashboard.noPlan")}</p>
      ) : (
        <>
          <DashboardBody dashboard={dashboard} title={title} viewerOrganisationId={viewerOrganisationId} />
          <IndicatorsSection
            planId={dashboard.plan.id}
            rows={byGlobalIndicator}
            canFollowUp={canFollowUp}
            canReadReports={canReadReports}
            title={title}
          />
        </>
      )}
    </div>
  );
}

type LoadedDashboard = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["dashboard"]>;

function DashboardBody({
  dashboard,
  title,
  viewerOrganisationId,
}: {
  dashboard: LoadedDashboard;
  title: (item: { titleFr: string; titleEn: string }) => string;
  viewerOrganisationId: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const { plan, total, periods } = dashboard;
  const securedShare = total.estimatedBudget > 0 ? (total.securedFunding / total.estimatedBudget) * 100 : 0;
  const chart = (figures: Figures) => ({
    value: figures.actionCount ? (figures.averageProgress ?? 0) : null,
    display: percent(lang, figures.averageProgress),
  });
  const periodNote: { key: MessageKey; params?: Record<string, string> } =
    periods.length === 0
      ? { key: "dashboard.noPeriod" }
      : periods.every((period) => period.status === "OPEN")
        ? {
            key: "dashboard.periodsOpen",
            params: {
              periods: periods
                .map((period) => `${period.label} (${t("compliance.dueOn", { date: formatDate(lang, period.dueDate) })})`)
                .join(", "),
            },
          }
        : { key: "dashboard.periodLatest", params: { period: periods.map((period) => period.label).join(", ") } };

  return (
    <>
      <h2 className="dashboard-plan">
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
      </h2>
      <p>
        <PlanStatusBadge status={plan.status} /> ·{" "}
        {t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })}
      </p>
      <div className="button-row">
        <Link to={`/plans/${plan.id}`} className="button button--secondary">
          {t("dashboard.openPlan")}
        </Link>
        <Link to={`/plans/${plan.id}/review-report`} className="button button--secondary">
          {t("reviewReport.link")}
        </Link>
        <a href={`/dashboard.csv?plan=${encodeURIComponent(plan.id)}`} className="button button--secondary" download>
          {t("dashboard.downloadCsv")}
        </a>
      </div>

      <section aria-labelledby="dashboard-totals">
        <h2 id="dashboard-totals">{t("dashboard.totals")}</h2>
        <ul className="card-grid dashboard-cards">
          <li className="card">
            <span className="stat">{total.actionCount}</span> {t("dashboard.actions")}
            <ul className="status-counts">
              {ACTION_STATUSES.map((status) => (
                <li key={status}>
                  <StatusBadge status={status} /> <strong>{total.byStatus[status]}</strong>
                </li>
              ))}
            </ul>
          </li>
          <li className="card">
            <span className="stat">{percent(lang, total.averageProgress)}</span> {t("dashboard.averageProgress")}
            <p className="muted small">{t("dashboard.averageNote")}</p>
          </li>
          <li className="card">
            <span className="stat stat--money">{formatXof(lang, total.estimatedBudget)}</span> {t("plans.estimatedBudget")}
            <p>
              <strong>{formatXof(lang, total.securedFunding)}</strong> {t("plans.securedFunding").toLowerCase()} (
              {t("dashboard.securedShare", { share: formatPercent(lang, securedShare) })})
            </p>
          </li>
          <li className="card">
            <span className="stat">
              {total.reports.submitted} / {total.reports.expected}
            </span>
            {t("dashboard.reportsValue", {
              submitted: total.reports.submitted,
              expected: total.reports.expected,
              approved: total.reports.approved,
            })}
            <p className="muted small">{t(periodNote.key, periodNote.params)}</p>
          </li>
        </ul>
        {dashboard.objectivesWithoutAction.length ? (
          <div className="notice notice--warning gap-notice">
            <p>{t("dashboard.gaps", { count: dashboard.objectivesWithoutAction.length })}</p>
            <ul>
              {dashboard.byObjective
                .filter((objective) => objective.figures.actionCount === 0)
                .map((objective) => (
                  <li key={objective.number}>
                    <Link to={`/objectives/${objective.number}`} title={title(objective)}>
                      {t("objectives.number", { number: objective.number })}
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ) : (
          <p className="notice">{t("dashboard.noGap")}</p>
        )}
      </section>

      <section aria-labelledby="dashboard-objectives">
        <h2 id="dashboard-objectives">{t("dashboard.byObjective")}</h2>
        <BarChart
          title={t("dashboard.chartObjective")}
          description={t("dashboard.chartDesc")}
          emptyText={t("dashboard.noAction")}
          bars={dashboard.byObjective.map((objective) => ({
            label: t("dashboard.objectiveShort", { number: objective.number }),
            ...chart(objective.figures),
          }))}
        />
        <FiguresTable
          caption={t("dashboard.captionObjective")}
          groupHeader={t("dashboard.colObjective")}
          total={total}
          rows={dashboard.byObjective.map((objective) => ({
            key: String(objective.number),
            gap: objective.figures.actionCount === 0,
            figures: objective.figures,
            head: (
              <Link to={`/objectives/${objective.number}`}>
                {t("objectives.number", { number: objective.number })} – {title(objective)}
              </Link>
            ),
          }))}
        />
      </section>

      <section aria-labelledby="dashboard-axes">
        <h2 id="dashboard-axes">{t("dashboard.byAxis")}</h2>
        <p className="muted">{t("dashboard.axisNote")}</p>
        <BarChart
          title={t("dashboard.chartAxis")}
          description={t("dashboard.chartDesc")}
          emptyText={t("dashboard.noAction")}
          bars={[
            ...dashboard.byAxis.map((axis) => ({ label: t("dashboard.axisShort", { number: axis.number }), ...chart(axis.figures) })),
            ...(dashboard.withoutAxis ? [{ label: t("dashboard.withoutAxis"), ...chart(dashboard.withoutAxis) }] : []),
          ]}
        />
        <FiguresTable
          caption={t("dashboard.captionAxis")}
          groupHeader={t("dashboard.colAxis")}
          rows={[
            ...dashboard.byAxis.map((axis) => ({
              key: axis.id,
              gap: axis.figures.actionCount === 0,
              figures: axis.figures,
              head: `${t("axis.label", { number: axis.number })} – ${title(axis)}`,
            })),
            ...(dashboard.withoutAxis ? [{ key: "none", figures: dashboard.withoutAxis, head: t("dashboard.withoutAxis") }] : []),
          ]}
        />
      </section>

      <section aria-labelledby="dashboard-leads">
        <h2 id="dashboard-leads">{t("dashboard.byLead")}</h2>
        <BarChart
          title={t("dashboard.chartLead")}
          description={t("dashboard.chartDesc")}
          emptyText={t("dashboard.noAction")}
          bars={dashboard.byLead.map((lead) => ({ label: lead.acronym, ...chart(lead.figures) }))}
        />
        <FiguresTable
          caption={t("dashboard.captionLead")}
          groupHeader={t("dashboard.colLead")}
          total={total}
          rows={dashboard.byLead.map((lead) => ({
            key: lead.id,
            highlight: lead.id === viewerOrganisationId,
            figures: lead.figures,
            head: (
              <>
                <abbr title={lead.name}>{lead.acronym}</abbr> – {lead.name}
              </>
            ),
          }))}
        />
      </section>
    </>
  );
}

type GlobalRow = ReturnType<typeof useLoaderData<typeof loader>>["byGlobalIndicator"][number];

/** Indicators: the coordination's list, the downloads, and the plan's indicators grouped by global indicator. */
function IndicatorsSection({
  planId,
  rows,
  canFollowUp,
  canReadReports,
  title,
}: {
  planId: string;
  rows: GlobalRow[];
  canFollowUp: boolean;
  canReadReports: boolean;
  title: (item: { titleFr: string; titleEn: string }) => string;
}) {
  const t = useT();
  const download = (table: string, format: string) => `/dashboard/export?${new URLSearchParams({ plan: planId, table, format })}`;
  return (
    <section aria-labelledby="dashboard-indicators">
      <h2 id="dashboard-indicators">{t("dashboard.indicators")}</h2>
      <p className="muted">{t("dashboard.indicatorsIntro")}</p>
      <div className="button-row">
        {canFollowUp ? (
          <Link to={`/indicators?plan=${encodeURIComponent(planId)}`} className="button">
            {t("indicatorList.title")}
          </Link>
        ) : null}
        <a href={download("indicators", "xlsx")} className="button button--secondary" download>
          {t("exports.indicatorsXlsx")}
        </a>
        <a href={download("indicators", "csv")} className="button button--secondary" download>
          {t("exports.indicatorsCsv")}
        </a>
        {canReadReports ? (
          <>
            <a href={download("reports", "xlsx")} className="button button--secondary" download>
              {t("exports.reportsXlsx")}
            </a>
            <a href={download("reports", "csv")} className="button button--secondary" download>
              {t("exports.reportsCsv")}
            </a>
          </>
        ) : null}
      </div>
      <h3>{t("dashboard.byGlobalIndicator")}</h3>
      {rows.length ? (
        <div className="table-wrap dashboard-table" role="region" aria-label={t("dashboard.captionGlobal")} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("dashboard.captionGlobal")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.colGlobal")}</th>
                <th scope="col" className="num">
                  {t("dashboard.colIndicators")}
                </th>
                {(["onTrack", "offTrack", "notReported", "noTarget"] as const).map((judgement) => (
                  <th key={judgement} scope="col" className="num">
                    <JudgementBadge judgement={judgement} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {canFollowUp ? (
                      <Link to={`/indicators?${new URLSearchParams({ plan: planId, global: row.id, show: "all" })}`}>
                        {t(`globalFramework.${row.framework}`)} {row.code}
                      </Link>
                    ) : (
                      `${t(`globalFramework.${row.framework}`)} ${row.code}`
                    )}{" "}
                    – {title(row)}
                  </th>
                  <td className="num">{row.indicatorCount}</td>
                  <td className="num">{row.onTrack}</td>
                  <td className="num">{row.offTrack}</td>
                  <td className="num">{row.notReported}</td>
                  <td className="num">{row.noTarget}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("dashboard.noGlobalLink")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
