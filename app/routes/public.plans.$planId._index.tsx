import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { ErrorPage } from "~/components/error-page";
import { PortalNav } from "~/components/portal-nav";
import { getPublicDocument, portalLang, requirePortalOpen } from "~/modules/portal/portal.server";
import dashboardStyles from "~/styles/dashboard.css";
import { formatDate, formatNumber, formatPercent, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "portal.planTitle");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    const doc = await getPublicDocument(params.planId ?? "", await portalLang(request));
    return {
      lang: doc.lang,
      plan: { id: doc.plan.id, title: doc.plan.title, startDate: doc.plan.startDate, endDate: doc.plan.endDate },
      version: doc.version,
      summary: doc.summary,
      objectives: doc.objectives.map((objective) => ({
        number: objective.number,
        title: objective.title,
        actionCount: objective.actions.length,
        averageProgress: objective.averageProgress,
      })),
    };
  });
}

export default function PublicPlanRoute() {
  const { lang, plan, version, summary, objectives } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="portal">
      <PortalNav />
      <h1>{plan.title}</h1>
      <p className="muted">
        {t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })}
        {version ? <> · {t("reviewReport.versionValue", { number: version.number, date: formatDate(lang, version.adoptedAt) })}</> : null}
      </p>
      <ul className="portal-links">
        <li>
          <Link to={`/public/plans/${plan.id}/indicators`}>{t("portal.indicators")}</Link>
        </li>
        <li>
          <Link to={`/public/plans/${plan.id}/review-report`}>{t("portal.reviewReport")}</Link>
        </li>
      </ul>
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
          <dt>{t("reviewDoc.averageProgress")}</dt>
          <dd>{summary.averageProgress === null ? t("common.none") : formatPercent(lang, summary.averageProgress)}</dd>
        </div>
        <div>
          <dt>{t("reviewDoc.approvedReports")}</dt>
          <dd>{formatNumber(lang, summary.approvedReports)}</dd>
        </div>
      </dl>
      <BarChart
        title={t("reviewDoc.chart.progressByObjective")}
        description={t("reviewDoc.chart.progressByObjectiveHelp")}
        emptyText={t("reviewDoc.chart.noData")}
        bars={objectives.map((objective) => ({
          label: t("objectives.number", { number: objective.number }),
          value: objective.averageProgress,
          display: objective.averageProgress === null ? "" : formatPercent(lang, objective.averageProgress),
        }))}
      />
      <h2>{t("portal.objectives")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("portal.objectives")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reviewDoc.objective")}</th>
              <th scope="col" className="num">{t("reviewReport.actions")}</th>
              <th scope="col" className="num">{t("reviewDoc.averageProgress")}</th>
            </tr>
          </thead>
          <tbody>
            {objectives.map((objective) => (
              <tr key={objective.number}>
                <th scope="row">
                  <Link to={`/public/plans/${plan.id}/objectives/${objective.number}`}>
                    {t("objectives.number", { number: objective.number })} – {objective.title}
                  </Link>
                </th>
                <td className="num">{formatNumber(lang, objective.actionCount)}</td>
                <td className="num">{objective.averageProgress === null ? t("common.none") : formatPercent(lang, objective.averageProgress)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
