// What a user may do on one progress report: the one place that combines the role table
// (permissions.ts), the report's state machine (report-state.ts), its period and the
// action's partners. Pure: loaders and actions, the reporting and review modules and the
// pages' components all ask this function, so a rule changes here and nowhere else.
import { can, type PermissionSubject } from "~/utils/permissions";
import { periodAcceptsReport, type DayLike } from "./due";
import { canTransition, type ReviewState } from "./report-state";

/** The facts about a report that its rules depend on. */
export type ReportFacts = {
  organisationId: string;
  reviewState: ReviewState;
  reopenedAt: DayLike | null;
  period: { status: "OPEN" | "CLOSED" };
  action: { partnerIds: readonly string[] };
};

export type ReportAbilities = ReturnType<typeof reportAbilities>;

/** A focal point of a partner organisation of the action, which is not the lead organisation. */
export function isPartnerNotLead(user: PermissionSubject | null | undefined, report: Pick<ReportFacts, "organisationId" | "action">) {
  const organisationId = user?.organisationId ?? null;
  return (
    can(user, "report:contribute") &&
    organisationId !== null &&
    organisationId !== report.organisationId &&
    report.action.partnerIds.includes(organisationId)
  );
}

/**
 * Everything a user may do on a report. Reading: `report:read` (focal points: their own
 * organisation's reports), or being a partner organisation's focal point, who reads the
 * report to contribute to it. Writing: the transition's permission and state (the state
 * machine), and a period that still takes reports (open, or the report was reopened).
 */
export function reportAbilities(user: PermissionSubject | null | undefined, report: ReportFacts) {
  const target = { organisationId: report.organisationId, state: report.reviewState };
  const partner = isPartnerNotLead(user, report);
  const open = periodAcceptsReport(report.period, report);
  return {
    read: can(user, "report:read", { organisationId: report.organisationId }) || partner,
    edit: canTransition(user, "save", target) && open,
    submit: canTransition(user, "submit", target) && open,
    /** The state allows editing, but the period is closed: the report must be reopened first. */
    blockedByClosedPeriod: canTransition(user, "save", target) && !open,
    reply: report.reviewState === "CHANGES_REQUESTED" && can(user, "report:edit", { organisationId: report.organisationId }),
    contribute: partner && report.reviewState !== "APPROVED",
    /** Approve or send back: a reviewer, on a submitted report. */
    decide: canTransition(user, "approve", target),
    /**
     * Let the focal point submit once more although the period is closed: a reviewer, on a
     * report still to be (re)submitted that was not reopened already.
     */
    reopen:
      can(user, "report:review") &&
      report.period.status === "CLOSED" &&
      report.reopenedAt === null &&
      (report.reviewState === "DRAFT" || report.reviewState === "CHANGES_REQUESTED"),
  };
}
