// Progress of an indicator towards its target, and whether it is on track: pure arithmetic,
// shared by the indicator page, the coordination's list, the exports and the review report.
//
// - Progress = (value − baseline) ÷ (target − baseline) × 100. It works the same way for a
//   target below the baseline (fewer deaths, a lower remittance cost) and for zero or negative
//   baselines, because only differences are divided. Not clamped: 120 % means beyond the target,
//   a negative figure means moving away from it.
// - On track: the value has gone at least as far towards the target as the straight path from
//   (baseline date, baseline) to (target date, target) had gone by the end of the period the
//   value was reported for. A yes/no indicator has no path: it is on track while its target date
//   is still ahead, or once it has reached its target.

export type IndicatorKindName = "NUMBER" | "PERCENTAGE" | "YES_NO";

/** Dates are calendar days "AAAA-MM-JJ" (or anything `Date` parses). */
export type IndicatorPlan = {
  kind: IndicatorKindName;
  baselineValue: number | null;
  targetValue: number | null;
  /** The indicator's dates; when missing, the plan's start and end dates stand in. */
  baselineDate: string | null;
  targetDate: string | null;
};

export type PeriodValue = { periodEnd: string; value: number };

export type Judgement =
  /** No approved value yet, or none for the last period whose reports were due. */
  | "notReported"
  /** Baseline or target missing, or equal to each other: nothing to measure against. */
  | "noTarget"
  | "onTrack"
  | "offTrack";

export const JUDGEMENTS = ["offTrack", "notReported", "onTrack", "noTarget"] as const satisfies readonly Judgement[];

const DAY = 86_400_000;

function time(day: string) {
  return new Date(day.length === 10 ? `${day}T00:00:00Z` : day).getTime();
}

/** Progress towards the target in percent, or null when there is nothing to measure against. */
export function progressPercent(baseline: number | null, target: number | null, value: number | null): number | null {
  if (baseline === null || target === null || value === null) return null;
  if (target === baseline) return null;
  return ((value - baseline) / (target - baseline)) * 100;
}

/** The dates the straight path runs between: the indicator's own, else the plan's. */
export function pathDates(indicator: IndicatorPlan, plan: { startDate: string; endDate: string }) {
  return { from: indicator.baselineDate ?? plan.startDate, to: indicator.targetDate ?? plan.endDate };
}

/**
 * The value expected on `day` along the straight path from the baseline to the target: the
 * baseline before the baseline date, the target after the target date. Null without baseline or target.
 */
export function expectedValue(
  indicator: IndicatorPlan,
  plan: { startDate: string; endDate: string },
  day: string,
): number | null {
  const { baselineValue: baseline, targetValue: target } = indicator;
  if (baseline === null || target === null) return null;
  const { from, to } = pathDates(indicator, plan);
  const span = time(to) - time(from);
  if (span <= 0) return target;
  const share = Math.min(1, Math.max(0, (time(day) - time(from)) / span));
  if (indicator.kind === "YES_NO") return share >= 1 ? target : baseline;
  return baseline + (target - baseline) * share;
}

/** Whether `value`, reported for a period ending on `periodEnd`, is on the path to the target. */
export function judgeValue(
  indicator: IndicatorPlan,
  plan: { startDate: string; endDate: string },
  { periodEnd, value }: PeriodValue,
): "onTrack" | "offTrack" | "noTarget" {
  const { baselineValue: baseline, targetValue: target } = indicator;
  if (baseline === null || target === null || baseline === target) return "noTarget";
  const expected = expectedValue(indicator, plan, periodEnd);
  if (expected === null) return "noTarget";
  // A tolerance of a millionth of the distance, so that 0.1 + 0.2 counts as 0.3.
  const tolerance = Math.abs(target - baseline) * 1e-6;
  const increasing = target > baseline;
  return (increasing ? value >= expected - tolerance : value <= expected + tolerance) ? "onTrack" : "offTrack";
}

export type IndicatorStatus = {
  judgement: Judgement;
  /** The latest approved value (by period end), if any. */
  latest: PeriodValue | null;
  /** Progress of the latest value towards the target, in percent. */
  progress: number | null;
  /** What the straight path expected at the end of the latest value's period. */
  expected: number | null;
};

/**
 * The indicator's standing: its latest approved value judged against the path, or "not
 * reported" when it has no approved value for the last period whose reports were due
 * (`lastDuePeriod`: the latest period of the plan whose due date has passed; null if none has).
 */
export function indicatorStatus(
  indicator: IndicatorPlan,
  plan: { startDate: string; endDate: string },
  values: PeriodValue[],
  lastDuePeriod: { endDate: string } | null,
): IndicatorStatus {
  const latest = [...values].sort((a, b) => time(a.periodEnd) - time(b.periodEnd)).at(-1) ?? null;
  const progress = latest ? progressPercent(indicator.baselineValue, indicator.targetValue, latest.value) : null;
  const expected = latest ? expectedValue(indicator, plan, latest.periodEnd) : null;
  const stale = latest !== null && lastDuePeriod !== null && time(latest.periodEnd) < time(lastDuePeriod.endDate) - DAY / 2;
  if (!latest || stale) return { judgement: "notReported", latest, progress, expected };
  return { judgement: judgeValue(indicator, plan, latest), latest, progress, expected };
}
