import { expect, test } from "vitest";
import {
  createAction,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  uniqueSuffix,
} from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { dashboardCsv, getDashboard, summarise } from "./dashboard.server";

const TODAY = new Date("2026-09-15T10:00:00Z");

/**
 * A small plan with known figures:
 *   objective 3: A1 in progress 40 % (1 000 000 / 400 000 FCFA, axis 1), A2 completed 100 % (2 000 000 / 2 000 000, axes 1 and 2)
 *   objective 5: A3 cancelled 30 % (500 000 / –, no axis), A4 delayed 10 % (no budget, axis 2)
 * Leads: the first organisation leads A1 and A2, the second A3 and A4. One open period:
 * A1's report is approved, A4's is a draft; A2 (completed) and A3 (cancelled) owe none.
 */
async function knownPlan() {
  const suffix = uniqueSuffix().toUpperCase();
  const plan = await createPlan({ status: "ADOPTED", title: `Plan tableau de bord ${suffix}` });
  const first = await createOrganisation({ acronym: `AA-${suffix}`, name: `Ministère A ${suffix}` });
  const second = await createOrganisation({ acronym: `BB-${suffix}`, name: `Ministère B ${suffix}` });
  const axes = await prisma.policyAxis.findMany({ where: { framework: { isCurrent: true } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
  const [axis1, axis2] = axes;
  if (!axis1 || !axis2) throw new Error("The seed should provide the current PONAM axes.");

  const make = async (
    code: string,
    objective: number,
    leadOrganisationId: string,
    fields: { status: "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "DELAYED"; progress: number; budget: number | null; secured: number | null; axisIds: string[] },
  ) => {
    const action = await createAction(plan.id, { code, mainObjectiveNumber: objective, leadOrganisationId, title: `Action ${code}` });
    await prisma.action.update({
      where: { id: action.id },
      data: {
        status: fields.status,
        progress: fields.progress,
        estimatedBudget: fields.budget === null ? null : BigInt(fields.budget),
        securedFunding: fields.secured === null ? null : BigInt(fields.secured),
        axes: { create: fields.axisIds.map((axisId) => ({ axisId })) },
      },
    });
    return action;
  };
  const a1 = await make(`A1-${suffix}`, 3, first.id, { status: "IN_PROGRESS", progress: 40, budget: 1_000_000, secured: 400_000, axisIds: [axis1.id] });
  const a2 = await make(`A2-${suffix}`, 3, first.id, { status: "COMPLETED", progress: 100, budget: 2_000_000, secured: 2_000_000, axisIds: [axis1.id, axis2.id] });
  const a3 = await make(`A3-${suffix}`, 5, second.id, { status: "CANCELLED", progress: 30, budget: 500_000, secured: null, axisIds: [] });
  const a4 = await make(`A4-${suffix}`, 5, second.id, { status: "DELAYED", progress: 10, budget: null, secured: null, axisIds: [axis2.id] });
  const period = await createReportingPeriod(plan.id, { label: "Semestre 2 – 2026" });
  await createProgressReport(a1.id, period.id, { state: "APPROVED", narrative: "Trois ateliers tenus à Kayes." });
  await createProgressReport(a4.id, period.id, { state: "DRAFT" });
  return { plan, first, second, axis1, axis2, actions: { a1, a2, a3, a4 }, period };
}

test("the dashboard counts actions by status, averages progress without cancelled actions and totals the money", async () => {
  const { plan } = await knownPlan();
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  expect(dashboard).not.toBeNull();
  if (!dashboard) return;
  expect(dashboard.total).toEqual({
    actionCount: 4,
    byStatus: { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 1, DELAYED: 1, CANCELLED: 1 },
    averageProgress: 50,
    estimatedBudget: 3_500_000,
    securedFunding: 2_400_000,
    reports: { expected: 2, submitted: 1, approved: 1 },
  });
});

test("the dashboard breaks the plan down by objective, listing all 23 and those without actions", async () => {
  const { plan } = await knownPlan();
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  if (!dashboard) throw new Error("dashboard expected");
  expect(dashboard.byObjective.map((objective) => objective.number)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
  const three = dashboard.byObjective.find((objective) => objective.number === 3)?.figures;
  expect(three).toMatchObject({
    actionCount: 2,
    byStatus: { IN_PROGRESS: 1, COMPLETED: 1 },
    averageProgress: 70,
    estimatedBudget: 3_000_000,
    securedFunding: 2_400_000,
    reports: { expected: 1, submitted: 1, approved: 1 },
  });
  const five = dashboard.byObjective.find((objective) => objective.number === 5)?.figures;
  expect(five).toMatchObject({
    actionCount: 2,
    byStatus: { CANCELLED: 1, DELAYED: 1 },
    averageProgress: 10,
    estimatedBudget: 500_000,
    securedFunding: 0,
    reports: { expected: 1, submitted: 0, approved: 0 },
  });
  expect(dashboard.objectivesWithoutAction).toEqual(Array.from({ length: 23 }, (_, index) => index + 1).filter((n) => n !== 3 && n !== 5));
  expect(dashboard.byObjective.find((objective) => objective.number === 1)?.figures).toMatchObject({ actionCount: 0, averageProgress: null });
});

test("the dashboard breaks the plan down by PONAM axis (an action counting under each of its axes) and by lead ministry", async () => {
  const { plan, first, second, axis1, axis2 } = await knownPlan();
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  if (!dashboard) throw new Error("dashboard expected");
  const byAxis = new Map(dashboard.byAxis.map((axis) => [axis.id, axis.figures]));
  expect(byAxis.get(axis1.id)).toMatchObject({ actionCount: 2, averageProgress: 70, estimatedBudget: 3_000_000 });
  expect(byAxis.get(axis2.id)).toMatchObject({ actionCount: 2, averageProgress: 55, estimatedBudget: 2_000_000, byStatus: { COMPLETED: 1, DELAYED: 1 } });
  expect(dashboard.withoutAxis).toMatchObject({ actionCount: 1, byStatus: { CANCELLED: 1 }, averageProgress: null });

  expect(dashboard.byLead.map((lead) => lead.id)).toEqual([first.id, second.id]);
  expect(dashboard.byLead[0]?.figures).toMatchObject({ actionCount: 2, averageProgress: 70, securedFunding: 2_400_000 });
  expect(dashboard.byLead[1]?.figures).toMatchObject({ actionCount: 2, averageProgress: 10, estimatedBudget: 500_000 });
  expect(dashboard.periods).toEqual([expect.objectContaining({ label: "Semestre 2 – 2026", status: "OPEN" })]);
});

test("without an open period the dashboard follows the latest period; an unknown plan gives null", async () => {
  const { plan, period } = await knownPlan();
  await prisma.reportingPeriod.update({ where: { id: period.id }, data: { status: "CLOSED", closedAt: new Date() } });
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  expect(dashboard?.periods).toEqual([expect.objectContaining({ id: period.id, status: "CLOSED" })]);
  expect(dashboard?.total.reports).toEqual({ expected: 2, submitted: 1, approved: 1 });
  expect(await getDashboard({ planId: "nope" }, TODAY)).toBeNull();
});

test("summarise leaves the average empty when every action is cancelled and counts no report without a period", () => {
  const figures = summarise([
    { id: "x", status: "CANCELLED", progress: 80, estimatedBudget: 100, securedFunding: 50, leadOrganisationId: "o", startDate: null, endDate: null },
  ]);
  expect(figures).toEqual({
    actionCount: 1,
    byStatus: { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0, DELAYED: 0, CANCELLED: 1 },
    averageProgress: null,
    estimatedBudget: 100,
    securedFunding: 50,
    reports: { expected: 0, submitted: 0, approved: 0 },
  });
});

test("the dashboard CSV is UTF-8 with a BOM, `;` separated, with French headers and decimal commas", async () => {
  const { plan, first } = await knownPlan();
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  if (!dashboard) throw new Error("dashboard expected");
  const { body, headers } = dashboardCsv(dashboard, new Date("2026-09-15T00:00:00Z"));
  expect(body.startsWith("\uFEFF")).toBe(true);
  const lines = body.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "Regroupement;N° ou sigle;Intitulé;Actions;Non démarrées;En cours;Achevées;En retard;Annulées;Avancement moyen (%);Budget estimé (FCFA);Financement acquis (FCFA);Rapports attendus;Rapports soumis;Rapports approuvés",
  );
  expect(lines[1]).toMatch(/^Plan;;Plan tableau de bord [0-9A-F]+;4;0;1;1;1;1;50;3500000;2400000;2;1;1$/);
  expect(lines).toContain("Objectif du Pacte;5;" + dashboard.byObjective[4]?.titleFr + ";2;0;0;0;1;1;10;500000;0;1;0;0");
  expect(lines).toContain(`Ministère chef de file;${first.acronym};${first.name};2;0;1;1;0;0;70;3000000;2400000;1;1;1`);
  // 1 plan + 23 objectives + the current axes + "no axis" + 2 leads
  expect(lines).toHaveLength(1 + 1 + 23 + dashboard.byAxis.length + 1 + 2);
  expect(headers["Content-Type"]).toBe("text/csv; charset=utf-8");
  expect(headers["Content-Disposition"]).toMatch(/^attachment; filename="plan-tableau-de-bord-[a-z0-9-]+-2026-09-15-tableau-de-bord\.csv"$/);
});

test("an average with decimals is written with a comma in the CSV", async () => {
  const { plan, actions } = await knownPlan();
  await prisma.action.update({ where: { id: actions.a1.id }, data: { progress: 45 } });
  await prisma.action.update({ where: { id: actions.a4.id }, data: { progress: 11 } });
  const dashboard = await getDashboard({ planId: plan.id }, TODAY);
  if (!dashboard) throw new Error("dashboard expected");
  // (45 + 100 + 11) / 3 = 52
  expect(dashboard.total.averageProgress).toBe(52);
  await prisma.action.update({ where: { id: actions.a4.id }, data: { progress: 12 } });
  const again = await getDashboard({ planId: plan.id }, TODAY);
  if (!again) throw new Error("dashboard expected");
  const planLine = dashboardCsv(again).body.split("\r\n")[1] ?? "";
  // (45 + 100 + 12) / 3 = 52.33… → 52,3
  expect(planLine.split(";")[9]).toBe("52,3");
});

