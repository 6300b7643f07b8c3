import { expect, test } from "vitest";
import { isPartnerNotLead, reportAbilities, type ReportFacts } from "./abilities";

const lead = { role: "FOCAL_POINT", organisationId: "lead" } as const;
const partner = { role: "FOCAL_POINT", organisationId: "partner" } as const;
const stranger = { role: "FOCAL_POINT", organisationId: "stranger" } as const;
const reviewer = { role: "REVIEWER", organisationId: null } as const;

function report(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return { organisationId: "lead", reviewState: "DRAFT", reopenedAt: null, period: { status: "OPEN" }, action: { partnerIds: ["partner", "lead"] }, ...overrides };
}

test("a partner organisation's focal point contributes until approval; the lead, strangers and reviewers never do", () => {
  expect(isPartnerNotLead(partner, report())).toBe(true);
  // The lead organisation is listed among the partners here, and still is not one.
  expect(isPartnerNotLead(lead, report())).toBe(false);
  expect(isPartnerNotLead(stranger, report())).toBe(false);
  expect(isPartnerNotLead(reviewer, report())).toBe(false);
  expect(reportAbilities(partner, report({ reviewState: "SUBMITTED" }))).toMatchObject({ read: true, contribute: true, edit: false });
  expect(reportAbilities(partner, report({ reviewState: "APPROVED" }))).toMatchObject({ read: true, contribute: false });
  expect(reportAbilities(stranger, report())).toMatchObject({ read: false, contribute: false, edit: false, submit: false });
});

test("the lead's focal point edits and submits a draft in an open period; a closed one blocks it until reopened", () => {
  expect(reportAbilities(lead, report())).toMatchObject({ read: true, edit: true, submit: true, blockedByClosedPeriod: false, reply: false });
  expect(reportAbilities(lead, report({ period: { status: "CLOSED" } }))).toMatchObject({ edit: false, submit: false, blockedByClosedPeriod: true });
  expect(reportAbilities(lead, report({ period: { status: "CLOSED" }, reopenedAt: new Date() }))).toMatchObject({ edit: true, submit: true });
  expect(reportAbilities(lead, report({ reviewState: "CHANGES_REQUESTED" }))).toMatchObject({ edit: true, reply: true });
  expect(reportAbilities(lead, report({ reviewState: "SUBMITTED" }))).toMatchObject({ edit: false, submit: false, decide: false });
});

test("reviewers decide on submitted reports only, and reopen only a closed period's report still to be submitted", () => {
  expect(reportAbilities(reviewer, report({ reviewState: "SUBMITTED" }))).toMatchObject({ read: true, decide: true, edit: false, reopen: false });
  expect(reportAbilities(reviewer, report({ reviewState: "DRAFT" })).decide).toBe(false);
  expect(reportAbilities(reviewer, report({ period: { status: "CLOSED" } })).reopen).toBe(true);
  expect(reportAbilities(reviewer, report({ period: { status: "CLOSED" }, reviewState: "CHANGES_REQUESTED" })).reopen).toBe(true);
  expect(reportAbilities(reviewer, report({ period: { status: "CLOSED" }, reopenedAt: new Date() })).reopen).toBe(false);
  expect(reportAbilities(reviewer, report({ period: { status: "CLOSED" }, reviewState: "APPROVED" })).reopen).toBe(false);
  expect(reportAbilities(reviewer, report({ period: { status: "CLOSED" }, reviewState: "SUBMITTED" })).reopen).toBe(false);
  expect(reportAbilities(lead, report({ period: { status: "CLOSED" } })).reopen).toBe(false);
});
