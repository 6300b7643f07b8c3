import { expect, test } from "vitest";
import { createAction, createPlan, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { periodSlots } from "~/modules/reporting/periods.server";
import { prisma } from "~/utils/db.server";
import { action as periodsAction, loader as periodsLoader } from "./plans.$planId.periods";

const day = (value: string) => new Date(`${value}T00:00:00Z`);

async function post(planId: string, fields: Record<string, string>, cookie: string) {
  return call(() => periodsAction({ request: postRequest(`/plans/${planId}/periods`, fields, { cookie }), params: { planId }, context }));
}

const validPeriod = { intent: "open", label: "S1 2026", startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" };

test("a facilitator opens a period of an adopted plan; it is audited", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const result = await post(plan.id, { ...validPeriod, startDate: "01/01/2026" }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/plans/${plan.id}/periods?notice=opened&label=S1%202026`);
  const period = await prisma.reportingPeriod.findFirstOrThrow({ where: { planId: plan.id }, select: { id: true, status: true, startDate: true, dueDate: true } });
  expect(period).toMatchObject({ status: "OPEN", startDate: day("2026-01-01"), dueDate: day("2026-07-31") });
  expect(await prisma.auditEvent.count({ where: { entityType: "ReportingPeriod", entityId: period.id, action: "open" } })).toBe(1);
});

test("opening a period tells the focal points of the organisations that owe a report", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const focal = await signedInAs("FOCAL_POINT");
  await createAction(plan.id, { leadOrganisationId: focal.user.organisationId ?? undefined });
  expect((await post(plan.id, validPeriod, cookie)).status).toBe(302);
  expect(await prisma.notification.count({ where: { userId: focal.user.id, kind: "periodOpened" } })).toBe(1);
});

test("a period ending before it starts, or due before its end, gets 400 with the input kept", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const plan = await createPlan({ status: "ADOPTED" });
  const result = await post(plan.id, { ...validPeriod, label: "", endDate: "2025-12-31", dueDate: "2025-12-01" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    intent: "open",
    errors: { label: "validation.required", endDate: "periods.endBeforeStart", dueDate: "periods.dueBeforeEnd" },
    values: { endDate: "2025-12-31" },
  });
  // The due date may be the period's last day.
  expect((await post(plan.id, { ...validPeriod, dueDate: validPeriod.endDate }, cookie)).status).toBe(302);
  expect(await prisma.reportingPeriod.count({ where: { planId: plan.id } })).toBe(1);
});

test("a period outside the plan's period, or overlapping another period, gets 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED", startDate: "2025-01-01", endDate: "2027-12-31" });
  await createReportingPeriod(plan.id, { startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" });

  const before = await post(plan.id, { ...validPeriod, startDate: "2024-10-01", endDate: "2024-12-31", dueDate: "2025-01-31" }, cookie);
  expect(before.status).toBe(400);
  expect(before.body).toMatchObject({ errors: { startDate: "periods.outsidePlan" } });
  const after = await post(plan.id, { ...validPeriod, startDate: "2027-10-01", endDate: "2028-03-31", dueDate: "2028-04-30" }, cookie);
  expect(after.status).toBe(400);
  expect(after.body).toMatchObject({ errors: { endDate: "periods.outsidePlan" } });
  const overlapping = await post(plan.id, { ...validPeriod, startDate: "2026-06-30", endDate: "2026-09-30", dueDate: "2026-10-31" }, cookie);
  expect(overlapping.status).toBe(400);
  expect(overlapping.body).toMatchObject({ errors: { startDate: "periods.overlap" } });
  expect(await prisma.reportingPeriod.count({ where: { planId: plan.id } })).toBe(1);
});

test("periods are opened only for an adopted plan (409), and only by facilitators and administrators (403)", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const draft = await createPlan();
  const refused = await post(draft.id, validPeriod, cookie);
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ errors: { form: "periods.planNotAdopted" } });

  const adopted = await createPlan({ status: "ADOPTED" });
  for (const role of ["FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const other = await signedInAs(role);
    expect((await post(adopted.id, validPeriod, other.cookie)).status, role).toBe(403);
    expect((await post(adopted.id, { intent: "generate", frequency: "QUARTERLY", dueAfterDays: "30" }, other.cookie)).status, role).toBe(403);
  }
  expect(await prisma.reportingPeriod.count({ where: { planId: { in: [draft.id, adopted.id] } } })).toBe(0);
  // Everyone may see a plan's periods.
  const observer = await signedInAs("OBSERVER");
  const page = await call(() => periodsLoader({ request: getRequest(`/plans/${adopted.id}/periods`, { cookie: observer.cookie }), params: { planId: adopted.id }, context }));
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ canManage: false });
});

test("quarters and half-years cover the plan's span, trimmed to its first and last day, due N days after their end", () => {
  const plan = { startDate: day("2025-02-15"), endDate: day("2026-05-31") };
  expect(periodSlots(plan, "QUARTERLY", 30)).toEqual([
    { label: "T1 2025", startDate: "2025-02-15", endDate: "2025-03-31", dueDate: "2025-04-30" },
    { label: "T2 2025", startDate: "2025-04-01", endDate: "2025-06-30", dueDate: "2025-07-30" },
    { label: "T3 2025", startDate: "2025-07-01", endDate: "2025-09-30", dueDate: "2025-10-30" },
    { label: "T4 2025", startDate: "2025-10-01", endDate: "2025-12-31", dueDate: "2026-01-30" },
    { label: "T1 2026", startDate: "2026-01-01", endDate: "2026-03-31", dueDate: "2026-04-30" },
    { label: "T2 2026", startDate: "2026-04-01", endDate: "2026-05-31", dueDate: "2026-06-30" },
  ]);
  expect(periodSlots(plan, "SEMIANNUAL", 0)).toEqual([
    { label: "S1 2025", startDate: "2025-02-15", endDate: "2025-06-30", dueDate: "2025-06-30" },
    { label: "S2 2025", startDate: "2025-07-01", endDate: "2025-12-31", dueDate: "2025-12-31" },
    { label: "S1 2026", startDate: "2026-01-01", endDate: "2026-05-31", dueDate: "2026-05-31" },
  ]);
});

test("generating quarters opens those the plan lacks and skips those that overlap an existing period", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED", startDate: "2025-01-01", endDate: "2025-12-31" });
  await createReportingPeriod(plan.id, { label: "Deuxième trimestre", startDate: "2025-04-01", endDate: "2025-06-30", dueDate: "2025-07-31" });
  const result = await post(plan.id, { intent: "generate", frequency: "QUARTERLY", dueAfterDays: "30" }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/plans/${plan.id}/periods?notice=generated&count=3&skipped=1`);
  const periods = await prisma.reportingPeriod.findMany({ where: { planId: plan.id }, orderBy: { startDate: "asc" }, select: { label: true, dueDate: true, status: true } });
  expect(periods.map((period) => period.label)).toEqual(["T1 2025", "Deuxième trimestre", "T3 2025", "T4 2025"]);
  expect(periods[0]).toMatchObject({ dueDate: day("2025-04-30"), status: "OPEN" });

  // Again: nothing left to create.
  const again = await post(plan.id, { intent: "generate", frequency: "QUARTERLY", dueAfterDays: "30" }, cookie);
  expect(again.location).toBe(`/plans/${plan.id}/periods?notice=generatedNone&count=0&skipped=4`);
});

test("generating half-years labels them S1 and S2; a bad delay gets 400", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const plan = await createPlan({ status: "ADOPTED", startDate: "2025-01-01", endDate: "2026-12-31" });
  const bad = await post(plan.id, { intent: "generate", frequency: "SEMIANNUAL", dueAfterDays: "-3" }, cookie);
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ intent: "generate", errors: { dueAfterDays: "periods.dueAfterDaysRange" } });
  expect((await post(plan.id, { intent: "generate", frequency: "SEMIANNUAL", dueAfterDays: "45" }, cookie)).status).toBe(302);
  const periods = await prisma.reportingPeriod.findMany({ where: { planId: plan.id }, orderBy: { startDate: "asc" }, select: { label: true, dueDate: true } });
  expect(periods.map((period) => period.label)).toEqual(["S1 2025", "S2 2025", "S1 2026", "S2 2026"]);
  expect(periods[3]?.dueDate).toEqual(day("2027-02-14"));
});

test("a period is closed and reopened, each audited; closing twice changes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id);
  expect((await post(plan.id, { intent: "close", periodId: period.id }, cookie)).status).toBe(302);
  expect(await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { status: true, closedAt: true } })).toMatchObject({
    status: "CLOSED",
    closedAt: expect.any(Date),
  });
  expect((await post(plan.id, { intent: "close", periodId: period.id }, cookie)).status).toBe(302);
  expect(await prisma.auditEvent.count({ where: { entityId: period.id, action: "close" } })).toBe(1);

  expect((await post(plan.id, { intent: "reopen", periodId: period.id }, cookie)).status).toBe(302);
  expect(await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { status: true, closedAt: true } })).toEqual({
    status: "OPEN",
    closedAt: null,
  });
  expect(await prisma.auditEvent.count({ where: { entityId: period.id, action: "reopen" } })).toBe(1);

  // A period of another plan is not found through this plan.
  const other = await createPlan({ status: "ADOPTED" });
  expect((await post(other.id, { intent: "close", periodId: period.id }, cookie)).status).toBe(404);
});
