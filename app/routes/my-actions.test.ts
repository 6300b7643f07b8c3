import { expect, test } from "vitest";
import { addActionPartner, createAction, createPlan, createReportingPeriod, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { loader as homeLoader } from "./_index";
import { loader as myActionsLoader } from "./my-actions";

/** A calendar day `days` from today, as "AAAA-MM-JJ". */
function shift(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function addReport(
  actionId: string,
  periodId: string,
  organisationId: string,
  reviewState: "DRAFT" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED",
  submittedAt: string | null = null,
) {
  return prisma.progressReport.create({
    data: { actionId, periodId, organisationId, reviewState, submittedAt: submittedAt ? new Date(`${submittedAt}T10:00:00Z`) : null },
    select: { id: true },
  });
}

function itemsOf(body: unknown) {
  if (!body || typeof body !== "object" || !("work" in body) || !body.work || typeof body.work !== "object" || !("items" in body.work)) return [];
  const items = body.work.items;
  return Array.isArray(items) ? items : [];
}

test("Mes actions lists expected reports, missing ones included, ordered by urgency", async () => {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2035-12-31" });
  const focal = await signedInAs("FOCAL_POINT");
  const organisationId = focal.user.organisationId ?? "";
  const lead = { leadOrganisationId: organisationId };
  const [a1, a2, a3, a4, a5, a6, a7] = await Promise.all(
    ["MA-1", "MA-2", "MA-3", "MA-4", "MA-5", "MA-6", "MA-7"].map((code) => createAction(plan.id, { ...lead, code })),
  );
  if (!a1 || !a2 || !a3 || !a4 || !a5 || !a6 || !a7) throw new Error("actions not created");
  await prisma.action.update({ where: { id: a5.id }, data: { status: "COMPLETED" } });
  // Planned to start after the current period: owes nothing yet.
  await prisma.action.update({ where: { id: a6.id }, data: { startDate: new Date(`${shift(60)}T00:00:00Z`) } });
  await prisma.action.update({ where: { id: a7.id }, data: { status: "CANCELLED" } });
  await createAction(plan.id, { code: "AUTRE-1" });

  const closed = await createReportingPeriod(plan.id, { label: "Close", startDate: shift(-300), endDate: shift(-250), dueDate: shift(-220), status: "CLOSED" });
  const past = await createReportingPeriod(plan.id, { label: "Passée", startDate: shift(-120), endDate: shift(-60), dueDate: shift(-30) });
  const current = await createReportingPeriod(plan.id, { label: "En cours", startDate: shift(-30), endDate: shift(30), dueDate: shift(60) });
  await createReportingPeriod(plan.id, { label: "À venir", startDate: shift(100), endDate: shift(190), dueDate: shift(220) });

  await addReport(a7.id, closed.id, organisationId, "CHANGES_REQUESTED", shift(-225));
  await addReport(a1.id, past.id, organisationId, "CHANGES_REQUESTED", shift(-40));
  await addReport(a3.id, past.id, organisationId, "DRAFT");
  await addReport(a4.id, past.id, organisationId, "SUBMITTED", shift(-31));
  await addReport(a2.id, current.id, organisationId, "DRAFT");
  await addReport(a3.id, current.id, organisationId, "SUBMITTED", shift(-1));
  await addReport(a4.id, current.id, organisationId, "APPROVED", shift(-2));

  const result = await call(() => myActionsLoader({ request: getRequest("/my-actions", { cookie: focal.cookie }), params: {}, context }));
  expect(result.status).toBe(200);
  const summary = itemsOf(result.body).map((item) => `${item.urgency} ${item.action.code} ${item.period.label}${item.report ? "" : " (manquant)"}`);
  expect(summary).toEqual([
    "changesRequested MA-7 Close",
    "changesRequested MA-1 Passée",
    "late MA-2 Passée (manquant)",
    "late MA-3 Passée",
    "due MA-1 En cours (manquant)",
    "draft MA-2 En cours",
    "submitted MA-4 Passée",
    "submitted MA-3 En cours",
    "approved MA-4 En cours",
  ]);
  expect(result.body).toMatchObject({ work: { counts: { changesRequested: 2, late: 2, due: 1, draft: 1, submitted: 2, approved: 1 } } });

  // The home page sums it up for the focal point.
  const home = await call(() => homeLoader({ request: getRequest("/", { cookie: focal.cookie }), params: {}, context }));
  expect(home.body).toMatchObject({ reportCounts: { changesRequested: 2, late: 2, due: 1 } });
});

test("Mes actions lists the partners' reports a focal point may contribute to", async () => {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2035-12-31" });
  const partner = await signedInAs("FOCAL_POINT");
  const action = await createAction(plan.id, { code: "PART-1" });
  await addActionPartner(action.id, partner.user.organisationId ?? "");
  const period = await createReportingPeriod(plan.id, { startDate: shift(-30), endDate: shift(30), dueDate: shift(60) });
  await addReport(action.id, period.id, action.leadOrganisationId, "DRAFT");
  const result = await call(() => myActionsLoader({ request: getRequest("/my-actions", { cookie: partner.cookie }), params: {}, context }));
  expect(result.body).toMatchObject({ partnerReports: [{ action: { code: "PART-1" } }], work: { items: [] } });
});

test("Mes actions is the focal points' page", async () => {
  for (const role of ["ADMIN", "FACILITATOR", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => myActionsLoader({ request: getRequest("/my-actions", { cookie }), params: {}, context }));
    expect(result.status, role).toBe(403);
  }
});
