import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { ErrorPage } from "~/components/error-page";
import { PortalNav } from "~/components/portal-nav";
import { indicatorValue, unitOf } from "~/components/review-report-document";
import type { DocIndicator } from "~/modules/review-report/document";
import { getPublicDocument, portalLang, requirePortalOpen } from "~/modules/portal/portal.server";
import dashboardStyles from "~/styles/dashboard.css";
import { formatPercent, useT, type Lang, type Translate } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "portal.indicators");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    const doc = await getPublicDocument(params.planId ?? "", await portalLang(request));
    return {
      lang: doc.lang,
      plan: { id: doc.plan.id, title: doc.plan.title },
      actions: doc.objectives.flatMap((objective) =>
        objective.actions
          .filter((action) => action.indicators.length > 0)
          .map((action) => ({ code: action.code, title: action.title, objectiveNumber: objective.number, indicators: action.indicators })),
      ),
    };
  });
}

/** Baseline, each approved value and the target as bars on one scale, with the figures in words. */
function IndicatorValuesChart({ t, lang, indicator }: { t: Translate; lang: Lang; indicator: DocIndicator }) {
  const format = (value: number | null) => indicatorValue(t, lang, indicator.kind, value);
  const bars = [
    { label: t("reviewReport.baseline"), value: indicator.baseline, display: format(indicator.baseline) },
    ...indicator.values.map((value) => ({ label: value.period, value: value.value, display: format(value.value) })),
    { label: t("reviewReport.target"), value: indicator.target, display: format(indicator.target) },
  ];
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  return (
    <BarChart
      title={indicator.name}
      description={t("portal.indicatorChartHelp", { unit: unitOf(t, indicator) })}
      emptyText={t("reviewDoc.chart.noData")}
      bars={bars}
      max={max}
    />
  );
}

export default function PublicIndicatorsRoute() {
  const { lang, plan, actions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="portal">
      <PortalNav plan={plan} current={t("portal.indicators")} />
      <h1>{t("portal.indicators")}</h1>
      <p className="lead">{t("portal.indicatorsIntro")}</p>
      {actions.length === 0 ? <p>{t("portal.noIndicator")}</p> : null}
      {actions.map((action) => (
        <section key={action.code} aria-labelledby={`indicators-${action.code}`}>
          <h2 id={`indicators-${action.code}`}>
            <Link to={`/public/plans/${plan.id}/objectives/${action.objectiveNumber}`}>
              {action.code} {action.title}
            </Link>
          </h2>
          {action.indicators.map((indicator, index) => (
            <figure key={indicator.name} id={`indicator-${action.code}-${index}`} className="portal-indicator">
              <figcaption>
                <strong>{indicator.name}</strong> ({unitOf(t, indicator)}) –{" "}
                {t("reviewDoc.towardsTarget")} : {indicator.towardsTarget === null ? t("common.none") : formatPercent(lang, indicator.towardsTarget)}
              </figcaption>
              <IndicatorValuesChart t={t} lang={lang} indicator={indicator} />
            </figure>
          ))}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
