import { expect, test } from "vitest";
import {
  createAction,
  createIndicator,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  createUser,
} from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { decideReport, getReviewReport, listReviewQueue } from "./reviews.server";
import { reviewFilters, ReviewDecisionSchema } from "./schema";

async function reviewer() {
  return createUser({ role: "REVIEWER" });
}

/** A plan with two periods, an action with two indicators and its approved first report, and a second action. */
async function monitoredPlan() {
  const plan = await createPlan({ status: "ADOPTED" });
  const first = await createReportingPeriod(plan.id, { label: "S1 2026", startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31", status: "CLOSED" });
  const second = await createReportingPeriod(plan.id, { label: "S2 2026", startDate: "2026-07-01", endDate: "2026-12-31", dueDate: "2027-01-31" });
  const action = await createAction(plan.id);
  const [counted] = await prisma.indicator.findMany({ where: { actionId: action.id }, select: { id: true } });
  if (!counted) throw new Error("createAction makes one indicator");
  const unmeasured = await createIndicator(action.id, { name: "Taux de couverture", kind: "PERCENTAGE" });
  await prisma.indicator.update({ where: { id: unmeasured.id }, data: { baselineValue: 10, targetValue: 80, currentValue: 25 } });
  const other = await createAction(plan.id, { leadOrganisationId: action.leadOrganisationId });
  const previous = await createProgressReport(action.id, first.id, {
    state: "APPROVED",
    progress: 20,
    values: [{ indicatorId: counted.id, value: 12 }],
  });
  return { plan, first, second, action, counted, unmeasured, other, previous };
}

test("approving copies the report's status, progress and values onto the action and its indicators, and nothing else", async () => {
  const { plan, second, action, counted, unmeasured, other, previous } = await monitoredPlan();
  const report = await createProgressReport(action.id, second.id, {
    state: "SUBMITTED",
    status: "COMPLETED",
    progress: 100,
    values: [
      { indicatorId: counted.id, value: 42, disaggregation: { SEX: { F: 20, M: 22 } } },
      { indicatorId: unmeasured.id, value: null },
    ],
  });
  const otherReport = await createProgressReport(other.id, second.id, { state: "SUBMITTED", status: "DELAYED", progress: 5 });
  const snapshot = async () => ({
    plan: await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id } }),
    other: await prisma.action.findUniqueOrThrow({ where: { id: other.id } }),
    reports: await prisma.progressReport.findMany({ where: { id: { in: [previous.id, otherReport.id] } }, orderBy: { id: "asc" } }),
    indicators: await prisma.indicator.findMany({
      where: { action: { planId: plan.id } },
      orderBy: { id: "asc" },
      select: { id: true, baselineValue: true, baselineDate: true, targetValue: true, targetDate: true, name: true, version: true },
    }),
  });
  const before = await snapshot();
  const actor = await reviewer();

  await expect(decideReport(actor, report.id, { intent: "approve", version: report.version, comment: undefined })).resolves.toBeUndefined();

  const approved = await prisma.progressReport.findUniqueOrThrow({
    where: { id: report.id },
    select: { reviewState: true, reviewedById: true, reviewedAt: true, version: true },
  });
  expect(approved).toMatchObject({ reviewState: "APPROVED", reviewedById: actor.id, version: report.version + 1 });
  expect(approved.reviewedAt).toBeInstanceOf(Date);
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true, progress: true } })).toEqual({
    status: "COMPLETED",
    progress: 100,
  });
  expect(await prisma.indicator.findUniqueOrThrow({ where: { id: counted.id }, select: { currentValue: true } })).toEqual({ currentValue: 42 });
  // Not measured this period: the last approved value stands.
  expect(await prisma.indicator.findUniqueOrThrow({ where: { id: unmeasured.id }, select: { currentValue: true } })).toEqual({ currentValue: 25 });
  expect(await snapshot()).toEqual(before);

  const comments = await prisma.reviewComment.findMany({ where: { reportId: report.id }, select: { kind: true, authorId: true, createdAt: true } });
  expect(comments).toEqual([{ kind: "APPROVAL", authorId: actor.id, createdAt: expect.any(Date) }]);
  const audit = await prisma.auditEvent.findMany({ where: { actorId: actor.id }, select: { entityType: true, entityId: true, action: true } });
  expect(audit).toEqual(
    expect.arrayContaining([
      { entityType: "ProgressReport", entityId: report.id, action: "approve" },
      { entityType: "Action", entityId: action.id, action: "approveReport" },
      { entityType: "Indicator", entityId: counted.id, action: "approveReport" },
    ]),
  );
  expect(audit).toHaveLength(3);
});

test("requesting changes sends the report back with the comment and leaves the action and indicators alone", async () => {
  const { second, action, counted } = await monitoredPlan();
  const report = await createProgressReport(action.id, second.id, {
    state: "SUBMITTED",
    status: "COMPLETED",
    progress: 100,
    values: [{ indicatorId: counted.id, value: 99 }],
  });
  const actor = await reviewer();
  const result = await decideReport(actor, report.id, {
    intent: "requestChanges",
    version: report.version,
    comment: "Précisez les régions couvertes.",
  });
  expect(result).toBeUndefined();
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true, reviewedById: true } })).toEqual({
    reviewState: "CHANGES_REQUESTED",
    reviewedById: actor.id,
  });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true, progress: true } })).toEqual({
    status: "NOT_STARTED",
    progress: 0,
  });
  expect(await prisma.indicator.findUniqueOrThrow({ where: { id: counted.id }, select: { currentValue: true } })).toEqual({ currentValue: null });
  expect(await prisma.reviewComment.findMany({ where: { reportId: report.id }, select: { kind: true, body: true } })).toEqual([
    { kind: "CHANGES_REQUESTED", body: "Précisez les régions couvertes." },
  ]);
  expect(await prisma.auditEvent.count({ where: { entityId: report.id, action: "requestChanges", actorId: actor.id } })).toBe(1);
});

test("the request-changes form requires a comment; approving does not", () => {
  const refused = ReviewDecisionSchema.safeParse({ intent: "requestChanges", version: "3", comment: "   " });
  expect(refused.success).toBe(false);
  expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["comment", "validation.required"]]);
  expect(ReviewDecisionSchema.safeParse({ intent: "approve", version: "3", comment: "" }).success).toBe(true);
});

test("a decision on a report changed since it was read is a conflict, and changes nothing", async () => {
  const { second, action, counted } = await monitoredPlan();
  const report = await createProgressReport(action.id, second.id, { state: "SUBMITTED", progress: 70, values: [{ indicatorId: counted.id, value: 7 }] });
  // Someone else touched it meanwhile (a second reviewer's click, say).
  await prisma.progressReport.update({ where: { id: report.id }, data: { version: { increment: 1 } } });
  const actor = await reviewer();
  await expect(decideReport(actor, report.id, { intent: "approve", version: report.version })).rejects.toMatchObject({ kind: "conflict", reason: "conflict" });
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true } })).toEqual({ reviewState: "SUBMITTED" });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { progress: true } })).toEqual({ progress: 0 });
  expect(await prisma.reviewComment.count({ where: { reportId: report.id } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { actorId: actor.id } })).toBe(0);
});

test("approving or sending back a report that is not submitted is refused and changes nothing", async () => {
  const { second, action, previous } = await monitoredPlan();
  const draft = await createProgressReport(action.id, second.id, { state: "DRAFT", status: "COMPLETED", progress: 100 });
  const actor = await reviewer();
  for (const intent of ["approve", "requestChanges"] as const) {
    await expect(decideReport(actor, draft.id, { intent, version: draft.version, comment: "Non." })).rejects.toMatchObject({ kind: "conflict", reason: "notSubmitted" });
    await expect(decideReport(actor, previous.id, { intent, version: previous.version, comment: "Non." })).rejects.toMatchObject({
      kind: "conflict",
      reason: "notSubmitted",
    });
  }
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: draft.id }, select: { reviewState: true, version: true } })).toEqual({
    reviewState: "DRAFT",
    version: draft.version,
  });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true, progress: true } })).toEqual({
    status: "NOT_STARTED",
    progress: 0,
  });
  expect(await prisma.reviewComment.count({ where: { reportId: { in: [draft.id, previous.id] } } })).toBe(0);
  // The review page offers no decision on either.
  expect((await getReviewReport(actor, draft.id)).abilities).toMatchObject({ decide: false });
  expect((await getReviewReport(actor, previous.id)).abilities).toMatchObject({ decide: false, reopen: false });
  await expect(decideReport(actor, "nope", { intent: "approve", version: 1 })).rejects.toMatchObject({ kind: "notFound" });
});

test("the review page shows the previous approved report and each indicator's history up to the target", async () => {
  const { second, action, counted, previous } = await monitoredPlan();
  const report = await createProgressReport(action.id, second.id, {
    state: "SUBMITTED",
    values: [{ indicatorId: counted.id, value: 30, disaggregation: { SEX: { F: 14, M: 16 } } }],
  });
  const found = await getReviewReport(await reviewer(), report.id);
  expect(found?.previous?.id).toBe(previous.id);
  expect(found?.previous?.period.label).toBe("S1 2026");
  const indicator = found?.indicators.find((item) => item.id === counted.id);
  expect(indicator).toMatchObject({
    baselineValue: 0,
    targetValue: 100,
    history: [{ label: "S1 2026", value: 12 }],
    value: { value: 30, disaggregation: { SEX: { F: 14, M: 16 } } },
  });
  await expect(getReviewReport(await reviewer(), "nope")).rejects.toMatchObject({ kind: "notFound" });
});

test("the queue lists submitted reports only, oldest first, and filters by organisation, objective and period", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id, { startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" });
  const later = await createReportingPeriod(plan.id, { startDate: "2026-07-01", endDate: "2026-12-31", dueDate: "2027-01-31" });
  const organisation = await createOrganisation();
  const onObjective3 = await createAction(plan.id, { leadOrganisationId: organisation.id, mainObjectiveNumber: 3 });
  const onObjective21 = await createAction(plan.id, { leadOrganisationId: organisation.id, mainObjectiveNumber: 21 });
  const elsewhere = await createAction(plan.id);
  const newest = await createProgressReport(onObjective3.id, period.id, { state: "SUBMITTED", submittedAt: new Date("2026-07-20T10:00:00Z") });
  const oldest = await createProgressReport(onObjective21.id, period.id, { state: "SUBMITTED", submittedAt: new Date("2026-07-02T10:00:00Z") });
  const middle = await createProgressReport(onObjective21.id, later.id, { state: "SUBMITTED", submittedAt: new Date("2026-07-10T10:00:00Z") });
  await createProgressReport(onObjective3.id, later.id, { state: "DRAFT" });
  await createProgressReport(elsewhere.id, period.id, { state: "APPROVED" });
  const other = await createProgressReport(elsewhere.id, later.id, { state: "SUBMITTED", submittedAt: new Date("2026-07-05T10:00:00Z") });

  const ids = async (query: string) => (await listReviewQueue(reviewFilters(new URLSearchParams(query)))).reports.map((report) => report.id);
  expect(await ids(`organisation=${organisation.id}`)).toEqual([oldest.id, middle.id, newest.id]);
  const all = await ids("");
  expect(all.filter((id) => [oldest.id, middle.id, newest.id, other.id].includes(id))).toEqual([oldest.id, other.id, middle.id, newest.id]);
  expect(await ids(`organisation=${organisation.id}&objective=3`)).toEqual([newest.id]);
  expect(await ids(`period=${later.id}`)).toEqual([other.id, middle.id]);
  expect(await ids(`organisation=${organisation.id}&objective=21&period=${later.id}`)).toEqual([middle.id]);
  const queue = await listReviewQueue(reviewFilters(new URLSearchParams(`organisation=${organisation.id}`)));
  expect(queue).toMatchObject({ total: 3, page: 1, pageCount: 1 });
});

test("the queue's filters ignore values that cannot be right", () => {
  expect(reviewFilters(new URLSearchParams("objective=24&page=0&organisation=&period=x"))).toEqual({
    organisationId: undefined,
    periodId: "x",
    objective: undefined,
    page: 1,
  });
  expect(reviewFilters(new URLSearchParams("objective=7&page=2"))).toMatchObject({ objective: 7, page: 2 });
});
