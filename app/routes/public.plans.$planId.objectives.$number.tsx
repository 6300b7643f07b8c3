import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PortalNav } from "~/components/portal-nav";
import { indicatorValue, unitOf } from "~/components/review-report-document";
import { StatusBadge } from "~/components/status-badge";
import { getPublicDocument, portalLang, requirePortalOpen } from "~/modules/portal/portal.server";
import dashboardStyles from "~/styles/dashboard.css";
import { notFound } from "~/utils/http.server";
import { formatPercent, formatXof, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "portal.objectiveTitle");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    const doc = await getPublicDocument(params.planId ?? "", await portalLang(request));
    const objective = doc.objectives.find((item) => String(item.number) === params.number);
    if (!objective) notFound();
    return { lang: doc.lang, plan: { id: doc.plan.id, title: doc.plan.title }, objective };
  });
}

export default function PublicObjectiveRoute() {
  const { lang, plan, objective } = useLoaderData<typeof loader>();
  const t = useT();
  const heading = `${t("objectives.number", { number: objective.number })} – ${objective.title}`;
  return (
    <div className="portal review-report">
      <PortalNav plan={plan} current={t("objectives.number", { number: objective.number })} />
      <h1>{heading}</h1>
      <p className="report-axes">
        {objective.axes.length ? (
          <>
            <strong>{t("reviewReport.axes")}</strong> {objective.axes.map((number) => t("axis.label", { number })).join(" ; ")}
          </>
        ) : (
          <span className="muted">{t("reviewReport.noAxis")}</span>
        )}
      </p>
      {objective.actions.length === 0 ? <p className="report-gap">{t("reviewReport.noAction")}</p> : null}
      {objective.actions.map((action) => (
        <article key={action.code} className="report-action" aria-labelledby={`action-${action.code}`}>
          <h2 id={`action-${action.code}`}>
            <span className="report-code">{action.code}</span> {action.title}
          </h2>
          <dl className="report-action-facts">
            <div>
              <dt>{t("reviewReport.lead")}</dt>
              <dd>
                {action.lead.acronym} – {action.lead.name}
              </dd>
            </div>
            <div>
              <dt>{t("reviewReport.actionStatus")}</dt>
              <dd>{action.status ? <StatusBadge status={action.status} /> : t("reviewDoc.notReported")}</dd>
            </div>
            <div>
              <dt>{t("reviewReport.progress")}</dt>
              <dd className="num">{action.progress === null ? t("common.none") : formatPercent(lang, action.progress)}</dd>
            </div>
            <div>
              <dt>{t("reviewReport.budget")}</dt>
              <dd className="num">
                {action.budget ? (action.budget.estimated === null ? t("common.none") : formatXof(lang, action.budget.estimated)) : t("reviewDoc.budgetWithheld")}
              </dd>
            </div>
          </dl>
          {action.indicators.length ? (
            <div className="table-wrap report-table">
              <table>
                <caption className="visually-hidden">{t("reviewReport.indicatorsOf", { code: action.code })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reviewReport.indicator")}</th>
                    <th scope="col">{t("reviewReport.unit")}</th>
                    <th scope="col" className="num">{t("reviewReport.baseline")}</th>
                    <th scope="col" className="num">{t("reviewReport.latest")}</th>
                    <th scope="col" className="num">{t("reviewReport.target")}</th>
                  </tr>
                </thead>
                <tbody>
                  {action.indicators.map((indicator, index) => (
                    <tr key={indicator.name}>
                      <th scope="row">
                        <Link to={`/public/plans/${plan.id}/indicators#indicator-${action.code}-${index}`}>{indicator.name}</Link>
                      </th>
                      <td>{unitOf(t, indicator)}</td>
                      <td className="num">{indicatorValue(t, lang, indicator.kind, indicator.baseline)}</td>
                      <td className="num">
                        {indicatorValue(t, lang, indicator.kind, indicator.latest?.value ?? null)}
                        {indicator.latest ? <span className="cell-note">{indicator.latest.period}</span> : null}
                      </td>
                      <td className="num">{indicatorValue(t, lang, indicator.kind, indicator.target)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("reviewReport.noIndicator")}</p>
          )}
          {action.narrative ? (
            <figure className="report-excerpt">
              <figcaption>{t("reviewDoc.narrative", { period: action.narrative.period })}</figcaption>
              <blockquote>{action.narrative.text}</blockquote>
            </figure>
          ) : (
            <p className="muted small">{t("reviewReport.noReport")}</p>
          )}
        </article>
      ))}
      <p>
        <Link to={`/public/plans/${plan.id}`}>← {t("portal.backToPlan")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
