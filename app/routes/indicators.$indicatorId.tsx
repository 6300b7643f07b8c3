// One indicator: baseline, approved values by period, target, progress with its formula, and
// whether it is on track, as a chart and tables; break-downs as grouped bars. Read like the action page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { GroupedBarChart, IndicatorChart } from "~/components/indicator-chart";
import { JudgementBadge } from "~/components/judgement-badge";
import { formatAxisNumber } from "~/modules/indicators/format";
import { formatIndicatorValue } from "~/utils/indicator-value";
import { getIndicatorMonitoring, type IndicatorMonitoring } from "~/modules/indicators/monitoring.server";
import actionsStyles from "~/styles/actions.css";
import indicatorsStyles from "~/styles/indicators.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatNumber, formatPercent, useLang, useT, type Lang } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: actionsStyles },
  { rel: "stylesheet", href: indicatorsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.monitoring.indicator.name} – Pacte` : "Indicateur – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const monitoring = await getIndicatorMonitoring(params.indicatorId ?? "");
  if (!monitoring) notFound();
  return { monitoring, canFollowUp: can(user, "indicator:followUp") };
}

const day = (lang: Lang, value: string) => formatDate(lang, `${value.slice(0, 10)}T00:00:00Z`);

/** "(45 − 12) ÷ (40 − 12) × 100 = 117,9 %": the formula with the figures put in. */
function Formula({ monitoring }: { monitoring: IndicatorMonitoring }) {
  const t = useT();
  const lang = useLang();
  const { baselineValue, targetValue } = monitoring.indicator;
  const { latest, progress } = monitoring.status;
  const n = (value: number) => formatNumber(lang, value, { maximumFractionDigits: 2 });
  return (
    <div className="formula">
      <p>
        <strong>{t("indicatorPage.formula")}</strong>
      </p>
      {latest && progress !== null && baselineValue !== null && targetValue !== null ? (
        <p className="formula__figures">
          ({n(latest.value)} − {n(baselineValue)}) ÷ ({n(targetValue)} − {n(baselineValue)}) × 100 ={" "}
          <strong>{formatPercent(lang, progress)}</strong>
        </p>
      ) : (
        <p className="muted">{t(baselineValue === null || targetValue === null || baselineValue === targetValue ? "indicatorPage.noTarget" : "indicatorPage.noValue")}</p>
      )}
    </div>
  );
}

export default function IndicatorPageRoute() {
  const { monitoring, canFollowUp } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { indicator, plan, status, values, breakdowns, globalIndicators, path, lastDuePeriod } = monitoring;
  const show = (value: number) => formatIndicatorValue(t, lang, indicator, value);
  const axis = (value: number) => formatAxisNumber(lang, indicator, value);
  const baseline = indicator.baselineValue === null ? null : { date: path.from, value: indicator.baselineValue };
  const target = indicator.targetValue === null ? null : { date: path.to, value: indicator.targetValue };
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);
  const latestRow = status.latest ? values.find((value) => value.endDate === status.latest?.periodEnd) : undefined;

  return (
    <>
      <p>
        <Link to={`/actions/${indicator.action.id}`}>{t("indicators.back", { code: indicator.action.code })}</Link>
        {canFollowUp ? (
          <>
            {" · "}
            <Link to={`/indicators?plan=${encodeURIComponent(plan.id)}`}>{t("indicatorList.back")}</Link>
          </>
        ) : null}
      </p>
      <h1>{indicator.name}</h1>
      <p className="muted">
        {t("indicatorPage.ofAction", { code: indicator.action.code, title: indicator.action.title })} ·{" "}
        {indicator.action.leadOrganisation.acronym} · {t("objectives.number", { number: indicator.action.mainObjectiveNumber })}
      </p>
      {indicator.definition ? <p className="prose">{indicator.definition}</p> : null}

      <section aria-labelledby="standing-title" className="standing">
        <h2 id="standing-title">{t("indicatorPage.standing")}</h2>
        <p className="standing__badge">
          <JudgementBadge judgement={status.judgement} />
        </p>
        <dl className="details-list details-list--grid">
          <div>
            <dt>{t("indicators.field.baselineValue")}</dt>
            <dd>{baseline ? `${show(baseline.value)} (${day(lang, baseline.date)})` : t("common.none")}</dd>
          </div>
          <div>
            <dt>{t("indicators.field.targetValue")}</dt>
            <dd>{target ? `${show(target.value)} (${day(lang, target.date)})` : t("common.none")}</dd>
          </div>
          <div>
            <dt>{t("indicatorPage.latest")}</dt>
            <dd>{latestRow ? `${show(latestRow.value)} (${latestRow.label})` : t("indicatorPage.noApproved")}</dd>
          </div>
          <div>
            <dt>{t("indicatorPage.progress")}</dt>
            <dd>{status.progress === null ? t("common.none") : formatPercent(lang, status.progress)}</dd>
          </div>
        </dl>
        <Formula monitoring={monitoring} />
        <p>
          {status.judgement === "notReported"
            ? lastDuePeriod
              ? t("indicatorPage.notReportedFor", { period: lastDuePeriod.label })
              : t("indicatorPage.notReported")
            : latestRow && status.expected !== null
              ? t(status.judgement === "onTrack" ? "indicatorPage.onTrackBecause" : "indicatorPage.offTrackBecause", {
                  date: day(lang, latestRow.endDate),
                  expected: show(status.expected),
                  value: show(latestRow.value),
                })
              : t("indicatorPage.noTarget")}
        </p>
        <p className="muted small">{t("indicatorPage.pathRule", { from: day(lang, path.from), to: day(lang, path.to) })}</p>
      </section>

      <section aria-labelledby="frameworks-title">
        <h2 id="frameworks-title">{t("indicatorPage.frameworks")}</h2>
        {globalIndicators.length ? (
          <ul className="plain-list">
            {globalIndicators.map((item) => (
              <li key={item.id}>
                <strong>{t(`globalFramework.${item.framework}`)} {item.code}</strong> – {title(item)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("indicatorPage.noFramework")}</p>
        )}
      </section>

      <section aria-labelledby="values-title">
        <h2 id="values-title">{t("indicatorPage.values")}</h2>
        <IndicatorChart
          title={t("indicatorPage.chartTitle", { name: indicator.name })}
          description={t("indicatorPage.chartDesc")}
          baseline={baseline}
          target={target}
          points={values.map((value) => ({ label: value.label, date: value.endDate, value: value.value }))}
          format={axis}
          formatDay={(value) => formatDate(lang, value, { dateStyle: "medium" })}
        />
        {values.length ? (
          <div className="table-wrap">
            <table>
              <caption>{t("indicatorPage.valuesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicatorChart.period")}</th>
                  <th scope="col">{t("indicatorPage.periodEnd")}</th>
                  <th scope="col" className="num">
                    {t("indicatorPage.approvedValue")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicatorPage.expected")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicatorPage.progress")}
                  </th>
                  <th scope="col">{t("indicatorPage.judgement")}</th>
                </tr>
              </thead>
              <tbody>
                {baseline ? (
                  <tr>
                    <th scope="row">{t("indicatorChart.baseline")}</th>
                    <td>{day(lang, baseline.date)}</td>
                    <td className="num">{show(baseline.value)}</td>
                    <td className="num">{t("common.none")}</td>
                    <td className="num">{formatPercent(lang, 0)}</td>
                    <td>{t("common.none")}</td>
                  </tr>
                ) : null}
                {values.map((value) => (
                  <tr key={value.periodId}>
                    <th scope="row">{value.label}</th>
                    <td>{day(lang, value.endDate)}</td>
                    <td className="num">{show(value.value)}</td>
                    <td className="num">{value.expected === null ? t("common.none") : show(value.expected)}</td>
                    <td className="num">{value.progress === null ? t("common.none") : formatPercent(lang, value.progress)}</td>
                    <td>
                      <JudgementBadge judgement={value.judgement} />
                    </td>
                  </tr>
                ))}
                {target ? (
                  <tr>
                    <th scope="row">{t("indicatorChart.target")}</th>
                    <td>{day(lang, target.date)}</td>
                    <td className="num">{show(target.value)}</td>
                    <td className="num">{show(target.value)}</td>
                    <td className="num">{formatPercent(lang, 100)}</td>
                    <td>{t("common.none")}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("indicatorPage.noApproved")}</p>
        )}
      </section>

      {breakdowns.length ? (
        <section aria-labelledby="breakdowns-title">
          <h2 id="breakdowns-title">{t("indicatorPage.breakdowns")}</h2>
          {breakdowns.map((breakdown) => {
            const dimension = t(`disaggregation.${breakdown.dimension}`);
            return (
              <div key={breakdown.dimension} className="breakdown">
                <h3>{dimension}</h3>
                <GroupedBarChart
                  title={t("indicatorPage.breakdownTitle", { name: indicator.name, dimension })}
                  description={t("indicatorPage.breakdownDesc")}
                  caption={t("indicatorPage.breakdownCaption", { dimension })}
                  rowHeader={t("indicatorChart.period")}
                  series={breakdown.categories.map((category) => t(`reports.breakdown.${category}`))}
                  rows={breakdown.rows}
                  format={(value) => formatNumber(lang, value, { maximumFractionDigits: 2 })}
                />
              </div>
            );
          })}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
