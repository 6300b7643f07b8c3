// How an indicator's value reads, everywhere it is shown: yes/no, a percentage, or a number
// with the indicator's unit, in the reader's language.
import { formatNumber, formatPercent, type Lang, type Translate } from "~/utils/i18n";

export type IndicatorShape = { kind: string; unit?: string | null };

/** The value as a reader sees it; "—" (common.none) when nothing was measured. */
export function formatIndicatorValue(t: Translate, lang: Lang, indicator: IndicatorShape, value: number | null | undefined) {
  if (value === null || value === undefined) return t("common.none");
  if (indicator.kind === "YES_NO") return t(value === 1 ? "common.yes" : "common.no");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  const number = formatNumber(lang, value);
  return indicator.unit ? t("indicators.valueWithUnit", { value: number, unit: indicator.unit }) : number;
}
