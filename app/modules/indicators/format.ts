// Numbers on an indicator chart's axis (values themselves read through utils/indicator-value.ts).
import { formatNumber, type Lang } from "~/utils/i18n";

export type ValueFormat = { kind: "NUMBER" | "PERCENTAGE" | "YES_NO"; unit: string | null };

/** A chart axis: numbers only (the unit is in the title), one decimal at most. */
export function formatAxisNumber(lang: Lang, indicator: ValueFormat, value: number): string {
  const number = formatNumber(lang, value, { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });
  return indicator.kind === "PERCENTAGE" ? `${number} %` : number;
}
