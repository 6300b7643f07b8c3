import { expect, test } from "vitest";
import {
  addActionPartner,
  createAction,
  createIndicator,
  createOrganisation,
  createPlan,
  createReportingPeriod,
  signedInAs,
} from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { reopenMissingReport, reopenReport } from "~/modules/reporting/reports.server";
import { prisma } from "~/utils/db.server";
import { action as reportAction, loader as reportLoader } from "./reports.$reportId";
import { action as newReportAction } from "./reports.new";
import { action as reviewAction } from "./reviews.$reportId";

/** An adopted plan with an open period and an action led by a focal point's organisation (one NUMBER indicator). */
async function scenario(options: { periodStatus?: "OPEN" | "CLOSED" } = {}) {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2035-12-31" });
  const focal = await signedInAs("FOCAL_POINT");
  const organisationId = focal.user.organisationId ?? "";
  const action = await createAction(plan.id, { leadOrganisationId: organisationId });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: action.id }, select: { id: true } });
  const period = await createReportingPeriod(plan.id, { status: options.periodStatus ?? "OPEN" });
  return { plan, focal, organisationId, action, indicator, period };
}

async function start(actionId: string, periodId: string, cookie: string) {
  return call(() => newReportAction({ request: postRequest("/reports/new", { actionId, periodId }, { cookie }), params: {}, context }));
}

/** Starts the report through the route and returns its id. */
async function startReport(actionId: string, periodId: string, cookie: string) {
  const result = await start(actionId, periodId, cookie);
  expect(result.status).toBe(302);
  return (result.location ?? "").replace("/reports/", "");
}

async function post(reportId: string, fields: Record<string, string | string[]>, cookie: string) {
  return call(() => reportAction({ request: postRequest(`/reports/${reportId}`, fields, { cookie }), params: { reportId }, context }));
}

async function load(reportId: string, cookie: string) {
  return call(() => reportLoader({ request: getRequest(`/reports/${reportId}`, { cookie }), params: { reportId }, context }));
}

async function version(reportId: string) {
  return (await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } })).version;
}

/** A complete report for the scenario's indicator. */
async function complete(reportId: string, indicatorId: string, overrides: Record<string, string> = {}) {
  return {
    intent: "submit",
    version: String(await version(reportId)),
    status: "IN_PROGRESS",
    statusReason: "",
    progress: "40",
    narrative: "Trois campagnes d'information menées à Kayes et Koulikoro.",
    challenges: "",
    nextSteps: "Étendre à Sikasso.",
    evidenceLinks: "https://mmeia.gouv.ml/rapport-2026.pdf",
    [`value-${indicatorId}`]: "12",
    ...overrides,
  };
}

function abilitiesOf(body: unknown) {
  if (body && typeof body === "object" && "abilities" in body) return body.abilities;
  return null;
}

test("a focal point starts the report of their action; starting it again opens the same report", async () => {
  const { focal, action, period } = await scenario();
  const first = await start(action.id, period.id, focal.cookie);
  const second = await start(action.id, period.id, focal.cookie);
  expect(first.status).toBe(302);
  expect(second.location).toBe(first.location);
  const reports = await prisma.progressReport.findMany({ where: { actionId: action.id, periodId: period.id }, select: { id: true, reviewState: true, organisationId: true } });
  expect(reports).toEqual([{ id: (first.location ?? "").replace("/reports/", ""), reviewState: "DRAFT", organisationId: focal.user.organisationId }]);
});

test("a draft may be incomplete; submitting asks for status, progress, narrative and every indicator value", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const draft = await post(reportId, { intent: "save", version: String(await version(reportId)), status: "", progress: "", narrative: "Début des activités." }, focal.cookie);
  expect(draft.status).toBe(302);
  expect(draft.location).toBe(`/reports/${reportId}?notice=saved`);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { narrative: true, reviewState: true } })).toEqual({
    narrative: "Début des activités.",
    reviewState: "DRAFT",
  });

  const incomplete = await post(
    reportId,
    { intent: "submit", version: String(await version(reportId)), status: "", progress: "", narrative: "", [`value-${indicator.id}`]: "" },
    focal.cookie,
  );
  expect(incomplete.status).toBe(400);
  expect(incomplete.body).toMatchObject({
    errors: {
      status: "validation.required",
      progress: "validation.required",
      narrative: "validation.required",
      [`value-${indicator.id}`]: "reports.valueRequired",
    },
  });
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewState: true } })).toEqual({ reviewState: "DRAFT" });
});

test("once submitted the report is read-only for the focal point, and crafted saves or submissions change nothing", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const submitted = await post(reportId, await complete(reportId, indicator.id), focal.cookie);
  expect(submitted.status).toBe(302);
  expect(submitted.location).toBe(`/reports/${reportId}?notice=submitted`);
  const stored = await prisma.progressReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { reviewState: true, version: true, narrative: true, progress: true, submittedAt: true, submittedById: true, evidenceLinks: true, values: { select: { value: true } } },
  });
  expect(stored).toMatchObject({ reviewState: "SUBMITTED", progress: 40, submittedById: focal.user.id, evidenceLinks: ["https://mmeia.gouv.ml/rapport-2026.pdf"], values: [{ value: 12 }] });

  const page = await load(reportId, focal.cookie);
  expect(page.status).toBe(200);
  expect(abilitiesOf(page.body)).toMatchObject({ read: true, edit: false, submit: false });

  for (const intent of ["save", "submit"]) {
    const crafted = await post(reportId, await complete(reportId, indicator.id, { intent, narrative: "Réécrit après soumission", progress: "90" }), focal.cookie);
    expect(crafted.status, intent).toBe(409);
    expect(crafted.body).toMatchObject({ errors: { form: "reports.notEditable" } });
  }
  expect(
    await prisma.progressReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { reviewState: true, version: true, narrative: true, progress: true, submittedAt: true, submittedById: true, evidenceLinks: true, values: { select: { value: true } } },
    }),
  ).toEqual(stored);
  // An approved report is as final.
  await prisma.progressReport.update({ where: { id: reportId }, data: { reviewState: "APPROVED" } });
  expect((await post(reportId, await complete(reportId, indicator.id, { intent: "save" }), focal.cookie)).status).toBe(409);
});

test("only the lead organisation's focal point saves and submits; reviewers and others read or are refused", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  for (const role of ["REVIEWER", "ADMIN", "FACILITATOR", "OBSERVER"] as const) {
    const other = await signedInAs(role);
    const page = await load(reportId, other.cookie);
    expect(page.status, role).toBe(200);
    expect(abilitiesOf(page.body), role).toMatchObject({ read: true, edit: false, submit: false });
    const saved = await post(reportId, await complete(reportId, indicator.id, { intent: "save" }), other.cookie);
    expect(saved.status, role).toBe(403);
    const submitted = await post(reportId, await complete(reportId, indicator.id), other.cookie);
    expect(submitted.status, role).toBe(403);
  }
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewState: true, version: true } })).toEqual({
    reviewState: "DRAFT",
    version: 1,
  });
});

test("another organisation's focal point gets 403 on the report's page, its form and when starting it", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const stranger = await signedInAs("FOCAL_POINT");
  expect((await load(reportId, stranger.cookie)).status).toBe(403);
  expect((await post(reportId, await complete(reportId, indicator.id, { intent: "save" }), stranger.cookie)).status).toBe(403);
  expect((await post(reportId, await complete(reportId, indicator.id), stranger.cookie)).status).toBe(403);
  expect((await post(reportId, { intent: "reply", body: "Bonjour" }, stranger.cookie)).status).toBe(403);
  expect((await start(action.id, period.id, stranger.cookie)).status).toBe(403);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } })).toEqual({ version: 1 });
});

test("a stale version gets 409 with the input kept and the latest version handed back", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const opened = await version(reportId);
  expect((await post(reportId, { intent: "save", version: String(opened), narrative: "Saisi dans un autre onglet" }, focal.cookie)).status).toBe(302);
  const stale = await post(reportId, await complete(reportId, indicator.id, { version: String(opened), narrative: "Mon texte" }), focal.cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { narrative: "Mon texte", version: String(opened + 1) } });
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { narrative: true, reviewState: true } })).toEqual({
    narrative: "Saisi dans un autre onglet",
    reviewState: "DRAFT",
  });
});

test("sent back with comments, the report is editable again, the focal point replies and resubmits", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  expect((await post(reportId, await complete(reportId, indicator.id), focal.cookie)).status).toBe(302);
  const firstSubmission = await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { submittedAt: true } });
  // The reviewer sends it back through the review page's own action.
  const reviewer = await signedInAs("REVIEWER");
  const fields = { intent: "requestChanges", version: String(await version(reportId)), comment: "Ventilez les bénéficiaires par région." };
  const sentBack = await call(() => reviewAction({ request: postRequest(`/reviews/${reportId}`, fields, { cookie: reviewer.cookie }), params: { reportId }, context }));
  expect(sentBack.status).toBe(302);

  const page = await load(reportId, focal.cookie);
  expect(abilitiesOf(page.body)).toMatchObject({ edit: true, submit: true, reply: true });
  expect(page.body).toMatchObject({ report: { comments: [{ kind: "CHANGES_REQUESTED", body: "Ventilez les bénéficiaires par région." }] } });

  const emptyReply = await post(reportId, { intent: "reply", body: " " }, focal.cookie);
  expect(emptyReply.status).toBe(400);
  expect(emptyReply.body).toMatchObject({ intent: "reply", errors: { body: "validation.required" } });
  expect((await post(reportId, { intent: "reply", body: "C'est fait, voir la version révisée." }, focal.cookie)).status).toBe(302);
  expect(await prisma.reviewComment.findMany({ where: { reportId, kind: "REPLY" }, select: { authorId: true, body: true } })).toEqual([
    { authorId: focal.user.id, body: "C'est fait, voir la version révisée." },
  ]);

  const resubmitted = await post(reportId, await complete(reportId, indicator.id, { narrative: "Version révisée" }), focal.cookie);
  expect(resubmitted.status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewState: true, narrative: true, submittedAt: true } })).toEqual({
    reviewState: "SUBMITTED",
    narrative: "Version révisée",
    // Timeliness is judged on the first submission.
    submittedAt: firstSubmission.submittedAt,
  });
  // Replying is for reports sent back only.
  expect((await post(reportId, { intent: "reply", body: "Encore un mot" }, focal.cookie)).status).toBe(409);
  // The reviewers hear of the resubmission (this reviewer's account was created after the first one).
  expect(await prisma.notification.count({ where: { userId: reviewer.user.id, kind: "reportSubmitted" } })).toBe(1);
});

test("submission into a closed period is refused, then allowed once after a reviewer reopens the report", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  await prisma.reportingPeriod.update({ where: { id: period.id }, data: { status: "CLOSED", closedAt: new Date() } });

  const refused = await post(reportId, await complete(reportId, indicator.id), focal.cookie);
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ errors: { form: "reports.periodClosed" } });
  expect(abilitiesOf((await load(reportId, focal.cookie)).body)).toMatchObject({ edit: false, submit: false, blockedByClosedPeriod: true });

  const reviewer = await signedInAs("REVIEWER");
  await reopenReport(reviewer.user, reportId);
  expect(abilitiesOf((await load(reportId, focal.cookie)).body)).toMatchObject({ edit: true, submit: true });
  const accepted = await post(reportId, await complete(reportId, indicator.id), focal.cookie);
  expect(accepted.status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewState: true, reopenedAt: true } })).toEqual({
    reviewState: "SUBMITTED",
    reopenedAt: null,
  });
  expect(await prisma.auditEvent.count({ where: { entityId: reportId, action: "reopen" } })).toBe(1);
});

test("no new report can be started in a closed period, unless a reviewer reopens the missing report", async () => {
  const { focal, action, period, indicator } = await scenario({ periodStatus: "CLOSED" });
  const result = await start(action.id, period.id, focal.cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe("/my-actions?notice=periodClosed");
  expect(await prisma.progressReport.count({ where: { actionId: action.id } })).toBe(0);

  const reviewer = await signedInAs("REVIEWER");
  const reopened = await reopenMissingReport(reviewer.user, action.id, period.id);
  expect(await startReport(action.id, period.id, focal.cookie)).toBe(reopened.id);
  expect((await post(reopened.id, await complete(reopened.id, indicator.id), focal.cookie)).status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reopened.id }, select: { reviewState: true, organisationId: true } })).toEqual({
    reviewState: "SUBMITTED",
    organisationId: focal.user.organisationId,
  });
});

test("a delayed or cancelled action needs a reason to be submitted (a draft may wait)", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  for (const status of ["DELAYED", "CANCELLED"]) {
    const result = await post(reportId, await complete(reportId, indicator.id, { status }), focal.cookie);
    expect(result.status, status).toBe(400);
    expect(result.body).toMatchObject({ errors: { statusReason: "validation.reasonRequired" }, values: { status } });
  }
  expect((await post(reportId, await complete(reportId, indicator.id, { intent: "save", status: "DELAYED" }), focal.cookie)).status).toBe(302);
  const explained = await post(reportId, await complete(reportId, indicator.id, { status: "DELAYED", statusReason: "Fonds décaissés en retard." }), focal.cookie);
  expect(explained.status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, statusReason: true } })).toEqual({
    status: "DELAYED",
    statusReason: "Fonds décaissés en retard.",
  });
});

test("values respect their indicator: progress and percentages within 0-100, yes/no as 1 or 0", async () => {
  const { focal, action, period, indicator } = await scenario();
  const percentage = await createIndicator(action.id, { kind: "PERCENTAGE" });
  const yesNo = await createIndicator(action.id, { kind: "YES_NO" });
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const fields = { [`value-${percentage.id}`]: "100,5", [`value-${yesNo.id}`]: "2", progress: "101" };
  for (const intent of ["save", "submit"]) {
    const result = await post(reportId, await complete(reportId, indicator.id, { ...fields, intent }), focal.cookie);
    expect(result.status, intent).toBe(400);
    expect(result.body).toMatchObject({
      errors: {
        [`value-${percentage.id}`]: "validation.percentageRange",
        [`value-${yesNo.id}`]: "validation.yesNoValue",
        progress: "reports.progressRange",
      },
    });
  }
  const ok = await post(reportId, await complete(reportId, indicator.id, { [`value-${percentage.id}`]: "62,5", [`value-${yesNo.id}`]: "1" }), focal.cookie);
  expect(ok.status).toBe(302);
  const values = await prisma.indicatorValue.findMany({ where: { reportId }, select: { indicatorId: true, value: true } });
  expect(Object.fromEntries(values.map((value) => [value.indicatorId, value.value]))).toEqual({ [indicator.id]: 12, [percentage.id]: 62.5, [yesNo.id]: 1 });
});

test("a number's break-down must add up to its total; a matching one is stored by dimension", async () => {
  const { focal, action, period, indicator } = await scenario();
  const people = await createIndicator(action.id, { name: "Personnes sensibilisées", unit: "personnes", disaggregation: ["SEX", "REGION"] });
  const reportId = await startReport(action.id, period.id, focal.cookie);
  const total = `value-${people.id}`;
  const mismatch = await post(
    reportId,
    await complete(reportId, indicator.id, { [total]: "42", [`${total}-SEX-F`]: "12", [`${total}-SEX-M`]: "20", [`${total}-REGION-KAYES`]: "42" }),
    focal.cookie,
  );
  expect(mismatch.status).toBe(400);
  expect(mismatch.body).toMatchObject({ errors: { [`${total}-SEX`]: "reports.breakdownSum" }, values: { [`${total}-SEX-M`]: "20" } });
  expect(mismatch.body).not.toMatchObject({ errors: { [`${total}-REGION`]: expect.anything() } });

  const matching = await post(
    reportId,
    await complete(reportId, indicator.id, { [total]: "42", [`${total}-SEX-F`]: "12", [`${total}-SEX-M`]: "30", [`${total}-REGION-KAYES`]: "40", [`${total}-REGION-GAO`]: "2" }),
    focal.cookie,
  );
  expect(matching.status).toBe(302);
  expect(await prisma.indicatorValue.findUniqueOrThrow({ where: { reportId_indicatorId: { reportId, indicatorId: people.id } }, select: { value: true, disaggregation: true } })).toEqual({
    value: 42,
    disaggregation: { SEX: { F: 12, M: 30 }, REGION: { KAYES: 40, GAO: 2 } },
  });
});

test("every evidence link must be an http(s) address", async () => {
  const { focal, action, period, indicator } = await scenario();
  const reportId = await startReport(action.id, period.id, focal.cookie);
  for (const links of ["https://mmeia.gouv.ml/rapport.pdf\nftp://serveur/fichier", "www.mmeia.gouv.ml", "javascript:alert(1)"]) {
    const result = await post(reportId, await complete(reportId, indicator.id, { intent: "save", evidenceLinks: links }), focal.cookie);
    expect(result.status, links).toBe(400);
    expect(result.body).toMatchObject({ errors: { evidenceLinks: "reports.evidenceUrl" }, values: { evidenceLinks: links } });
  }
  const ok = await post(reportId, await complete(reportId, indicator.id, { intent: "save", evidenceLinks: " https://a.ml/x.pdf \r\n\r\nhttp://b.ml/photos " }), focal.cookie);
  expect(ok.status).toBe(302);
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { evidenceLinks: true } })).toEqual({
    evidenceLinks: ["https://a.ml/x.pdf", "http://b.ml/photos"],
  });
});

test("a partner organisation's focal point reads the report and adds a contribution; others cannot", async () => {
  const { focal, action, period } = await scenario();
  const partnerOrganisation = await createOrganisation();
  await addActionPartner(action.id, partnerOrganisation.id);
  const partner = await signedInAs("FOCAL_POINT", { organisationId: partnerOrganisation.id });
  const reportId = await startReport(action.id, period.id, focal.cookie);

  const page = await load(reportId, partner.cookie);
  expect(page.status).toBe(200);
  expect(abilitiesOf(page.body)).toMatchObject({ read: true, edit: false, contribute: true });
  const added = await post(reportId, { intent: "contribute", note: "L'OIM a financé deux émissions radio à Kayes." }, partner.cookie);
  expect(added.status).toBe(302);
  expect(added.location).toBe(`/reports/${reportId}?notice=contributed`);
  expect(await prisma.reportContribution.findMany({ where: { reportId }, select: { organisationId: true, authorId: true, note: true } })).toEqual([
    { organisationId: partnerOrganisation.id, authorId: partner.user.id, note: "L'OIM a financé deux émissions radio à Kayes." },
  ]);
  const empty = await post(reportId, { intent: "contribute", note: "" }, partner.cookie);
  expect(empty.status).toBe(400);
  // A partner cannot edit the lead's report.
  expect((await post(reportId, { intent: "save", version: "1", narrative: "Réécrit" }, partner.cookie)).status).toBe(403);

  const stranger = await signedInAs("FOCAL_POINT");
  expect((await post(reportId, { intent: "contribute", note: "Je ne suis pas partenaire." }, stranger.cookie)).status).toBe(403);
  expect((await post(reportId, { intent: "contribute", note: "Le chef de file." }, focal.cookie)).status).toBe(403);
  const reviewer = await signedInAs("REVIEWER");
  expect((await post(reportId, { intent: "contribute", note: "Relecteur." }, reviewer.cookie)).status).toBe(403);
  expect(await prisma.reportContribution.count({ where: { reportId } })).toBe(1);
});

test("an unknown report is a 404; signed out, the page redirects to the login page", async () => {
  const focal = await signedInAs("FOCAL_POINT");
  expect((await load("nope", focal.cookie)).status).toBe(404);
  const signedOut = await call(() => reportLoader({ request: getRequest("/reports/nope"), params: { reportId: "nope" }, context }));
  expect(signedOut.status).toBe(302);
  expect((await start("nope", "nope", focal.cookie)).status).toBe(404);
});
