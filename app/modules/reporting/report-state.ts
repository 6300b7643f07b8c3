// The progress report's life: who may move it from which state to which.
// Pure and shared: the server enforces it, the UI asks it which buttons to show.
import { can, type PermissionSubject } from "~/utils/permissions";

export const REVIEW_STATES = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REPORT_TRANSITIONS = ["save", "submit", "approve", "requestChanges"] as const;
export type ReportTransition = (typeof REPORT_TRANSITIONS)[number];

const TABLE: Record<ReportTransition, { from: readonly ReviewState[]; to: ReviewState | "same" }> = {
  // The focal point works on a draft, or on a report sent back to them.
  save: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "same" },
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED" },
  // Reviewers decide on submitted reports only.
  approve: { from: ["SUBMITTED"], to: "APPROVED" },
  requestChanges: { from: ["SUBMITTED"], to: "CHANGES_REQUESTED" },
};

/** The permission each transition asks of the user (scoped to the report's organisation). */
export const PERMISSION_FOR = {
  save: "report:edit",
  submit: "report:submit",
  approve: "report:review",
  requestChanges: "report:review",
} as const;

/** The states a transition may start from (for a guarded update's `where`). */
export function statesAllowing(transition: ReportTransition) {
  return REVIEW_STATES.filter((state) => nextState(state, transition) !== null);
}

/** The state after `transition`, or null when the report's state does not allow it. */
export function nextState(state: ReviewState, transition: ReportTransition): ReviewState | null {
  const rule = TABLE[transition];
  if (!rule.from.includes(state)) return null;
  return rule.to === "same" ? state : rule.to;
}

/**
 * Whether `user` may apply `transition` to a report of `organisationId` in `state`:
 * their role and organisation allow it, and the report's state does.
 */
export function canTransition(
  user: PermissionSubject | null | undefined,
  transition: ReportTransition,
  report: { organisationId: string; state: ReviewState },
) {
  return can(user, PERMISSION_FOR[transition], { organisationId: report.organisationId }) && nextState(report.state, transition) !== null;
}
