import { expect, test } from "vitest";
import {
  createAction,
  createPlan,
  createProgressReport,
  createProposal,
  createReportingPeriod,
  createWorkingGroup,
  createWorkshop,
  signedInAs,
} from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { loader } from "./_index";

type Home = {
  review: { count: number; oldest: { action: { code: string } }[] } | null;
  drafting: { drafts: { title: string }[]; workshops: { id: string; pending: number }[]; objectivesWithoutAction: number[] } | null;
};

test("a reviewer's home starts with the reports waiting for review, oldest first", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id);
  const older = await createAction(plan.id, { code: "HOME-OLD" });
  const newer = await createAction(plan.id, { code: "HOME-NEW" });
  await createProgressReport(newer.id, period.id, { state: "SUBMITTED", submittedAt: new Date("2026-03-02T10:00:00Z") });
  await createProgressReport(older.id, period.id, { state: "SUBMITTED", submittedAt: new Date("2026-03-01T10:00:00Z") });
  const { cookie } = await signedInAs("REVIEWER");
  const result = await call(() => loader({ request: getRequest("/", { cookie }), params: {}, context }));
  const body = result.body as Home;
  expect(body.review?.count).toBe(2);
  expect(body.review?.oldest.map((report) => report.action.code)).toEqual(["HOME-OLD", "HOME-NEW"]);
  expect(body.drafting).toBeNull();
});

test("a facilitator's home lists draft plans, proposals to consolidate and the current plan's gaps", async () => {
  const draft = await createPlan({ title: "Plan en brouillon pour l'accueil" });
  const workshop = await createWorkshop({ planId: draft.id });
  const group = await createWorkingGroup(workshop.id);
  await createProposal(group.id);
  await createProposal(group.id);
  const { cookie } = await signedInAs("FACILITATOR");
  const result = await call(() => loader({ request: getRequest("/", { cookie }), params: {}, context }));
  const body = result.body as Home;
  expect(body.drafting?.drafts.map((plan) => plan.title)).toContain("Plan en brouillon pour l'accueil");
  expect(body.drafting?.workshops.find((row) => row.id === workshop.id)?.pending).toBe(2);
  expect(body.drafting?.objectivesWithoutAction.length).toBeGreaterThan(0);
  expect(body.review).toBeNull();
});

test("an observer's home shows neither queue", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const result = await call(() => loader({ request: getRequest("/", { cookie }), params: {}, context }));
  expect(result.body).toMatchObject({ review: null, drafting: null });
});
