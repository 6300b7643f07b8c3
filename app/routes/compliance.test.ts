import { expect, test } from "vitest";
import { createAction, createPlan, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { loader } from "./compliance";

test("admins, facilitators, reviewers and observers read the compliance view; focal points get 403", async () => {
  for (const role of ["ADMIN", "FACILITATOR", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => loader({ request: getRequest("/compliance", { cookie }), params: {}, context }));
    expect(result.status, role).toBe(200);
  }
  const { cookie } = await signedInAs("FOCAL_POINT");
  expect((await call(() => loader({ request: getRequest("/compliance", { cookie }), params: {}, context }))).status).toBe(403);
});

test("the compliance view shows the chosen plan and period, and 404 for an unknown plan", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id, { label: "T3 2026", startDate: "2026-07-01", endDate: "2026-09-30", dueDate: "2026-10-31" });
  await createAction(plan.id);
  const { cookie } = await signedInAs("OBSERVER");
  const result = await call(() => loader({ request: getRequest(`/compliance?plan=${plan.id}&period=${period.id}`, { cookie }), params: {}, context }));
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    filters: { plan: plan.id, period: period.id },
    compliance: { plan: { id: plan.id }, byPeriod: [{ period: { label: "T3 2026" }, totals: { due: 1 } }] },
  });
  const unknown = await call(() => loader({ request: getRequest("/compliance?plan=nope", { cookie }), params: {}, context }));
  expect(unknown.status).toBe(404);
});
