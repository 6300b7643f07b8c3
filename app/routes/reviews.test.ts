import { expect, test } from "vitest";
import { createAction, createPlan, createProgressReport, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action as reviewAction, loader as reviewLoader } from "./reviews.$reportId";
import { loader as queueLoader } from "./reviews._index";

async function submittedReport(overrides: { periodStatus?: "OPEN" | "CLOSED"; state?: "DRAFT" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED" } = {}) {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id, { status: overrides.periodStatus ?? "OPEN" });
  const action = await createAction(plan.id);
  const report = await createProgressReport(action.id, period.id, { state: overrides.state ?? "SUBMITTED", status: "IN_PROGRESS", progress: 55 });
  return { plan, period, action, report };
}

function decide(reportId: string, fields: Record<string, string>, cookie: string) {
  return call(() => reviewAction({ request: postRequest(`/reviews/${reportId}`, fields, { cookie }), params: { reportId }, context }));
}

test("only admins and reviewers open the queue and the review page; everyone else gets 403", async () => {
  const { report, action } = await submittedReport();
  for (const role of ["ADMIN", "REVIEWER"] as const) {
    const { cookie } = await signedInAs(role);
    expect((await call(() => queueLoader({ request: getRequest("/reviews", { cookie }), params: {}, context }))).status, role).toBe(200);
    const page = await call(() => reviewLoader({ request: getRequest(`/reviews/${report.id}`, { cookie }), params: { reportId: report.id }, context }));
    expect(page.status, role).toBe(200);
    expect(page.body, role).toMatchObject({
      report: { id: report.id, organisation: { id: action.leadOrganisationId } },
      abilities: { decide: true, reopen: false, edit: false },
    });
  }
  for (const role of ["FACILITATOR", "OBSERVER", "FOCAL_POINT"] as const) {
    const { cookie } = await signedInAs(role);
    expect((await call(() => queueLoader({ request: getRequest("/reviews", { cookie }), params: {}, context }))).status, role).toBe(403);
    const page = await call(() => reviewLoader({ request: getRequest(`/reviews/${report.id}`, { cookie }), params: { reportId: report.id }, context }));
    expect(page.status, role).toBe(403);
  }
  // Not even the focal point of the organisation whose report it is.
  const own = await signedInAs("FOCAL_POINT", { organisationId: action.leadOrganisationId });
  const ownPage = await call(() => reviewLoader({ request: getRequest(`/reviews/${report.id}`, { cookie: own.cookie }), params: { reportId: report.id }, context }));
  expect(ownPage.status).toBe(403);
  const signedOut = await call(() => queueLoader({ request: getRequest("/reviews"), params: {}, context }));
  expect(signedOut.status).toBe(302);
});

test("nobody but a reviewer or an admin can approve, not even the focal point of the report's organisation", async () => {
  const { report, action } = await submittedReport();
  const focalPoint = await signedInAs("FOCAL_POINT", { organisationId: report.organisationId });
  for (const { cookie } of [focalPoint, await signedInAs("FACILITATOR"), await signedInAs("OBSERVER")]) {
    for (const intent of ["approve", "requestChanges", "reopen"]) {
      const result = await decide(report.id, { intent, version: String(report.version), comment: "Vu." }, cookie);
      expect(result.status, intent).toBe(403);
    }
  }
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true, version: true } })).toEqual({
    reviewState: "SUBMITTED",
    version: report.version,
  });
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { progress: true } })).toEqual({ progress: 0 });
});

test("a reviewer approves through the page and comes back to it with a notice", async () => {
  const { report, action } = await submittedReport();
  const { cookie } = await signedInAs("REVIEWER");
  const result = await decide(report.id, { intent: "approve", version: String(report.version), comment: "" }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/reviews/${report.id}?notice=approve`);
  expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true, progress: true } })).toEqual({
    status: "IN_PROGRESS",
    progress: 55,
  });
});

test("requesting changes without a comment gets 400 validation.required and changes nothing", async () => {
  const { report } = await submittedReport();
  const { cookie } = await signedInAs("REVIEWER");
  const result = await decide(report.id, { intent: "requestChanges", version: String(report.version), comment: "  " }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ intent: "requestChanges", errors: { comment: "validation.required" } });
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true } })).toEqual({ reviewState: "SUBMITTED" });

  const sent = await decide(report.id, { intent: "requestChanges", version: String(report.version), comment: "Ajoutez les preuves." }, cookie);
  expect(sent.status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true } })).toEqual({
    reviewState: "CHANGES_REQUESTED",
  });
});

test("a stale version gets 409 with the latest version and keeps the typed comment", async () => {
  const { report } = await submittedReport();
  await prisma.progressReport.update({ where: { id: report.id }, data: { version: { increment: 1 } } });
  const { cookie } = await signedInAs("REVIEWER");
  const result = await decide(report.id, { intent: "requestChanges", version: String(report.version), comment: "Mon commentaire" }, cookie);
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ errors: { form: "conflict.stale" }, comment: "Mon commentaire", version: report.version + 1 });
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true } })).toEqual({ reviewState: "SUBMITTED" });
});

test("a crafted approval of a draft or an approved report gets 409 and changes nothing", async () => {
  const { cookie } = await signedInAs("ADMIN");
  for (const state of ["DRAFT", "APPROVED", "CHANGES_REQUESTED"] as const) {
    const { report, action } = await submittedReport({ state });
    const result = await decide(report.id, { intent: "approve", version: String(report.version) }, cookie);
    expect(result.status, state).toBe(409);
    expect(result.body).toMatchObject({ errors: { form: "reviews.notSubmitted" } });
    expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reviewState: true, version: true } })).toEqual({
      reviewState: state,
      version: report.version,
    });
    expect(await prisma.action.findUniqueOrThrow({ where: { id: action.id }, select: { progress: true } })).toEqual({ progress: 0 });
  }
  const missing = await decide("nope", { intent: "approve", version: "1" }, cookie);
  expect(missing.status).toBe(404);
});

test("a reviewer reopens a report of a closed period; an approved one cannot be reopened", async () => {
  const { report } = await submittedReport({ periodStatus: "CLOSED", state: "DRAFT" });
  const { cookie, user } = await signedInAs("REVIEWER");
  const result = await decide(report.id, { intent: "reopen" }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/reviews/${report.id}?notice=reopen`);
  expect((await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { reopenedAt: true } })).reopenedAt).toBeInstanceOf(Date);
  expect(await prisma.auditEvent.count({ where: { entityId: report.id, action: "reopen", actorId: user.id } })).toBe(1);

  const approved = await submittedReport({ periodStatus: "CLOSED", state: "APPROVED" });
  const refused = await decide(approved.report.id, { intent: "reopen" }, cookie);
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ errors: { form: "reviews.reopenApproved" } });
});

test("the queue page keeps its filters and is ordered oldest first", async () => {
  const { report, action, period } = await submittedReport();
  const older = await createProgressReport((await createAction(action.planId, { leadOrganisationId: action.leadOrganisationId })).id, period.id, {
    state: "SUBMITTED",
    submittedAt: new Date("2020-01-01T00:00:00Z"),
  });
  const { cookie } = await signedInAs("REVIEWER");
  const result = await call(() =>
    queueLoader({ request: getRequest(`/reviews?organisation=${report.organisationId}&objective=99`, { cookie }), params: {}, context }),
  );
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    filters: { organisation: report.organisationId, objective: "", period: "" },
    total: 2,
    reports: [{ id: older.id }, { id: report.id }],
  });
});
