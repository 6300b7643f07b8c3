import { expect, test } from "vitest";
import { createAction, createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { loader as csvLoader } from "./dashboard[.]csv";
import { loader as dashboardLoader } from "./dashboard";
import { loader as reviewLoader } from "./plans.$planId.review-report";

test("every role reads the dashboard of the plan chosen with ?plan=", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  await createAction(plan.id, { mainObjectiveNumber: 21, estimatedBudget: 1_500_000 });
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => dashboardLoader({ request: getRequest(`/dashboard?plan=${plan.id}`, { cookie }), params: {}, context }));
    expect(result.status, role).toBe(200);
    expect(result.body, role).toMatchObject({
      dashboard: { plan: { id: plan.id }, total: { actionCount: 1, estimatedBudget: 1_500_000 } },
    });
  }
});

test("without ?plan= the dashboard shows the current plan and offers the others", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const result = await call(() => dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context }));
  expect(result.status).toBe(200);
  const body = result.body as { dashboard: { plan: { id: string }; byObjective: unknown[] } | null; plans: { id: string }[] };
  expect(body.dashboard).not.toBeNull();
  expect(body.plans.map((plan) => plan.id)).toContain(body.dashboard?.plan.id);
  expect(body.dashboard?.byObjective).toHaveLength(23);
});

test("signed out, the dashboard, its CSV and the review report redirect to the login page", async () => {
  const plan = await createPlan();
  const dashboard = await call(() => dashboardLoader({ request: getRequest("/dashboard"), params: {}, context }));
  expect(dashboard.status).toBe(302);
  expect(dashboard.location).toBe("/login?redirectTo=%2Fdashboard");
  const csv = await call(() => csvLoader({ request: getRequest(`/dashboard.csv?plan=${plan.id}`), params: {}, context }));
  expect(csv.status).toBe(302);
  expect(csv.location).toMatch(/^\/login\?redirectTo=/);
  const review = await call(() =>
    reviewLoader({ request: getRequest(`/plans/${plan.id}/review-report`), params: { planId: plan.id }, context }),
  );
  expect(review.status).toBe(302);
  expect(review.location).toBe(`/login?redirectTo=${encodeURIComponent(`/plans/${plan.id}/review-report`)}`);
});

test("an unknown plan is a 404 on the dashboard, its CSV and the review report", async () => {
  const { cookie } = await signedInAs("REVIEWER");
  const dashboard = await call(() => dashboardLoader({ request: getRequest("/dashboard?plan=nope", { cookie }), params: {}, context }));
  expect(dashboard.status).toBe(404);
  const csv = await call(() => csvLoader({ request: getRequest("/dashboard.csv?plan=nope", { cookie }), params: {}, context }));
  expect(csv.status).toBe(404);
  const review = await call(() => reviewLoader({ request: getRequest("/plans/nope/review-report", { cookie }), params: { planId: "nope" }, context }));
  expect(review.status).toBe(404);
});

test("the dashboard CSV downloads as a French Excel file: BOM, `;`, French headers", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const plan = await createPlan({ status: "ADOPTED", title: "Plan export tableau" });
  await createAction(plan.id, { mainObjectiveNumber: 21, estimatedBudget: 2_500_000 });
  const response = await csvLoader({ request: getRequest(`/dashboard.csv?plan=${plan.id}`, { cookie }), params: {}, context });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="plan-export-tableau-\d{4}-\d{2}-\d{2}-tableau-de-bord\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const [header, total] = text.split("\r\n");
  expect(header?.split(";")).toEqual([
    "Regroupement",
    "N° ou sigle",
    "Intitulé",
    "Actions",
    "Non démarrées",
    "En cours",
    "Achevées",
    "En retard",
    "Annulées",
    "Avancement moyen (%)",
    "Budget estimé (FCFA)",
    "Financement acquis (FCFA)",
    "Rapports attendus",
    "Rapports soumis",
    "Rapports approuvés",
  ]);
  expect(total).toBe("Plan;;Plan export tableau;1;1;0;0;0;0;0;2500000;0;0;0;0");
  expect(text).toContain("\r\nObjectif du Pacte;21;");
});
