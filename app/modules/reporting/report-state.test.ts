import { expect, test } from "vitest";
import { ROLES } from "~/utils/permissions";
import { canTransition, nextState, REPORT_TRANSITIONS, REVIEW_STATES, type ReportTransition, type ReviewState } from "./report-state";

const allowed: Record<ReportTransition, Partial<Record<ReviewState, ReviewState>>> = {
  save: { DRAFT: "DRAFT", CHANGES_REQUESTED: "CHANGES_REQUESTED" },
  submit: { DRAFT: "SUBMITTED", CHANGES_REQUESTED: "SUBMITTED" },
  approve: { SUBMITTED: "APPROVED" },
  requestChanges: { SUBMITTED: "CHANGES_REQUESTED" },
};

test("every transition from every state is allowed or refused as the table says", () => {
  for (const transition of REPORT_TRANSITIONS) {
    for (const state of REVIEW_STATES) {
      expect(nextState(state, transition), `${transition} from ${state}`).toBe(allowed[transition][state] ?? null);
    }
  }
});

test("a submitted or approved report cannot be edited or resubmitted by anyone", () => {
  for (const role of ROLES) {
    for (const state of ["SUBMITTED", "APPROVED"] as const) {
      const user = { role, organisationId: "org-a" };
      expect(canTransition(user, "save", { organisationId: "org-a", state })).toBe(false);
      expect(canTransition(user, "submit", { organisationId: "org-a", state })).toBe(false);
    }
  }
});

test("only the focal point of the report's organisation saves and submits it", () => {
  const report = { organisationId: "org-a", state: "DRAFT" as const };
  for (const role of ROLES) {
    expect(canTransition({ role, organisationId: "org-a" }, "submit", report), role).toBe(role === "FOCAL_POINT");
  }
  expect(canTransition({ role: "FOCAL_POINT", organisationId: "org-b" }, "save", report)).toBe(false);
});

test("only reviewers and administrators approve or send back, and only submitted reports", () => {
  const submitted = { organisationId: "org-a", state: "SUBMITTED" as const };
  for (const role of ROLES) {
    const expected = role === "REVIEWER" || role === "ADMIN";
    expect(canTransition({ role, organisationId: "org-a" }, "approve", submitted), role).toBe(expected);
    expect(canTransition({ role, organisationId: null }, "requestChanges", submitted), role).toBe(expected);
  }
  expect(canTransition({ role: "REVIEWER", organisationId: null }, "approve", { organisationId: "org-a", state: "DRAFT" })).toBe(false);
});
