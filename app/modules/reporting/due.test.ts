import { expect, test } from "vitest";
import { bamakoDay, compareByUrgency, daysBetween, isLate, isReportExpected, isSubmittedLate, periodAcceptsReport, urgencyOf } from "./due";

const dueDate = new Date("2027-01-31T00:00:00Z");

test("a report submitted on its due date is on time, even late in the evening", () => {
  expect(isSubmittedLate(new Date("2027-01-31T00:00:00Z"), dueDate)).toBe(false);
  expect(isSubmittedLate(new Date("2027-01-31T23:59:59Z"), dueDate)).toBe(false);
  expect(isLate({ dueDate, submittedAt: new Date("2027-01-31T23:59:59Z") }, new Date("2027-03-01T10:00:00Z"))).toBe(false);
});

test("a report submitted the day after its due date is late, from the first minute", () => {
  expect(isSubmittedLate(new Date("2027-02-01T00:00:00Z"), dueDate)).toBe(true);
  expect(isLate({ dueDate, submittedAt: new Date("2027-02-01T00:00:01Z") }, new Date("2027-02-01T00:00:01Z"))).toBe(true);
});

test("a missing report is not late on its due date and is late from the day after", () => {
  expect(isLate({ dueDate, submittedAt: null }, new Date("2027-01-30T12:00:00Z"))).toBe(false);
  expect(isLate({ dueDate, submittedAt: null }, new Date("2027-01-31T23:59:59Z"))).toBe(false);
  expect(isLate({ dueDate, submittedAt: null }, new Date("2027-02-01T00:00:00Z"))).toBe(true);
});

test("days are Bamako calendar days (UTC), whatever the form of the date", () => {
  expect(bamakoDay("2027-01-31")).toBe("2027-01-31");
  expect(bamakoDay(new Date("2027-01-31T23:59:59Z"))).toBe("2027-01-31");
  expect(daysBetween(new Date("2027-01-30T23:00:00Z"), dueDate)).toBe(1);
  expect(daysBetween(new Date("2027-02-03T01:00:00Z"), dueDate)).toBe(-3);
});

test("an action owes a report when it is neither completed nor cancelled and was due to have started by the period's end", () => {
  const period = { startDate: "2026-07-01", endDate: "2026-12-31" };
  const running = { status: "IN_PROGRESS", startDate: "2025-01-01", endDate: "2027-12-31" };
  expect(isReportExpected(running, period)).toBe(true);
  expect(isReportExpected({ ...running, status: "NOT_STARTED" }, period)).toBe(true);
  expect(isReportExpected({ ...running, status: "DELAYED" }, period)).toBe(true);
  expect(isReportExpected({ ...running, status: "COMPLETED" }, period)).toBe(false);
  expect(isReportExpected({ ...running, status: "CANCELLED" }, period)).toBe(false);
  // Starting on the period's last day is enough; starting after it is not.
  expect(isReportExpected({ ...running, startDate: "2026-12-31" }, period)).toBe(true);
  expect(isReportExpected({ ...running, startDate: "2027-01-01" }, period)).toBe(false);
  // Past its planned end but unfinished: still reporting, it is the one to chase.
  expect(isReportExpected({ ...running, endDate: "2026-06-30" }, period)).toBe(true);
  expect(isReportExpected({ status: "DELAYED", startDate: "2020-01-01", endDate: "2021-12-31" }, period)).toBe(true);
  // No dates: always expected.
  expect(isReportExpected({ status: "IN_PROGRESS", startDate: null, endDate: null }, period)).toBe(true);
});

test("urgency: sent back, then late, then due soonest, then drafts, then submitted and approved", () => {
  const now = new Date("2027-02-10T09:00:00Z");
  const item = (code: string, reviewState: Parameters<typeof urgencyOf>[0]["reviewState"], due: string, submittedAt: string | null = null) => ({
    code,
    dueDate: due,
    urgency: urgencyOf({ reviewState, dueDate: due, submittedAt }, now),
  });
  const items = [
    item("A-approved", "APPROVED", "2027-01-31", "2027-01-20"),
    item("B-draft", "DRAFT", "2027-04-30"),
    item("C-due-later", null, "2027-07-31"),
    item("D-submitted", "SUBMITTED", "2027-04-30", "2027-02-01"),
    item("E-late-draft", "DRAFT", "2027-01-31"),
    item("F-due-soon", null, "2027-04-30"),
    item("G-sent-back", "CHANGES_REQUESTED", "2027-01-31", "2027-01-15"),
    item("H-late-missing", null, "2027-02-09"),
  ];
  expect(items.sort(compareByUrgency).map((entry) => entry.code)).toEqual([
    "G-sent-back",
    "E-late-draft",
    "H-late-missing",
    "F-due-soon",
    "C-due-later",
    "B-draft",
    "D-submitted",
    "A-approved",
  ]);
});

test("a closed period takes no more reports, except one a reviewer reopened", () => {
  expect(periodAcceptsReport({ status: "OPEN" }, { reopenedAt: null })).toBe(true);
  expect(periodAcceptsReport({ status: "CLOSED" }, { reopenedAt: null })).toBe(false);
  expect(periodAcceptsReport({ status: "CLOSED" }, { reopenedAt: new Date() })).toBe(true);
});
