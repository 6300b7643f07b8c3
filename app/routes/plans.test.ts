import { expect, test } from "vitest";
import { createAction, createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action as planAction, loader as planLoader } from "./plans.$planId._index";
import { action as editAction } from "./plans.$planId.edit";
import { loader as diffLoader } from "./plans.$planId.diff";
import { loader as listLoader } from "./plans._index";
import { action as newAction } from "./plans.new";

const validPlan = { title: "Plan d'action national 2025-2027", startDate: "2025-01-01", endDate: "2027-12-31" };

test("a facilitator creates a draft plan and is sent to it", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const result = await call(() => newAction({ request: postRequest("/plans/new", validPlan, { cookie }), params: {}, context }));
  expect(result.status).toBe(302);
  const plan = await prisma.actionPlan.findFirstOrThrow({ where: { title: validPlan.title }, select: { id: true, status: true } });
  expect(plan.status).toBe("DRAFT");
  expect(result.location).toBe(`/plans/${plan.id}?notice=created`);
  expect(await prisma.auditEvent.count({ where: { entityId: plan.id, action: "create" } })).toBe(1);
});

test("a plan form with a missing title or an end before its start gets 400 and writes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const before = await prisma.actionPlan.count();
  const result = await call(() =>
    newAction({
      request: postRequest("/plans/new", { title: "", startDate: "31/12/2027", endDate: "01/01/2025" }, { cookie }),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    errors: { title: "validation.required", endDate: "validation.endBeforeStart" },
    values: { startDate: "31/12/2027" },
  });
  expect(await prisma.actionPlan.count()).toBe(before);
});

test("observers, reviewers and focal points cannot create, edit or adopt plans", async () => {
  const plan = await createPlan();
  for (const role of ["OBSERVER", "REVIEWER", "FOCAL_POINT"] as const) {
    const { cookie } = await signedInAs(role);
    const created = await call(() =>
      newAction({ request: postRequest("/plans/new", { ...validPlan, title: "Plan refusé" }, { cookie }), params: {}, context }),
    );
    expect(created.status, role).toBe(403);
    const edited = await call(() =>
      editAction({
        request: postRequest(`/plans/${plan.id}/edit`, { ...validPlan, version: String(plan.version) }, { cookie }),
        params: { planId: plan.id },
        context,
      }),
    );
    expect(edited.status, role).toBe(403);
    const adopted = await call(() =>
      planAction({
        request: postRequest(`/plans/${plan.id}`, { intent: "adopt", version: String(plan.version) }, { cookie }),
        params: { planId: plan.id },
        context,
      }),
    );
    expect(adopted.status, role).toBe(403);
  }
  expect(await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
  expect(await prisma.actionPlan.count({ where: { title: "Plan refusé" } })).toBe(0);
});

test("every role reads plans; signed out, the list redirects to the login page", async () => {
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => listLoader({ request: getRequest("/plans", { cookie }), params: {}, context }));
    expect(result.status, role).toBe(200);
  }
  const signedOut = await call(() => listLoader({ request: getRequest("/plans"), params: {}, context }));
  expect(signedOut.status).toBe(302);
});

test("adopting through the page freezes version 1; a stale adoption gets 409", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  await createAction(plan.id, { code: "O03-01" });
  const adopted = await call(() =>
    planAction({
      request: postRequest(`/plans/${plan.id}`, { intent: "adopt", version: String(plan.version), note: "Conseil des ministres" }, { cookie }),
      params: { planId: plan.id },
      context,
    }),
  );
  expect(adopted.status).toBe(302);
  expect(adopted.location).toBe(`/plans/${plan.id}?notice=adopted&number=1`);

  const stale = await call(() =>
    planAction({
      request: postRequest(`/plans/${plan.id}`, { intent: "revise", version: String(plan.version) }, { cookie }),
      params: { planId: plan.id },
      context,
    }),
  );
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ errors: { form: "conflict.stale" } });
  expect(await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { status: true } })).toEqual({ status: "ADOPTED" });
});

test("editing a plan with a stale version gets 409, keeps the input and hands over the latest version", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  await prisma.actionPlan.update({ where: { id: plan.id }, data: { title: "Renommé entre-temps", version: { increment: 1 } } });
  const result = await call(() =>
    editAction({
      request: postRequest(`/plans/${plan.id}/edit`, { ...validPlan, title: "Mon titre", version: String(plan.version) }, { cookie }),
      params: { planId: plan.id },
      context,
    }),
  );
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { title: "Mon titre", version: String(plan.version + 1) } });
  expect(await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { title: true } })).toEqual({
    title: "Renommé entre-temps",
  });
});

test("an adopted plan's edit page answers 409", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const result = await call(() =>
    editAction({
      request: postRequest(`/plans/${plan.id}/edit`, { ...validPlan, version: String(plan.version) }, { cookie }),
      params: { planId: plan.id },
      context,
    }),
  );
  expect(result.status).toBe(409);
});

test("the overview of an unknown plan is a 404; the diff page rejects an unknown version reference", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const missing = await call(() => planLoader({ request: getRequest("/plans/nope", { cookie }), params: { planId: "nope" }, context }));
  expect(missing.status).toBe(404);
  const plan = await createPlan();
  const bad = await call(() =>
    diffLoader({ request: getRequest(`/plans/${plan.id}/diff?from=abc&to=current`, { cookie }), params: { planId: plan.id }, context }),
  );
  expect(bad.status).toBe(400);
});
