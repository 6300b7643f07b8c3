import { expect, test } from "vitest";
import { expectedValue, indicatorStatus, judgeValue, progressPercent, type IndicatorPlan } from "./progress";

const plan = { startDate: "2020-01-01", endDate: "2027-12-31" };

function indicator(overrides: Partial<IndicatorPlan> = {}): IndicatorPlan {
  return { kind: "NUMBER", baselineValue: 0, targetValue: 100, baselineDate: "2020-01-01", targetDate: "2024-01-01", ...overrides };
}

test("progress is the share of the distance from baseline to target covered", () => {
  expect(progressPercent(0, 100, 25)).toBe(25);
  expect(progressPercent(20, 120, 70)).toBe(50);
  // Beyond the target, and moving away from it, are not clamped.
  expect(progressPercent(0, 100, 130)).toBe(130);
  expect(progressPercent(10, 20, 5)).toBe(-50);
});

test("progress works with a negative baseline and with a decreasing target", () => {
  // From a deficit of -40 to +10: reaching -15 is half the way.
  expect(progressPercent(-40, 10, -15)).toBe(50);
  // Remittance cost from 9 % down to 3 %: 7,5 % is a quarter of the way.
  expect(progressPercent(9, 3, 7.5)).toBe(25);
  // Getting worse on a decreasing target is negative progress.
  expect(progressPercent(9, 3, 10.5)).toBe(-25);
});

test("progress is null without a value, a baseline or a target, or when they are equal", () => {
  expect(progressPercent(0, 100, null)).toBeNull();
  expect(progressPercent(null, 100, 50)).toBeNull();
  expect(progressPercent(0, null, 50)).toBeNull();
  expect(progressPercent(5, 5, 5)).toBeNull();
});

test("the expected value follows the straight path and stays at the ends outside it", () => {
  // 2020-01-01 → 2024-01-01 is 1 461 days; 2022-01-01 is day 731.
  expect(expectedValue(indicator(), plan, "2022-01-01")).toBeCloseTo((731 / 1461) * 100, 6);
  expect(expectedValue(indicator(), plan, "2019-06-30")).toBe(0);
  expect(expectedValue(indicator(), plan, "2025-06-30")).toBe(100);
  expect(expectedValue(indicator({ baselineValue: null }), plan, "2022-01-01")).toBeNull();
});

test("without dates of its own the path runs over the plan's period", () => {
  const undated = indicator({ baselineDate: null, targetDate: null, baselineValue: 10, targetValue: 30 });
  // 2020-01-01 → 2027-12-31 is 2 921 days; 2024-01-01 is day 1 461.
  expect(expectedValue(undated, plan, "2024-01-01")).toBeCloseTo(10 + 20 * (1461 / 2921), 6);
});

test("on track means at least as far as the path expected by the period's end", () => {
  const judged = (value: number) => judgeValue(indicator(), plan, { periodEnd: "2022-01-01", value });
  expect(judged(51)).toBe("onTrack");
  // The path expects 731 ÷ 1 461 × 100 ≈ 50,034 on 2022-01-01.
  expect(judged(50.04)).toBe("onTrack");
  expect(judged(50.03)).toBe("offTrack");
  expect(judged(49)).toBe("offTrack");
});

test("on a decreasing target, on track means at or below the path", () => {
  const cost = indicator({ baselineValue: 9, targetValue: 3 });
  // Half way through, the path expects about 6 %.
  expect(judgeValue(cost, plan, { periodEnd: "2022-01-01", value: 5.5 })).toBe("onTrack");
  expect(judgeValue(cost, plan, { periodEnd: "2022-01-01", value: 7 })).toBe("offTrack");
});

test("with a negative baseline the path is judged the same way", () => {
  const balance = indicator({ baselineValue: -40, targetValue: 10 });
  expect(judgeValue(balance, plan, { periodEnd: "2022-01-01", value: -10 })).toBe("onTrack");
  expect(judgeValue(balance, plan, { periodEnd: "2022-01-01", value: -30 })).toBe("offTrack");
});

test("a yes/no indicator is on track until its target date, then only once reached", () => {
  const yesNo = indicator({ kind: "YES_NO", baselineValue: 0, targetValue: 1 });
  expect(judgeValue(yesNo, plan, { periodEnd: "2023-06-30", value: 0 })).toBe("onTrack");
  expect(judgeValue(yesNo, plan, { periodEnd: "2024-06-30", value: 0 })).toBe("offTrack");
  expect(judgeValue(yesNo, plan, { periodEnd: "2024-06-30", value: 1 })).toBe("onTrack");
});

test("an indicator without baseline or target, or with both equal, cannot be judged", () => {
  expect(judgeValue(indicator({ targetValue: null }), plan, { periodEnd: "2022-01-01", value: 5 })).toBe("noTarget");
  expect(judgeValue(indicator({ baselineValue: 7, targetValue: 7 }), plan, { periodEnd: "2022-01-01", value: 7 })).toBe("noTarget");
});

test("without any approved value an indicator is not reported", () => {
  const status = indicatorStatus(indicator(), plan, [], null);
  expect(status).toEqual({ judgement: "notReported", latest: null, progress: null, expected: null });
});

test("the latest value by period is judged, whatever the order given", () => {
  const status = indicatorStatus(
    indicator(),
    plan,
    [
      { periodEnd: "2022-01-01", value: 60 },
      { periodEnd: "2021-01-01", value: 10 },
    ],
    { endDate: "2022-01-01" },
  );
  expect(status.judgement).toBe("onTrack");
  expect(status.latest).toEqual({ periodEnd: "2022-01-01", value: 60 });
  expect(status.progress).toBe(60);
});

test("an indicator whose last value is older than the last period due is not reported", () => {
  const status = indicatorStatus(indicator(), plan, [{ periodEnd: "2021-01-01", value: 90 }], { endDate: "2022-01-01" });
  expect(status.judgement).toBe("notReported");
  expect(status.progress).toBe(90);
});
