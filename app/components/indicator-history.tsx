// One indicator on the review page: its baseline, approved values period by period, the value
// reported now, its target, and the reported breakdown.
import { BreakdownTable } from "~/components/report-view";
import type { Breakdown, ReportIndicator } from "~/modules/reporting/schema";
import { formatDate, useLang, useT } from "~/utils/i18n";
import { formatIndicatorValue } from "~/utils/indicator-value";

export type HistoryIndicator = ReportIndicator & {
  name: string;
  unit: string | null;
  baselineValue: number | null;
  baselineDate: Date | string | null;
  targetValue: number | null;
  targetDate: Date | string | null;
  history: { periodId: string; label: string; value: number | null }[];
  value: { value: number | null; note: string | null; disaggregation: Breakdown } | null;
};

export function IndicatorHistory({ indicator, periodLabel }: { indicator: HistoryIndicator; periodLabel: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby={`indicator-${indicator.id}`} className="indicator-review">
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
              <td className="num">{formatIndicatorValue(t, lang, indicator, indicator.baselineValue)}</td>
            </tr>
            {indicator.history.map((item) => (
              <tr key={item.periodId}>
                <th scope="row">
                  {item.label} <span className="muted">({t("reviews.approvedValue")})</span>
                </th>
                <td className="num">{formatIndicatorValue(t, lang, indicator, item.value)}</td>
              </tr>
            ))}
            <tr className="highlight">
              <th scope="row">
                <strong>{t("reviews.reportedValue", { period: periodLabel })}</strong>
              </th>
              <td className="num">
                <strong>{formatIndicatorValue(t, lang, indicator, indicator.value?.value)}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">
                {t("reviews.target")}
                {indicator.targetDate ? <span className="muted"> ({formatDate(lang, indicator.targetDate)})</span> : null}
              </th>
              <td className="num">{formatIndicatorValue(t, lang, indicator, indicator.targetValue)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {indicator.value?.note ? (
        <p>
          <span className="muted">{t("reviews.valueNote")}</span> <span className="prose">{indicator.value.note}</span>
        </p>
      ) : null}
      <BreakdownTable indicator={indicator} breakdown={indicator.value?.disaggregation} caption={t("reviews.breakdown")} />
    </section>
  );
}
