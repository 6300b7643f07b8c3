import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { createAction, createPlan, createProgressReport, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action as syncAction } from "./offline.sync";

/** A draft report of an action led by a focal point's organisation (one NUMBER indicator). */
async function scenario() {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2035-12-31" });
  const focal = await signedInAs("FOCAL_POINT");
  const action = await createAction(plan.id, { leadOrganisationId: focal.user.organisationId ?? "" });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const period = await createReportingPeriod(plan.id, { status: "OPEN" });
  const report = await createProgressReport(action.id, period.id);
  return { focal, indicator, report };
}

function entry(reportId: string, indicatorId: string, key: string, overrides: Record<string, string> = {}) {
  return {
    idempotencyKey: key,
    reportId,
    intent: "submit",
    version: "1",
    status: "IN_PROGRESS",
    statusReason: "",
    progress: "55",
    narrative: "Saisi hors ligne à Kayes, envoyé au retour du réseau.",
    challenges: "",
    nextSteps: "",
    evidenceLinks: "",
    [`value-${indicatorId}`]: "14",
    ...overrides,
  };
}

async function sync(fields: Record<string, string>, cookie?: string) {
  return call(() => syncAction({ request: postRequest("/offline/sync", fields, { cookie }), params: {}, context }));
}

async function stored(reportId: string) {
  return prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { version: true, reviewState: true, narrative: true, progress: true } });
}

test("an outbox entry is saved once: sending the same key again returns the first result and changes nothing", async () => {
  const { focal, indicator, report } = await scenario();
  const key = randomUUID();
  const first = await sync(entry(report.id, indicator.id, key), focal.cookie);
  expect(first).toMatchObject({ status: 200, body: { status: "accepted", version: 2, reviewState: "SUBMITTED", replayed: false } });
  const again = await sync(entry(report.id, indicator.id, key), focal.cookie);
  expect(again).toMatchObject({ status: 200, body: { status: "accepted", version: 2, reviewState: "SUBMITTED", replayed: true } });
  expect(await stored(report.id)).toEqual({ version: 2, reviewState: "SUBMITTED", narrative: "Saisi hors ligne à Kayes, envoyé au retour du réseau.", progress: 55 });
  expect(await prisma.auditEvent.count({ where: { entityId: report.id, action: "submit" } })).toBe(1);
  expect(await prisma.reportDeviceSave.count({ where: { reportId: report.id } })).toBe(1);
});

test("the same key sent twice at once is saved once", async () => {
  const { focal, indicator, report } = await scenario();
  const key = randomUUID();
  const fields = entry(report.id, indicator.id, key, { intent: "save" });
  const results = await Promise.all([sync(fields, focal.cookie), sync(fields, focal.cookie)]);
  expect(results.map((result) => result.status)).toEqual([200, 200]);
  expect(results.map((result) => (result.body as { version: number }).version)).toEqual([2, 2]);
  expect((await stored(report.id)).version).toBe(2);
  expect(await prisma.auditEvent.count({ where: { entityId: report.id, action: "save" } })).toBe(1);
});

test("a save based on an older version is a conflict: nothing is overwritten", async () => {
  const { focal, indicator, report } = await scenario();
  await prisma.progressReport.update({ where: { id: report.id }, data: { narrative: "Corrigé par un collègue.", version: 2 } });
  const result = await sync(entry(report.id, indicator.id, randomUUID()), focal.cookie);
  expect(result).toMatchObject({ status: 409, body: { status: "conflict", reason: "stale", version: 2, reviewState: "DRAFT" } });
  expect(await stored(report.id)).toMatchObject({ version: 2, narrative: "Corrigé par un collègue.", reviewState: "DRAFT" });
  expect(await prisma.reportDeviceSave.count({ where: { reportId: report.id } })).toBe(0);
});

test("a report submitted meanwhile is a conflict that cannot be overwritten", async () => {
  const { focal, indicator, report } = await scenario();
  await prisma.progressReport.update({ where: { id: report.id }, data: { reviewState: "SUBMITTED", version: 2 } });
  const result = await sync(entry(report.id, indicator.id, randomUUID(), { version: "2" }), focal.cookie);
  expect(result).toMatchObject({ status: 409, body: { status: "conflict", reason: "notEditable", reviewState: "SUBMITTED" } });
});

test("bad values come back as field errors with 400, and nothing is saved", async () => {
  const { focal, indicator, report } = await scenario();
  const result = await sync(entry(report.id, indicator.id, randomUUID(), { progress: "140" }), focal.cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ status: "invalid", errors: { progress: expect.any(String) } });
  expect((await stored(report.id)).version).toBe(1);
});

test("another organisation's focal point, a signed-out device and a missing key are refused", async () => {
  const { indicator, report } = await scenario();
  const other = await signedInAs("FOCAL_POINT");
  const key = randomUUID();
  expect(await sync(entry(report.id, indicator.id, key), other.cookie)).toMatchObject({ status: 403, body: { reason: "forbidden" } });
  expect(await sync(entry(report.id, indicator.id, key))).toMatchObject({ status: 401, body: { reason: "signedOut" } });
  const focal = await signedInAs("FOCAL_POINT", { organisationId: report.organisationId });
  expect(await sync(entry(report.id, indicator.id, "not-a-key"), focal.cookie)).toMatchObject({ status: 400, body: { reason: "invalidKey" } });
  expect((await stored(report.id)).version).toBe(1);
});

test("a key cannot be replayed by someone else to learn another report's result", async () => {
  const { focal, indicator, report } = await scenario();
  const key = randomUUID();
  await sync(entry(report.id, indicator.id, key, { intent: "save" }), focal.cookie);
  const colleague = await signedInAs("FOCAL_POINT", { organisationId: report.organisationId });
  expect(await sync(entry(report.id, indicator.id, key, { intent: "save" }), colleague.cookie)).toMatchObject({ status: 409, body: { reason: "keyReused" } });
});
