import { expect, test } from "vitest";
import { createAction, createOrganisation, createPlan, createProgressReport, createReportingPeriod, createUser } from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { getCompliance, tallyCompliance, type ComplianceAction, type ComplianceReport } from "./compliance.server";

const day = (value: string) => new Date(`${value}T00:00:00Z`);

const P1 = { id: "p1", startDate: day("2026-01-01"), endDate: day("2026-06-30"), dueDate: day("2026-07-31") };
const P2 = { id: "p2", startDate: day("2026-07-01"), endDate: day("2026-12-31"), dueDate: day("2027-01-31") };

function action(id: string, organisationId: string, overrides: Partial<ComplianceAction> = {}): ComplianceAction {
  return { id, leadOrganisationId: organisationId, status: "IN_PROGRESS", startDate: null, endDate: null, ...overrides };
}

function report(actionId: string, periodId: string, organisationId: string, overrides: Partial<ComplianceReport> = {}): ComplianceReport {
  return { actionId, periodId, organisationId, reviewState: "SUBMITTED", submittedAt: null, ...overrides };
}

test("compliance figures on a small known dataset: due, on time, late, missing, pending and approved", () => {
  const actions = [
    action("a1", "A"),
    action("a2", "A", { status: "NOT_STARTED", startDate: day("2026-09-01") }),
    // Completed by its approved report: still counted for that period.
    action("a3", "A", { status: "COMPLETED" }),
    action("a4", "A", { status: "CANCELLED" }),
    // Past its planned end but unfinished: still expected in every period.
    action("a5", "B", { status: "DELAYED", endDate: day("2026-03-31") }),
    action("a6", "B"),
  ];
  const reports = [
    // Submitted late in the evening of the due day: on time.
    report("a1", "p1", "A", { reviewState: "APPROVED", submittedAt: new Date("2026-07-31T23:30:00Z") }),
    report("a3", "p1", "A", { reviewState: "APPROVED", submittedAt: new Date("2026-07-15T09:00:00Z") }),
    // Ten minutes into the next day: late.
    report("a5", "p1", "B", { submittedAt: new Date("2026-08-01T00:10:00Z") }),
    // A draft past its due date is missing.
    report("a6", "p1", "B", { reviewState: "DRAFT" }),
    // Sent back for changes, but first submitted in time.
    report("a6", "p2", "B", { reviewState: "CHANGES_REQUESTED", submittedAt: new Date("2026-08-10T12:00:00Z") }),
  ];
  const tally = tallyCompliance({ periods: [P1, P2], actions, reports, today: new Date("2026-08-15T10:00:00Z") });

  const row = (periodId: string, organisationId: string) =>
    tally.rows.find((item) => item.periodId === periodId && item.organisationId === organisationId);
  expect(row("p1", "A")).toMatchObject({ due: 2, onTime: 2, late: 0, missing: 0, pending: 0, approved: 2 });
  expect(row("p1", "B")).toMatchObject({ due: 2, onTime: 0, late: 1, missing: 1, pending: 0, approved: 0 });
  expect(row("p2", "A")).toMatchObject({ due: 2, onTime: 0, late: 0, missing: 0, pending: 2, approved: 0 });
  expect(row("p2", "B")).toMatchObject({ due: 2, onTime: 1, late: 0, missing: 0, pending: 1, approved: 0 });
  expect(tally.rows).toHaveLength(4);
  expect(tally.totalsByPeriod.get("p1")).toEqual({ due: 4, onTime: 2, late: 1, missing: 1, pending: 0, approved: 2 });
  expect(tally.total).toEqual({ due: 8, onTime: 3, late: 1, missing: 1, pending: 3, approved: 2 });
  expect(tally.overdue).toEqual([{ actionId: "a6", periodId: "p1", organisationId: "B", daysLate: 15, reportState: "DRAFT" }]);
});

test("a report is missing only from the day after its due date", () => {
  const input = { periods: [P1], actions: [action("a1", "A")], reports: [] };
  expect(tallyCompliance({ ...input, today: new Date("2026-07-31T23:59:00Z") }).total).toMatchObject({ due: 1, pending: 1, missing: 0 });
  expect(tallyCompliance({ ...input, today: new Date("2026-08-01T00:00:00Z") }).total).toMatchObject({ due: 1, pending: 0, missing: 1 });
});

test("the compliance of a plan lists overdue reports with the current focal points of the lead organisation", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id, { label: "S1 2026", startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" });
  const late = await createOrganisation();
  const punctual = await createOrganisation();
  const current = await createUser({ role: "FOCAL_POINT", organisationId: late.id, email: `actuel-${late.id}@test.ml` });
  await createUser({ role: "FOCAL_POINT", organisationId: late.id, active: false });
  await createUser({ role: "OBSERVER", organisationId: late.id });
  const forgotten = await createAction(plan.id, { leadOrganisationId: late.id, code: "O05-01" });
  const done = await createAction(plan.id, { leadOrganisationId: punctual.id, code: "O05-02" });
  const finished = await createAction(plan.id, { leadOrganisationId: punctual.id, code: "O05-03" });
  await prisma.action.update({ where: { id: finished.id }, data: { status: "COMPLETED" } });
  await createProgressReport(done.id, period.id, { state: "APPROVED", submittedAt: new Date("2026-07-31T18:00:00Z") });

  const compliance = await getCompliance({ planId: plan.id }, new Date("2026-08-03T08:00:00Z"));
  expect(compliance?.total).toEqual({ due: 2, onTime: 1, late: 0, missing: 1, pending: 0, approved: 1 });
  expect(compliance?.byPeriod[0]?.rows.map((row) => [row.organisation.id, row.due, row.missing])).toEqual(
    expect.arrayContaining([
      [late.id, 1, 1],
      [punctual.id, 1, 0],
    ]),
  );
  expect(compliance?.overdue).toEqual([
    expect.objectContaining({
      action: expect.objectContaining({ id: forgotten.id, code: "O05-01" }),
      organisation: expect.objectContaining({ id: late.id }),
      daysLate: 3,
      reportId: null,
      focalPoints: [{ name: expect.any(String), email: current.email }],
    }),
  ]);

  const onePeriod = await getCompliance({ planId: plan.id, periodId: period.id }, new Date("2026-08-03T08:00:00Z"));
  expect(onePeriod?.byPeriod).toHaveLength(1);
  expect(await getCompliance({ planId: "nope" })).toBeNull();
});
