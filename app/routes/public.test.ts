import { expect, test } from "vitest";
import { adoptPlan } from "~/modules/plans/plans.server";
import { setPortalEnabled } from "~/modules/portal/portal.server";
import { prisma } from "~/utils/db.server";
import { createAction, createPlan, createUser, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { action as adminAction, loader as adminLoader } from "./admin.portal";
import { loader as homeLoader } from "./public._index";
import { loader as planLoader } from "./public.plans.$planId._index";
import { loader as indicatorsLoader } from "./public.plans.$planId.indicators";
import { loader as objectiveLoader } from "./public.plans.$planId.objectives.$number";
import { loader as reportLoader } from "./public.plans.$planId.review-report";
import { loader as docxLoader } from "./public.plans.$planId.review-report[.]docx";
import { loader as pdfLoader } from "./public.plans.$planId.review-report[.]pdf";

async function publicPlan() {
  const admin = await createUser({ role: "ADMIN" });
  const plan = await createPlan({ title: "Plan publié" });
  await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21 });
  await adoptPlan(admin.id, plan.id, { version: plan.version });
  return { admin, plan };
}

/** Every loader of the portal, called as an anonymous visitor would. */
function publicCalls(planId: string) {
  const args = (path: string, params: Record<string, string> = {}) => ({ request: getRequest(path), params: { planId, ...params }, context });
  return [
    () => homeLoader(args("/public")),
    () => planLoader(args(`/public/plans/${planId}`)),
    () => objectiveLoader(args(`/public/plans/${planId}/objectives/21`, { number: "21" })),
    () => indicatorsLoader(args(`/public/plans/${planId}/indicators`)),
    () => reportLoader(args(`/public/plans/${planId}/review-report`)),
    () => docxLoader(args(`/public/plans/${planId}/review-report.docx`)),
    () => pdfLoader(args(`/public/plans/${planId}/review-report.pdf`)),
  ];
}

test("with the portal off (the default), every public address is a 404", async () => {
  const { plan } = await publicPlan();
  await prisma.portalSetting.deleteMany();
  for (const run of publicCalls(plan.id)) expect((await call<unknown>(run)).status).toBe(404);
  const { admin } = await publicPlan();
  await setPortalEnabled(admin.id, true);
  await setPortalEnabled(admin.id, false);
  for (const run of publicCalls(plan.id)) expect((await call<unknown>(run)).status).toBe(404);
});

test("with the portal on, anyone reads the adopted plan without signing in; a plan never adopted stays a 404", async () => {
  const { admin, plan } = await publicPlan();
  await setPortalEnabled(admin.id, true);
  // The PDF is left to the end-to-end test: Chromium is slow to start on a shared machine.
  for (const run of publicCalls(plan.id).slice(0, 6)) expect((await call<unknown>(run)).status).toBe(200);
  const home = await call(() => homeLoader({ request: getRequest("/public"), params: {}, context }));
  expect(home.body).toMatchObject({ plans: expect.arrayContaining([expect.objectContaining({ id: plan.id, title: "Plan publié" })]) });

  const draft = await createPlan({ title: "Projet jamais adopté" });
  const draftPlan = await call(() => planLoader({ request: getRequest(`/public/plans/${draft.id}`), params: { planId: draft.id }, context }));
  expect(draftPlan.status).toBe(404);
  expect(JSON.stringify(home.body)).not.toContain("Projet jamais adopté");
  const unknownObjective = await call(() =>
    objectiveLoader({ request: getRequest(`/public/plans/${plan.id}/objectives/24`), params: { planId: plan.id, number: "24" }, context }),
  );
  expect(unknownObjective.status).toBe(404);
});

test("only an admin opens or closes the portal, and each change is audited", async () => {
  for (const role of ["FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    expect((await call(() => adminLoader({ request: getRequest("/admin/portal", { cookie }), params: {}, context }))).status, role).toBe(403);
    const refused = await call(() => adminAction({ request: postRequest("/admin/portal", { enabled: "true" }, { cookie }), params: {}, context }));
    expect(refused.status, role).toBe(403);
  }
  const { cookie, user } = await signedInAs("ADMIN");
  await prisma.portalSetting.deleteMany();
  expect((await call(() => adminLoader({ request: getRequest("/admin/portal", { cookie }), params: {}, context }))).body).toMatchObject({ enabled: false });
  const bad = await call(() => adminAction({ request: postRequest("/admin/portal", { enabled: "maybe" }, { cookie }), params: {}, context }));
  expect(bad).toMatchObject({ status: 400, body: { errors: { enabled: "validation.invalidChoice" } } });

  const opened = await call(() => adminAction({ request: postRequest("/admin/portal", { enabled: "true" }, { cookie }), params: {}, context }));
  expect(opened).toMatchObject({ status: 302, location: "/admin/portal?notice=enabled" });
  expect(await prisma.portalSetting.findUnique({ where: { id: 1 }, select: { enabled: true, updatedById: true } })).toEqual({ enabled: true, updatedById: user.id });
  await call(() => adminAction({ request: postRequest("/admin/portal", { enabled: "false" }, { cookie }), params: {}, context }));
  const audit = await prisma.auditEvent.findMany({ where: { entityType: "PortalSetting", actorId: user.id }, orderBy: { at: "asc" }, select: { action: true, changes: true } });
  expect(audit).toEqual([
    { action: "enable", changes: { enabled: { from: false, to: true } } },
    { action: "disable", changes: { enabled: { from: true, to: false } } },
  ]);
});

test("an admin keeps chosen budgets internal: off the public document and its totals, each change audited", async () => {
  const { plan } = await publicPlan();
  const action = await prisma.action.findFirstOrThrow({ where: { planId: plan.id }, select: { id: true } });
  await prisma.action.update({ where: { id: action.id }, data: { estimatedBudget: 4_321_000 } });
  const { cookie, user } = await signedInAs("ADMIN");
  const listed = await call(() => adminLoader({ request: getRequest("/admin/portal", { cookie }), params: {}, context }));
  expect((listed.body as { budgets: { id: string; budgetInternal: boolean }[] }).budgets).toContainEqual(expect.objectContaining({ id: action.id, budgetInternal: false }));

  const saved = await call(() => adminAction({ request: postRequest("/admin/portal", { intent: "budgets", internal: [action.id] }, { cookie }), params: {}, context }));
  expect(saved).toMatchObject({ status: 302, location: "/admin/portal?notice=budgets" });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { budgetInternal: true } })).toEqual({ budgetInternal: true });
  await setPortalEnabled(user.id, true);
  const page = await call(() => planLoader({ request: getRequest(`/public/plans/${plan.id}`), params: { planId: plan.id }, context }));
  expect(page.body).toMatchObject({ summary: { estimatedBudget: 0, budgetsWithheld: 1 } });

  await call(() => adminAction({ request: postRequest("/admin/portal", { intent: "budgets" }, { cookie }), params: {}, context }));
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { budgetInternal: true } })).toEqual({ budgetInternal: false });
  const audit = await prisma.auditEvent.findMany({ where: { entityType: "PortalSetting", actorId: user.id, action: { startsWith: "budget" } }, orderBy: { at: "asc" }, select: { action: true } });
  expect(audit.map((entry) => entry.action)).toEqual(["budgetInternal", "budgetPublic"]);
});
