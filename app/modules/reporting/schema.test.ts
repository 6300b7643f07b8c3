import { expect, test } from "vitest";
import { fieldErrorsFrom } from "~/utils/forms";
import { PeriodSchema, readBreakdown, readNumber, reportContent, reportSchema, type ReportIndicator } from "./schema";

const indicators: ReportIndicator[] = [
  { id: "people", kind: "NUMBER", disaggregation: ["SEX", "AGE_GROUP"] },
  { id: "share", kind: "PERCENTAGE", disaggregation: [] },
  { id: "adopted", kind: "YES_NO", disaggregation: ["SEX"] },
];
const schema = reportSchema(indicators);

function errorsOf(values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

test("numbers are read the French way; blanks are missing, anything else is not a number", () => {
  expect(readNumber("12,5")).toBe(12.5);
  expect(readNumber("1 500")).toBe(1500);
  expect(readNumber("-3")).toBe(-3);
  expect(readNumber("  ")).toBeUndefined();
  expect(readNumber("douze")).toBeNaN();
});

test("the same schema checks a draft's types and, on submission, its completeness and sums", () => {
  expect(errorsOf({ intent: "save", version: "1", "value-people": "abc" })).toEqual({ "value-people": "validation.number" });
  expect(errorsOf({ intent: "save", version: "1", "value-people": "10", "value-people-SEX-F": "3" })).toEqual({});
  expect(
    errorsOf({ intent: "submit", version: "1", status: "IN_PROGRESS", progress: "10", narrative: "Fait.", "value-people": "10", "value-people-SEX-F": "3", "value-share": "5", "value-adopted": "0" }),
  ).toEqual({ "value-people-SEX": "reports.breakdownSum" });
  expect(errorsOf({ intent: "submit", version: "1" })).toEqual({
    status: "validation.required",
    progress: "validation.required",
    narrative: "validation.required",
    "value-people": "reports.valueRequired",
    "value-share": "reports.valueRequired",
    "value-adopted": "reports.valueRequired",
  });
});

test("the stored content keeps typed values only, with break-downs by dimension; yes/no has none", () => {
  const parsed = schema.parse({
    intent: "save",
    version: "3",
    "value-people": "42",
    "value-people-SEX-F": "12",
    "value-people-SEX-M": "30",
    "value-people-AGE_GROUP-UNDER_18": "",
    "value-adopted": "1",
    "value-adopted-SEX-F": "1",
  });
  expect(reportContent(parsed, indicators).values).toEqual([
    { indicatorId: "people", value: 42, disaggregation: { SEX: { F: 12, M: 30 } } },
    { indicatorId: "adopted", value: 1, disaggregation: null },
  ]);
  expect(readBreakdown({ SEX: { F: 1, X: 2, M: "3" }, COLOUR: { RED: 1 } })).toEqual({ SEX: { F: 1 } });
});

test("a period's due date may be its last day but not earlier; its end may be its start", () => {
  expect(PeriodSchema.safeParse({ label: "Jour", startDate: "2026-01-01", endDate: "2026-01-01", dueDate: "2026-01-01" }).success).toBe(true);
  const result = PeriodSchema.safeParse({ label: "T1", startDate: "2026-01-01", endDate: "2026-03-31", dueDate: "30/03/2026" });
  expect(result.success ? {} : fieldErrorsFrom(result.error)).toEqual({ dueDate: "periods.dueBeforeEnd" });
});
