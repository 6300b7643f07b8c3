import { expect, test } from "vitest";
import { createAction, createPlan, createUser } from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { adoptPlan, archivePlan, comparePlanVersions, getPlanOverview, getVersion, startRevision, updatePlan } from "./plans.server";
import { diffSnapshots, type ActionSnapshot, type IndicatorSnapshot } from "./snapshot";

test("adoption freezes a version that later edits do not change", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01", title: "Réinsertion des migrants de retour" });

  const adopted = await adoptPlan(facilitator.id, plan.id, { version: plan.version, note: "Atelier de validation" });
  expect(adopted.number).toBe(1);
  const frozen = await getVersion(plan.id, 1);
  expect(frozen?.snapshot.actions.map((row) => [row.code, row.title])).toEqual([["O21-01", "Réinsertion des migrants de retour"]]);

  const current = await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true, status: true } });
  expect(current.status).toBe("ADOPTED");
  await startRevision(facilitator.id, plan.id, { version: current.version });
  await prisma.action.update({ where: { id: action.id }, data: { title: "Titre révisé" } });
  await createAction(plan.id, { code: "O01-01" });

  const stillFrozen = await getVersion(plan.id, 1);
  expect(stillFrozen?.snapshot).toEqual(frozen?.snapshot);
  expect(stillFrozen?.snapshot.actions).toHaveLength(1);
});

test("a revision is adopted as the next version, and the diff between versions lists added, removed and changed actions", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan();
  const kept = await createAction(plan.id, { code: "O21-01", title: "Avant" });
  const dropped = await createAction(plan.id, { code: "O10-01" });
  await adoptPlan(facilitator.id, plan.id, { version: plan.version });

  let state = await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
  const revision = await startRevision(facilitator.id, plan.id, { version: state.version });
  expect(revision.revision).toBe(2);
  await prisma.action.update({ where: { id: kept.id }, data: { title: "Après", estimatedBudget: 250_000_000n } });
  await prisma.action.delete({ where: { id: dropped.id } });
  await createAction(plan.id, { code: "O19-01", title: "Investissement de la diaspora" });

  const pending = await comparePlanVersions(plan.id, 1, "current");
  expect(pending).toEqual({
    added: [{ code: "O19-01", title: "Investissement de la diaspora" }],
    removed: [{ code: "O10-01", title: "Action de test" }],
    changed: [{ code: "O21-01", title: "Après", fields: ["title", "estimatedBudget"] }],
  });

  state = await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
  const second = await adoptPlan(facilitator.id, plan.id, { version: state.version });
  expect(second.number).toBe(2);
  expect(await comparePlanVersions(plan.id, 1, 2)).toEqual(pending);
  expect(await comparePlanVersions(plan.id, 2, "current")).toEqual({ added: [], removed: [], changed: [] });
});

test("adopting with a stale version is refused and freezes nothing", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan();
  await prisma.actionPlan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
  await expect(adoptPlan(facilitator.id, plan.id, { version: plan.version })).rejects.toMatchObject({ kind: "conflict", reason: "stale" });
  expect(await prisma.planVersion.count({ where: { planId: plan.id } })).toBe(0);
});

test("an adopted plan cannot be adopted again, nor a draft revised", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const draft = await createPlan();
  await expect(startRevision(facilitator.id, draft.id, { version: draft.version })).rejects.toMatchObject({ kind: "conflict", reason: "notAdopted" });
  const adopted = await createPlan({ status: "ADOPTED" });
  await expect(adoptPlan(facilitator.id, adopted.id, { version: adopted.version })).rejects.toMatchObject({ kind: "conflict", reason: "notDraft" });
});

test("a plan's period cannot shrink past its actions' dates", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan({ startDate: "2025-01-01", endDate: "2027-12-31" });
  const action = await createAction(plan.id);
  await prisma.action.update({ where: { id: action.id }, data: { endDate: new Date("2027-06-30T00:00:00Z") } });
  await expect(
    updatePlan(facilitator.id, plan.id, { title: "Plan", startDate: "2025-01-01", endDate: "2026-12-31", version: plan.version }),
  ).rejects.toMatchObject({ kind: "invalid", reason: "actionsOutsidePeriod", field: "startDate" });
});

test("the overview counts actions by objective, lead organisation and axis, totals the money and shows the gaps", async () => {
  const plan = await createPlan();
  const lead = await prisma.organisation.findFirstOrThrow({ where: { acronym: "MMEIA" }, select: { id: true } });
  const axis = await prisma.policyAxis.findFirstOrThrow({ where: { number: 3, framework: { isCurrent: true } }, select: { id: true } });
  const first = await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21, leadOrganisationId: lead.id, estimatedBudget: 1_000_000 });
  await createAction(plan.id, { code: "O21-02", mainObjectiveNumber: 21, leadOrganisationId: lead.id, estimatedBudget: 500_000 });
  await createAction(plan.id, { code: "O01-01", mainObjectiveNumber: 1 });
  await prisma.actionAxis.create({ data: { actionId: first.id, axisId: axis.id } });
  await prisma.action.update({ where: { id: first.id }, data: { securedFunding: 400_000n } });

  const overview = await getPlanOverview(plan.id);
  expect(overview.actionCount).toBe(3);
  expect(overview.estimatedBudget).toBe(1_500_000);
  expect(overview.securedFunding).toBe(400_000);
  expect(overview.byObjective.find((row) => row.number === 21)?.actions).toHaveLength(2);
  expect(overview.objectivesWithoutAction).toHaveLength(21);
  expect(overview.objectivesWithoutAction).not.toContain(1);
  expect(overview.byAxis.find((row) => row.number === 3)?.actionCount).toBe(1);
  expect(overview.axesWithoutAction).toEqual([1, 2, 4, 5, 6, 7, 8]);
  expect(overview.byLead[0]).toMatchObject({ acronym: "MMEIA", actionCount: 2, estimatedBudget: 1_500_000 });
});

test("the diff of identical snapshots is empty", () => {
  expect(diffSnapshots({ actions: [] }, { actions: [] })).toEqual({ added: [], removed: [], changed: [] });
});

test("the diff ignores the order of keys, which PostgreSQL does not keep", () => {
  const indicator: IndicatorSnapshot = {
    name: "Taux",
    definition: null,
    unit: "%",
    kind: "PERCENTAGE",
    baselineValue: 10,
    baselineDate: null,
    targetValue: 50,
    targetDate: null,
    frequency: "ANNUAL",
    dataSource: null,
    verificationMeans: null,
    disaggregation: [],
  };
  const reordered: IndicatorSnapshot = Object.fromEntries(Object.entries(indicator).reverse()) as IndicatorSnapshot;
  const action = (indicators: IndicatorSnapshot[]): ActionSnapshot => ({
    code: "O01-01",
    title: "Données",
    description: null,
    expectedResult: null,
    mainObjectiveNumber: 1,
    otherObjectives: [],
    axes: [],
    principles: [],
    leadOrganisation: "INSTAT",
    partners: [],
    startDate: null,
    endDate: null,
    estimatedBudget: null,
    securedFunding: null,
    priority: "MEDIUM",
    indicators,
  });
  expect(Object.keys(reordered)[0]).toBe("disaggregation");
  expect(diffSnapshots({ actions: [action([indicator])] }, { actions: [action([reordered])] }).changed).toEqual([]);
});

test("archiving an adopted plan closes its open reporting periods", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan({ status: "ADOPTED" });
  await prisma.reportingPeriod.create({
    data: { planId: plan.id, label: "S1 2026", startDate: new Date("2026-01-01"), endDate: new Date("2026-06-30"), dueDate: new Date("2026-07-31") },
  });
  await archivePlan(facilitator.id, plan.id, { version: plan.version });
  const periods = await prisma.reportingPeriod.findMany({ where: { planId: plan.id }, select: { status: true, closedAt: true } });
  expect(periods).toHaveLength(1);
  expect(periods[0]?.status).toBe("CLOSED");
  expect(periods[0]?.closedAt).not.toBeNull();
});
