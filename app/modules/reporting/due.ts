// When a progress report is expected, when it is late, and how urgent it is: pure rules,
// shared by the server (lists, compliance) and the browser (badges).
//
// Days are compared as calendar days in Bamako. Africa/Bamako is UTC all year (no daylight
// saving), so an instant's day is the first ten characters of its ISO form, and a @db.Date
// column (midnight UTC) is its own day.
import type { ReviewState } from "./report-state";

export type DayLike = Date | string;

/** "AAAA-MM-JJ": the calendar day in Bamako of an instant or of a date column. */
export function bamakoDay(value: DayLike): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayLike, to: DayLike) {
  const start = Date.parse(`${bamakoDay(from)}T00:00:00Z`);
  const end = Date.parse(`${bamakoDay(to)}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}

/** A report sent on its due date is on time; sent from the next day on, it is late. */
export function isSubmittedLate(submittedAt: DayLike, dueDate: DayLike) {
  return bamakoDay(submittedAt) > bamakoDay(dueDate);
}

/**
 * Whether a report is late: sent after its due date, or not sent yet (missing or in draft)
 * when the due date has passed. `submittedAt` is the first submission: a report sent back
 * for changes after the due date is not late for that.
 */
export function isLate(report: { dueDate: DayLike; submittedAt: DayLike | null }, now: DayLike) {
  if (report.submittedAt) return isSubmittedLate(report.submittedAt, report.dueDate);
  return bamakoDay(now) > bamakoDay(report.dueDate);
}

type DatedSpan = { startDate: DayLike | null; endDate: DayLike | null };

/**
 * Whether an action owes a report for a period: it is "in progress", that is, neither
 * completed nor cancelled, and it was planned to have started by the end of the period
 * (an action without a start date always is). An action past its planned end that is not
 * finished keeps reporting: those are the ones monitoring must chase. Only OPEN periods
 * expect reports; the caller checks that.
 */
export function isReportExpected(action: DatedSpan & { status: string }, period: { startDate: DayLike; endDate: DayLike }) {
  if (action.status === "COMPLETED" || action.status === "CANCELLED") return false;
  return !(action.startDate && bamakoDay(action.startDate) > bamakoDay(period.endDate));
}

/** What a focal point should do about a report, most urgent first. */
export const URGENCIES = ["changesRequested", "late", "due", "draft", "submitted", "approved"] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Sent back first, then late (missing or draft past the due date), then not started yet,
 * then drafts, then those waiting for review, then approved ones.
 */
export function urgencyOf(report: { reviewState: ReviewState | null; dueDate: DayLike; submittedAt: DayLike | null }, now: DayLike): Urgency {
  switch (report.reviewState) {
    case "CHANGES_REQUESTED":
      return "changesRequested";
    case "SUBMITTED":
      return "submitted";
    case "APPROVED":
      return "approved";
    default:
      if (isLate({ dueDate: report.dueDate, submittedAt: null }, now)) return "late";
      return report.reviewState === "DRAFT" ? "draft" : "due";
  }
}

/** Orders work items by urgency, then by due date (soonest first), then by action code. */
export function compareByUrgency(
  a: { urgency: Urgency; dueDate: DayLike; code: string },
  b: { urgency: Urgency; dueDate: DayLike; code: string },
) {
  return (
    URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) ||
    bamakoDay(a.dueDate).localeCompare(bamakoDay(b.dueDate)) ||
    a.code.localeCompare(b.code)
  );
}

/**
 * Whether a report may still be saved and submitted given its period: the period is open,
 * or a reviewer reopened this report (one more submission, which uses up the reopening).
 */
export function periodAcceptsReport(period: { status: "OPEN" | "CLOSED" }, report: { reopenedAt: DayLike | null }) {
  return period.status === "OPEN" || report.reopenedAt !== null;
}
