import { expect, test } from "vitest";
import { createAction, createPlan, createProgressReport, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { loader as printLoader } from "./reports.$reportId_.print";

async function scenario() {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2035-12-31" });
  const focal = await signedInAs("FOCAL_POINT");
  const action = await createAction(plan.id, { leadOrganisationId: focal.user.organisationId ?? "" });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const period = await createReportingPeriod(plan.id, { status: "OPEN" });
  const report = await createProgressReport(action.id, period.id, {
    state: "SUBMITTED",
    narrative: "Deux ateliers tenus à Ségou.",
    values: [{ indicatorId: indicator.id, value: 12 }],
  });
  await prisma.reviewComment.create({ data: { reportId: report.id, kind: "COMMENT", body: "Merci, très clair." } });
  return { focal, report };
}

async function print(reportId: string, cookie: string) {
  return call(() => printLoader({ request: getRequest(`/reports/${reportId}/print`, { cookie }), params: { reportId }, context }));
}

test("the printable sheet carries the report, its indicator values and the comments", async () => {
  const { focal, report } = await scenario();
  const result = await print(report.id, focal.cookie);
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    report: { id: report.id, narrative: "Deux ateliers tenus à Ségou.", values: [{ value: 12 }], comments: [{ body: "Merci, très clair." }] },
  });
});

test("a reviewer prints any report; another ministry's focal point may not", async () => {
  const { report } = await scenario();
  const reviewer = await signedInAs("REVIEWER");
  expect((await print(report.id, reviewer.cookie)).status).toBe(200);
  const other = await signedInAs("FOCAL_POINT");
  expect((await print(report.id, other.cookie)).status).toBe(403);
  expect((await print("missing", reviewer.cookie)).status).toBe(404);
});
