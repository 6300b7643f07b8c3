import { expect, test } from "vitest";
import { createAction, createOrganisation, createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import * as actionPage from "./actions.$actionId._index";
import * as editAction from "./actions.$actionId.edit";
import * as indicatorPage from "./actions.$actionId.indicators.$indicatorId";
import * as newIndicator from "./actions.$actionId.indicators.new";
import * as actionList from "./plans.$planId.actions._index";
import * as newAction from "./plans.$planId.actions.new";

type Fields = Record<string, string | string[]>;

async function currentAxes() {
  return prisma.policyAxis.findMany({ where: { framework: { isCurrent: true } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
}

/** A complete, valid create form for an action in a 2025-2027 plan. */
async function validActionFields(overrides: Fields = {}): Promise<Fields> {
  const [lead, partner] = await Promise.all([createOrganisation(), createOrganisation()]);
  const axes = await currentAxes();
  return {
    code: "O21-01",
    title: "Réinsertion socio-économique des migrants de retour",
    description: "Appui aux projets des migrants de retour dans les régions de Kayes et Sikasso.",
    expectedResult: "500 migrants de retour ont un projet financé.",
    mainObjectiveNumber: "21",
    otherObjectives: ["7", "19"],
    axisIds: axes.slice(0, 2).map((axis) => axis.id),
    principleNumbers: ["1", "4"],
    leadOrganisationId: lead.id,
    partnerIds: [partner.id],
    startDate: "01/03/2025",
    endDate: "2026-12-31",
    estimatedBudget: "150 000 000",
    securedFunding: "40 000 000",
    priority: "HIGH",
    ...overrides,
  };
}

async function postNewAction(planId: string, fields: Fields, cookie: string) {
  return call(() => newAction.action({ request: postRequest(`/plans/${planId}/actions/new`, fields, { cookie }), params: { planId }, context }));
}

async function postEditAction(actionId: string, fields: Fields, cookie: string) {
  return call(() => editAction.action({ request: postRequest(`/actions/${actionId}/edit`, fields, { cookie }), params: { actionId }, context }));
}

/** The edit form as the loader fills it, ready to post back. */
async function editFormOf(actionId: string, cookie: string): Promise<Fields> {
  const loaded = await call(() => editAction.loader({ request: getRequest(`/actions/${actionId}/edit`, { cookie }), params: { actionId }, context }));
  expect(loaded.status).toBe(200);
  const body = loaded.body as { values: Fields; version: number };
  return { ...body.values, version: String(body.version) };
}

async function actionCount(planId: string) {
  return prisma.action.count({ where: { planId } });
}

// ---------------------------------------------------------------------------
// Creating
// ---------------------------------------------------------------------------

test("a facilitator creates an action with its links, amounts and dates, and an audit entry records it", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const fields = await validActionFields();
  const result = await postNewAction(plan.id, fields, cookie);
  expect(result.status).toBe(302);
  const action = await prisma.action.findFirstOrThrow({
    where: { planId: plan.id, code: "O21-01" },
    select: {
      id: true,
      estimatedBudget: true,
      securedFunding: true,
      startDate: true,
      endDate: true,
      priority: true,
      otherObjectives: { select: { objectiveNumber: true }, orderBy: { objectiveNumber: "asc" } },
      axes: { select: { axisId: true } },
      principles: { select: { principleNumber: true }, orderBy: { principleNumber: "asc" } },
      partners: { select: { organisationId: true } },
    },
  });
  expect(result.location).toBe(`/actions/${action.id}?notice=created`);
  expect(action.estimatedBudget).toBe(150_000_000n);
  expect(action.securedFunding).toBe(40_000_000n);
  expect(action.startDate?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
  expect(action.priority).toBe("HIGH");
  expect(action.otherObjectives.map((row) => row.objectiveNumber)).toEqual([7, 19]);
  expect(action.axes).toHaveLength(2);
  expect(action.principles.map((row) => row.principleNumber)).toEqual([1, 4]);
  expect(action.partners.map((row) => row.organisationId)).toEqual(fields.partnerIds);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: action.id } });
  expect(audit).toMatchObject({ actorId: user.id, action: "create" });
  expect(audit.changes).toMatchObject({ code: "O21-01", estimatedBudget: 150_000_000, startDate: "2025-03-01", otherObjectives: "7, 19" });
});

const invalidCases: [string, Fields, Record<string, string>][] = [
  ["an end date before the start date", { startDate: "2026-06-01", endDate: "2026-01-01" }, { endDate: "validation.endBeforeStart" }],
  ["a date outside the plan period", { startDate: "2024-12-31" }, { startDate: "validation.outsidePlanPeriod" }],
  ["secured funding above the estimated budget", { securedFunding: "200 000 000" }, { securedFunding: "validation.securedAboveEstimated" }],
  ["a negative amount", { estimatedBudget: "-5", securedFunding: "" }, { estimatedBudget: "validation.amountNegative" }],
  ["a missing title", { title: "  " }, { title: "validation.required" }],
  ["a malformed code", { code: "code avec espaces" }, { code: "validation.actionCode" }],
];

for (const [name, overrides, errors] of invalidCases) {
  test(`creating an action with ${name} gets 400 with the French message key, keeps the input and writes nothing`, async () => {
    const { cookie, user } = await signedInAs("FACILITATOR");
    const plan = await createPlan();
    const fields = await validActionFields(overrides);
    const result = await postNewAction(plan.id, fields, cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors });
    expect(result.body).toMatchObject({ values: { title: fields.title, otherObjectives: fields.otherObjectives } });
    expect(await actionCount(plan.id)).toBe(0);
    expect(await prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0);
  });
}

test("a code already used in the plan gets 400 validation.actionCodeTaken and writes nothing", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const plan = await createPlan();
  await createAction(plan.id, { code: "O21-01" });
  const result = await postNewAction(plan.id, await validActionFields({ code: "o21-01" }), cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { code: "validation.actionCodeTaken" } });
  expect(await actionCount(plan.id)).toBe(1);
});

test("the same code is fine in another plan", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const [first, second] = await Promise.all([createPlan(), createPlan()]);
  await createAction(first.id, { code: "O21-01" });
  const result = await postNewAction(second.id, await validActionFields(), cookie);
  expect(result.status).toBe(302);
});

test("an inactive lead organisation is refused with 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const inactive = await createOrganisation({ active: false });
  const result = await postNewAction(plan.id, await validActionFields({ leadOrganisationId: inactive.id }), cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { leadOrganisationId: "validation.unknownOrganisation" } });
  expect(await actionCount(plan.id)).toBe(0);
});

test("the create form suggests the next free code for the objective given in the URL", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21 });
  const result = await call(() =>
    newAction.loader({ request: getRequest(`/plans/${plan.id}/actions/new?objective=21`, { cookie }), params: { planId: plan.id }, context }),
  );
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ defaults: { mainObjectiveNumber: "21", code: "O21-02" }, codeSuggestions: { 3: "O03-01", 21: "O21-02" } });
});

// ---------------------------------------------------------------------------
// Editing and conflicts
// ---------------------------------------------------------------------------

test("a facilitator edits an action: links are replaced, the version goes up and the audit entry lists what changed", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const created = await postNewAction(plan.id, await validActionFields(), cookie);
  const actionId = (created.location ?? "").split("/")[2]?.split("?")[0] ?? "";
  const form = await editFormOf(actionId, cookie);
  expect(form).toMatchObject({ code: "O21-01", estimatedBudget: "150 000 000", startDate: "2025-03-01", version: "1" });
  const result = await postEditAction(actionId, { ...form, title: "Nouveau titre", estimatedBudget: "180 000 000", otherObjectives: ["5"] }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/actions/${actionId}?notice=saved`);
  const stored = await prisma.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { title: true, version: true, estimatedBudget: true, otherObjectives: { select: { objectiveNumber: true } } },
  });
  expect(stored).toMatchObject({ title: "Nouveau titre", version: 2, estimatedBudget: 180_000_000n, otherObjectives: [{ objectiveNumber: 5 }] });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: actionId, action: "update" } });
  expect(audit.actorId).toBe(user.id);
  expect(audit.changes).toEqual({
    title: { from: "Réinsertion socio-économique des migrants de retour", to: "Nouveau titre" },
    estimatedBudget: { from: 150_000_000, to: 180_000_000 },
    otherObjectives: { from: "7, 19", to: "5" },
    version: { from: 1, to: 2 },
  });
});

test("saving a stale form gets 409, changes nothing, keeps the input and says which fields the other person changed", async () => {
  const first = await signedInAs("FACILITATOR");
  const second = await signedInAs("ADMIN");
  const plan = await createPlan();
  const created = await postNewAction(plan.id, await validActionFields(), first.cookie);
  const actionId = (created.location ?? "").split("/")[2]?.split("?")[0] ?? "";
  const opened = await editFormOf(actionId, second.cookie);
  const form = await editFormOf(actionId, first.cookie);
  expect((await postEditAction(actionId, { ...form, title: "Titre revu en atelier", estimatedBudget: "120 000 000", securedFunding: "" }, first.cookie)).status).toBe(302);
  const before = await prisma.action.findUniqueOrThrow({ where: { id: actionId }, select: { title: true, description: true, version: true } });

  const stale = await postEditAction(actionId, { ...opened, description: "Ma description" }, second.cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({
    errors: { form: "conflict.stale" },
    values: { description: "Ma description", title: "Réinsertion socio-économique des migrants de retour" },
    changed: [
      { field: "title", current: "Titre revu en atelier" },
      { field: "estimatedBudget", current: 120_000_000 },
      { field: "securedFunding", current: null },
    ],
  });
  const after = await prisma.action.findUniqueOrThrow({ where: { id: actionId }, select: { title: true, description: true, version: true } });
  expect(after).toEqual(before);
  expect(await prisma.auditEvent.count({ where: { entityType: "Action", entityId: actionId, actorId: second.user.id } })).toBe(0);
});

test("after a conflict the reloaded form carries the newer version, so saving again succeeds", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01" });
  const opened = await editFormOf(action.id, cookie);
  await prisma.action.update({ where: { id: action.id }, data: { title: "Changé ailleurs", version: { increment: 1 } } });
  const stale = await postEditAction(action.id, { ...opened, title: "Mon titre" }, cookie);
  expect(stale.status).toBe(409);
  // Nothing in the audit trail explains it: the fields that differ from the input are listed.
  expect(stale.body).toMatchObject({ changed: [{ field: "title", current: "Changé ailleurs" }] });
  const reloaded = await editFormOf(action.id, cookie);
  const retried = await postEditAction(action.id, { ...opened, title: "Mon titre", version: reloaded.version ?? "" }, cookie);
  expect(retried.status).toBe(302);
  expect((await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { title: true } })).title).toBe("Mon titre");
});

test("renaming an action to another action's code gets 400 validation.actionCodeTaken", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  await createAction(plan.id, { code: "O21-01" });
  const other = await createAction(plan.id, { code: "O21-02" });
  const form = await editFormOf(other.id, cookie);
  const result = await postEditAction(other.id, { ...form, code: "O21-01" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { code: "validation.actionCodeTaken" } });
  expect((await prisma.action.findUniqueOrThrow({ where: { id: other.id }, select: { code: true } })).code).toBe("O21-02");
});

test("an invalid edit gets 400 and changes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01", estimatedBudget: 1000 });
  const form = await editFormOf(action.id, cookie);
  const result = await postEditAction(action.id, { ...form, securedFunding: "5000" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { securedFunding: "validation.securedAboveEstimated" } });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { version: true, securedFunding: true } })).toEqual({
    version: 1,
    securedFunding: null,
  });
});

test("an adopted plan's action cannot be edited, added to or deleted: 409", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const action = await createAction(plan.id, { code: "O21-01" });
  const loaded = await call(() => editAction.loader({ request: getRequest(`/actions/${action.id}/edit`, { cookie }), params: { actionId: action.id }, context }));
  expect(loaded.status).toBe(409);
  const edited = await postEditAction(action.id, { ...(await validActionFields()), version: "1" }, cookie);
  expect(edited.status).toBe(409);
  expect((await postNewAction(plan.id, await validActionFields({ code: "O21-09" }), cookie)).status).toBe(409);
  const deleted = await call(() =>
    actionPage.action({ request: postRequest(`/actions/${action.id}`, { intent: "delete", confirm: "on" }, { cookie }), params: { actionId: action.id }, context }),
  );
  expect(deleted.status).toBe(409);
  expect(await prisma.action.findUnique({ where: { id: action.id }, select: { title: true } })).toEqual({ title: "Action de test" });
});

// ---------------------------------------------------------------------------
// Deleting
// ---------------------------------------------------------------------------

test("deleting needs the confirmation box; then the action goes and an audit entry keeps what it was", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-04", title: "Action à supprimer" });
  const post = (fields: Fields) =>
    call(() => actionPage.action({ request: postRequest(`/actions/${action.id}`, fields, { cookie }), params: { actionId: action.id }, context }));

  const unconfirmed = await post({ intent: "delete" });
  expect(unconfirmed.status).toBe(400);
  expect(unconfirmed.body).toMatchObject({ errors: { confirm: "validation.confirmRequired" } });
  expect(await actionCount(plan.id)).toBe(1);

  const confirmed = await post({ intent: "delete", confirm: "on" });
  expect(confirmed.status).toBe(302);
  expect(confirmed.location).toBe(`/plans/${plan.id}/actions?notice=deleted&code=O21-04`);
  expect(await actionCount(plan.id)).toBe(0);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: action.id, action: "delete" } });
  expect(audit.actorId).toBe(user.id);
  expect(audit.changes).toMatchObject({ code: "O21-04", title: "Action à supprimer" });
});

// ---------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------

test("observers, reviewers and focal points get 403 on the write pages and on posts to them, and nothing changes", async () => {
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01" });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const fields = await validActionFields({ code: "O21-02" });
  for (const role of ["OBSERVER", "REVIEWER", "FOCAL_POINT"] as const) {
    const { cookie } = await signedInAs(role, role === "FOCAL_POINT" ? { organisationId: action.leadOrganisationId } : {});
    const planParams = { planId: plan.id };
    const actionParams = { actionId: action.id };
    const indicatorParams = { actionId: action.id, indicatorId: indicator.id };
    const attempts: (() => Promise<unknown>)[] = [
      () => newAction.loader({ request: getRequest(`/plans/${plan.id}/actions/new`, { cookie }), params: planParams, context }),
      () => newAction.action({ request: postRequest(`/plans/${plan.id}/actions/new`, fields, { cookie }), params: planParams, context }),
      () => editAction.loader({ request: getRequest(`/actions/${action.id}/edit`, { cookie }), params: actionParams, context }),
      () => editAction.action({ request: postRequest(`/actions/${action.id}/edit`, { ...fields, version: "1" }, { cookie }), params: actionParams, context }),
      () => actionPage.action({ request: postRequest(`/actions/${action.id}`, { intent: "delete", confirm: "on" }, { cookie }), params: actionParams, context }),
      () => newIndicator.action({ request: postRequest(`/actions/${action.id}/indicators/new`, { name: "X", kind: "NUMBER", frequency: "ANNUAL" }, { cookie }), params: actionParams, context }),
      () => indicatorPage.loader({ request: getRequest(`/actions/${action.id}/indicators/${indicator.id}`, { cookie }), params: indicatorParams, context }),
      () => indicatorPage.action({ request: postRequest(`/actions/${action.id}/indicators/${indicator.id}`, { intent: "delete", confirm: "on" }, { cookie }), params: indicatorParams, context }),
    ];
    for (const [index, attempt] of attempts.entries()) {
      const result = await call(attempt);
      expect(result.status, `${role} #${index}`).toBe(403);
    }
  }
  expect(await actionCount(plan.id)).toBe(1);
  expect(await prisma.indicator.count({ where: { actionId: action.id } })).toBe(1);
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } })).toEqual({ version: 1 });
});

test("every role reads the list and the action page; only facilitators and admins are offered editing", async () => {
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01" });
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const list = await call(() => actionList.loader({ request: getRequest(`/plans/${plan.id}/actions`, { cookie }), params: { planId: plan.id }, context }));
    expect(list.status, role).toBe(200);
    expect(list.body, role).toMatchObject({ canEdit: role === "ADMIN" || role === "FACILITATOR", total: 1 });
    const page = await call(() => actionPage.loader({ request: getRequest(`/actions/${action.id}`, { cookie }), params: { actionId: action.id }, context }));
    expect(page.status, role).toBe(200);
    expect(page.body, role).toMatchObject({ canEdit: role === "ADMIN" || role === "FACILITATOR" });
  }
});

test("the history is shown to those who may read the audit trail only", async () => {
  const plan = await createPlan();
  const action = await createAction(plan.id);
  for (const [role, shown] of [["REVIEWER", true], ["OBSERVER", false], ["FOCAL_POINT", false]] as const) {
    const { cookie } = await signedInAs(role);
    const page = await call(() => actionPage.loader({ request: getRequest(`/actions/${action.id}`, { cookie }), params: { actionId: action.id }, context }));
    const history = (page.body as { history: unknown }).history;
    expect(Array.isArray(history), role).toBe(shown);
  }
});

test("signed out, the action pages redirect to the login page", async () => {
  const plan = await createPlan();
  const action = await createAction(plan.id);
  const list = await call(() => actionList.loader({ request: getRequest(`/plans/${plan.id}/actions`), params: { planId: plan.id }, context }));
  expect(list.status).toBe(302);
  expect(list.location).toBe(`/login?redirectTo=${encodeURIComponent(`/plans/${plan.id}/actions`)}`);
  const page = await call(() => actionPage.loader({ request: getRequest(`/actions/${action.id}`), params: { actionId: action.id }, context }));
  expect(page.status).toBe(302);
  const fields = await validActionFields();
  const post = await call(() => newAction.action({ request: postRequest(`/plans/${plan.id}/actions/new`, fields), params: { planId: plan.id }, context }));
  expect(post.status).toBe(302);
  expect(post.location).toMatch(/^\/login/);
  expect(await actionCount(plan.id)).toBe(1);
});

test("an unknown action is a 404", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const page = await call(() => actionPage.loader({ request: getRequest("/actions/nope", { cookie }), params: { actionId: "nope" }, context }));
  expect(page.status).toBe(404);
});

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

type ListBody = { actions: { code: string }[]; total: number; page: number; pageCount: number };

async function listCodes(planId: string, query: string, cookie: string) {
  const result = await call(() => actionList.loader({ request: getRequest(`/plans/${planId}/actions${query}`, { cookie }), params: { planId }, context }));
  expect(result.status).toBe(200);
  const body = result.body as ListBody;
  return { codes: body.actions.map((action) => action.code), total: body.total, page: body.page, pageCount: body.pageCount };
}

test("the list filters by objective, PONAM axis, lead organisation, status and text", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const plan = await createPlan();
  const lead = await createOrganisation();
  const [axis] = await currentAxes();
  const a = await createAction(plan.id, { code: "O03-01", mainObjectiveNumber: 3, title: "Information sur la migration régulière" });
  const b = await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21, leadOrganisationId: lead.id, title: "Retour digne" });
  const c = await createAction(plan.id, { code: "O23-01", mainObjectiveNumber: 23, title: "Coopération régionale" });
  await prisma.actionObjective.create({ data: { actionId: c.id, objectiveNumber: 21 } });
  await prisma.actionAxis.create({ data: { actionId: a.id, axisId: axis?.id ?? "" } });
  await prisma.action.update({ where: { id: b.id }, data: { status: "DELAYED", description: "Appui aux communes de KAYES" } });
  // Another plan's action never shows.
  await createAction((await createPlan()).id, { code: "O21-01", mainObjectiveNumber: 21 });

  expect((await listCodes(plan.id, "", cookie)).codes).toEqual(["O03-01", "O21-01", "O23-01"]);
  expect((await listCodes(plan.id, "?objective=21", cookie)).codes).toEqual(["O21-01", "O23-01"]);
  expect((await listCodes(plan.id, `?axis=${axis?.id}`, cookie)).codes).toEqual(["O03-01"]);
  expect((await listCodes(plan.id, `?lead=${lead.id}`, cookie)).codes).toEqual(["O21-01"]);
  expect((await listCodes(plan.id, "?status=DELAYED", cookie)).codes).toEqual(["O21-01"]);
  expect((await listCodes(plan.id, "?q=kayes", cookie)).codes).toEqual(["O21-01"]);
  expect((await listCodes(plan.id, "?q=o23", cookie)).codes).toEqual(["O23-01"]);
  expect((await listCodes(plan.id, "?q=MIGRATION", cookie)).codes).toEqual(["O03-01"]);
  expect((await listCodes(plan.id, "?objective=21&status=DELAYED", cookie)).codes).toEqual(["O21-01"]);
  // Unknown values are ignored rather than refused.
  expect((await listCodes(plan.id, "?status=PERDU&objective=99", cookie)).total).toBe(3);
});

test("the list sorts by code or title and pages 25 actions at a time", async () => {
  const { cookie } = await signedInAs("REVIEWER");
  const plan = await createPlan();
  const lead = await createOrganisation();
  for (let index = 1; index <= 27; index += 1) {
    const number = String(index).padStart(2, "0");
    await createAction(plan.id, { code: `O01-${number}`, mainObjectiveNumber: 1, leadOrganisationId: lead.id, title: `Action ${String(28 - index).padStart(2, "0")}` });
  }
  const first = await listCodes(plan.id, "", cookie);
  expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
  expect(first.codes).toHaveLength(25);
  expect(first.codes[0]).toBe("O01-01");
  const second = await listCodes(plan.id, "?page=2", cookie);
  expect(second.codes).toEqual(["O01-26", "O01-27"]);
  expect((await listCodes(plan.id, "?sort=-code", cookie)).codes[0]).toBe("O01-27");
  expect((await listCodes(plan.id, "?sort=title", cookie)).codes[0]).toBe("O01-27");
  expect((await listCodes(plan.id, "?sort=-title&page=2", cookie)).codes).toEqual(["O01-26", "O01-27"]);
});

test("a focal point's own organisation is returned so its actions are highlighted", async () => {
  const plan = await createPlan();
  const action = await createAction(plan.id);
  const { cookie } = await signedInAs("FOCAL_POINT", { organisationId: action.leadOrganisationId });
  const list = await call(() => actionList.loader({ request: getRequest(`/plans/${plan.id}/actions`, { cookie }), params: { planId: plan.id }, context }));
  expect(list.body).toMatchObject({ ownOrganisation: { id: action.leadOrganisationId }, actions: [{ leadOrganisation: { id: action.leadOrganisationId } }] });
  const page = await call(() => actionPage.loader({ request: getRequest(`/actions/${action.id}`, { cookie }), params: { actionId: action.id }, context }));
  expect(page.body).toMatchObject({ own: true });
});
