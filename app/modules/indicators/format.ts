// An indicator's figures as people read them: "45 personnes", "12,5 %", "Oui". Pure, for pages and exports.
import { formatNumber, formatPercent, type Lang, type Translate } from "~/utils/i18n";

export type ValueFormat = { kind: "NUMBER" | "PERCENTAGE" | "YES_NO"; unit: string | null };

export function formatIndicatorNumber(t: Translate, lang: Lang, indicator: ValueFormat, value: number): string {
  if (indicator.kind === "YES_NO") return t(value === 1 ? "common.yes" : value === 0 ? "common.no" : "common.none");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  const number = formatNumber(lang, value, { maximumFractionDigits: 2 });
  return indicator.unit ? t("indicators.valueWithUnit", { value: number, unit: indicator.unit }) : number;
}

/** A chart axis: numbers only (the unit is in the title), one decimal at most. */
export function formatAxisNumber(lang: Lang, indicator: ValueFormat, value: number): string {
  const number = formatNumber(lang, value, { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });
  return indicator.kind === "PERCENTAGE" ? `${number} %` : number;
}
