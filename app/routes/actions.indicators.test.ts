import { expect, test } from "vitest";
import { createAction, createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import * as actionPage from "./actions.$actionId._index";
import * as indicatorPage from "./actions.$actionId.indicators.$indicatorId";
import * as newIndicator from "./actions.$actionId.indicators.new";

type Fields = Record<string, string | string[]>;

const validIndicator: Fields = {
  name: "Nombre de migrants de retour accompagnés",
  definition: "Migrants de retour ayant reçu un appui à la réinsertion.",
  unit: "personnes",
  kind: "NUMBER",
  baselineValue: "120",
  baselineDate: "31/12/2024",
  targetValue: "1 500",
  targetDate: "2027-12-31",
  frequency: "QUARTERLY",
  dataSource: "Registres du MMEIA",
  verificationMeans: "Rapports trimestriels",
  disaggregation: ["SEX", "REGION"],
};

async function postNewIndicator(actionId: string, fields: Fields, cookie: string) {
  return call(() =>
    newIndicator.action({ request: postRequest(`/actions/${actionId}/indicators/new`, fields, { cookie }), params: { actionId }, context }),
  );
}

async function postIndicator(actionId: string, indicatorId: string, fields: Fields, cookie: string) {
  return call(() =>
    indicatorPage.action({
      request: postRequest(`/actions/${actionId}/indicators/${indicatorId}`, fields, { cookie }),
      params: { actionId, indicatorId },
      context,
    }),
  );
}

async function draftAction() {
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01" });
  await prisma.indicator.deleteMany({ where: { actionId: action.id } });
  return action;
}

async function indicatorForm(actionId: string, indicatorId: string, cookie: string): Promise<Fields> {
  const loaded = await call(() =>
    indicatorPage.loader({ request: getRequest(`/actions/${actionId}/indicators/${indicatorId}`, { cookie }), params: { actionId, indicatorId }, context }),
  );
  expect(loaded.status).toBe(200);
  const body = loaded.body as { values: Fields; indicator: { version: number } };
  return { ...body.values, intent: "update", version: String(body.indicator.version) };
}

test("a facilitator adds an indicator: values parsed the French way, placed last, with an audit entry", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const action = await draftAction();
  const first = await postNewIndicator(action.id, { ...validIndicator, name: "Premier" }, cookie);
  expect(first.status).toBe(302);
  const result = await postNewIndicator(action.id, validIndicator, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/actions/${action.id}?notice=indicatorCreated`);
  const indicator = await prisma.indicator.findFirstOrThrow({
    where: { actionId: action.id, name: validIndicator.name as string },
    select: { id: true, targetValue: true, baselineDate: true, disaggregation: true, position: true, frequency: true },
  });
  expect(indicator).toMatchObject({ targetValue: 1500, frequency: "QUARTERLY", disaggregation: ["SEX", "REGION"], position: 1 });
  expect(indicator.baselineDate?.toISOString()).toBe("2024-12-31T00:00:00.000Z");
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Indicator", entityId: indicator.id } });
  expect(audit).toMatchObject({ actorId: user.id, action: "create" });
  expect(audit.changes).toMatchObject({ actionId: action.id, name: validIndicator.name, targetValue: 1500, disaggregation: "SEX, REGION" });
});

const invalidCases: [string, Fields, Record<string, string>][] = [
  ["a percentage above 100", { kind: "PERCENTAGE", targetValue: "120", baselineValue: "10" }, { targetValue: "validation.percentageRange" }],
  ["a yes/no value other than 0 or 1", { kind: "YES_NO", baselineValue: "0", targetValue: "2" }, { targetValue: "validation.yesNoValue" }],
  ["a target date before the baseline date", { baselineDate: "2026-01-01", targetDate: "2025-06-30" }, { targetDate: "validation.targetBeforeBaseline" }],
  ["a value that is not a number", { targetValue: "beaucoup" }, { targetValue: "validation.number" }],
  ["an unknown frequency", { frequency: "WEEKLY" }, { frequency: "validation.invalidChoice" }],
  ["a missing name", { name: "" }, { name: "validation.required" }],
];

for (const [name, overrides, errors] of invalidCases) {
  test(`adding an indicator with ${name} gets 400 with the French message key and writes nothing`, async () => {
    const { cookie } = await signedInAs("ADMIN");
    const action = await draftAction();
    const result = await postNewIndicator(action.id, { ...validIndicator, ...overrides }, cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors, values: { unit: "personnes", disaggregation: ["SEX", "REGION"] } });
    expect(await prisma.indicator.count({ where: { actionId: action.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityType: "Indicator", changes: { path: ["actionId"], equals: action.id } } })).toBe(0);
  });
}

test("editing an indicator saves it, bumps its version and records the changed fields", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const action = await draftAction();
  await postNewIndicator(action.id, validIndicator, cookie);
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const form = await indicatorForm(action.id, indicator.id, cookie);
  expect(form).toMatchObject({ baselineValue: "120", targetValue: "1500", baselineDate: "2024-12-31", version: "1" });
  const result = await postIndicator(action.id, indicator.id, { ...form, targetValue: "2000", frequency: "ANNUAL" }, cookie);
  expect(result.status).toBe(302);
  expect(await prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id }, select: { targetValue: true, version: true } })).toEqual({
    targetValue: 2000,
    version: 2,
  });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Indicator", entityId: indicator.id, action: "update" } });
  expect(audit.actorId).toBe(user.id);
  expect(audit.changes).toEqual({
    actionId: action.id,
    targetValue: { from: 1500, to: 2000 },
    frequency: { from: "QUARTERLY", to: "ANNUAL" },
    version: { from: 1, to: 2 },
  });
});

test("a stale indicator form gets 409, changes nothing and names the fields changed meanwhile", async () => {
  const first = await signedInAs("FACILITATOR");
  const second = await signedInAs("FACILITATOR");
  const action = await draftAction();
  await postNewIndicator(action.id, validIndicator, first.cookie);
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const opened = await indicatorForm(action.id, indicator.id, second.cookie);
  const form = await indicatorForm(action.id, indicator.id, first.cookie);
  expect((await postIndicator(action.id, indicator.id, { ...form, unit: "ménages" }, first.cookie)).status).toBe(302);
  const stale = await postIndicator(action.id, indicator.id, { ...opened, targetValue: "900" }, second.cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { targetValue: "900" }, changed: [{ field: "unit", current: "ménages" }] });
  expect(await prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id }, select: { targetValue: true, unit: true, version: true } })).toEqual({
    targetValue: 1500,
    unit: "ménages",
    version: 2,
  });
});

test("removing an indicator needs the confirmation box, then writes an audit entry the action's history still shows", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const action = await draftAction();
  await postNewIndicator(action.id, validIndicator, cookie);
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const unconfirmed = await postIndicator(action.id, indicator.id, { intent: "delete" }, cookie);
  expect(unconfirmed.status).toBe(400);
  expect(unconfirmed.body).toMatchObject({ errors: { confirm: "validation.confirmRequired" } });
  const removed = await postIndicator(action.id, indicator.id, { intent: "delete", confirm: "on" }, cookie);
  expect(removed.status).toBe(302);
  expect(removed.location).toBe(`/actions/${action.id}?notice=indicatorDeleted`);
  expect(await prisma.indicator.count({ where: { actionId: action.id } })).toBe(0);

  const page = await call(() => actionPage.loader({ request: getRequest(`/actions/${action.id}`, { cookie }), params: { actionId: action.id }, context }));
  const history = (page.body as { history: { entityType: string; action: string }[] }).history;
  expect(history.map((event) => `${event.entityType}.${event.action}`)).toEqual(["Indicator.delete", "Indicator.create"]);
});

test("an indicator of another action is not found through this action's URL", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const mine = await draftAction();
  const plan = await createPlan();
  const other = await createAction(plan.id);
  const foreign = await prisma.indicator.findFirstOrThrow({ where: { actionId: other.id }, select: { id: true } });
  const loaded = await call(() =>
    indicatorPage.loader({ request: getRequest(`/actions/${mine.id}/indicators/${foreign.id}`, { cookie }), params: { actionId: mine.id, indicatorId: foreign.id }, context }),
  );
  expect(loaded.status).toBe(404);
  const removed = await postIndicator(mine.id, foreign.id, { intent: "delete", confirm: "on" }, cookie);
  expect(removed.status).toBe(404);
  expect(await prisma.indicator.count({ where: { id: foreign.id } })).toBe(1);
});

test("an adopted plan's indicators cannot be added, edited or removed: 409", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const plan = await createPlan({ status: "ADOPTED" });
  const action = await createAction(plan.id);
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  expect((await postNewIndicator(action.id, validIndicator, cookie)).status).toBe(409);
  expect((await postIndicator(action.id, indicator.id, { ...validIndicator, intent: "update", version: "1" }, cookie)).status).toBe(409);
  expect((await postIndicator(action.id, indicator.id, { intent: "delete", confirm: "on" }, cookie)).status).toBe(409);
  expect(await prisma.indicator.count({ where: { actionId: action.id } })).toBe(1);
});

test("a facilitator links an indicator to SDG indicators on the form, then changes them; the audit trail records both", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const action = await draftAction();
  const created = await postNewIndicator(action.id, { ...validIndicator, globalIndicators: ["SDG-10.c.1", "SDG-17.3.2"] }, cookie);
  expect(created.status).toBe(302);
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const links = async () =>
    (await prisma.indicatorGlobalLink.findMany({ where: { indicatorId: indicator.id }, orderBy: { globalIndicatorId: "asc" } })).map((link) => link.globalIndicatorId);
  expect(await links()).toEqual(["SDG-10.c.1", "SDG-17.3.2"]);

  const form = await indicatorForm(action.id, indicator.id, cookie);
  expect(form.globalIndicators).toEqual(["SDG-10.c.1", "SDG-17.3.2"]);
  const saved = await postIndicator(action.id, indicator.id, { ...form, globalIndicators: ["SDG-10.7.1"] }, cookie);
  expect(saved.status).toBe(302);
  expect(await links()).toEqual(["SDG-10.7.1"]);
  const audit = await prisma.auditEvent.findMany({ where: { entityType: "Indicator", entityId: indicator.id }, orderBy: { at: "asc" }, select: { changes: true } });
  expect(audit[0]?.changes).toMatchObject({ globalIndicators: "SDG-10.c.1, SDG-17.3.2" });
  expect(audit[1]?.changes).toMatchObject({ globalIndicators: { from: "SDG-10.c.1, SDG-17.3.2", to: "SDG-10.7.1" } });
});

test("an unknown global indicator is refused with a 400 and a French message beside the field, keeping what was typed", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const action = await draftAction();
  const result = await postNewIndicator(action.id, { ...validIndicator, globalIndicators: ["SDG-99.9.9"] }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    errors: { globalIndicators: "validation.unknownGlobalIndicator" },
    values: { name: validIndicator.name, globalIndicators: ["SDG-99.9.9"] },
  });
  expect(await prisma.indicator.count({ where: { actionId: action.id } })).toBe(0);
});
