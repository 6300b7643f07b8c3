import { unzipSync, strFromU8 } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "vitest";
import { adoptPlan, startRevision } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import {
  addActionPartner,
  createAction,
  createIndicator,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  createUser,
  uniqueSuffix,
} from "../../../tests/factories";
import { towardsTarget } from "./document";
import { renderReviewDocx } from "./docx.server";
import { PdfUnavailableError, renderReviewPdf } from "./pdf.server";
import { buildReviewDocument, type ReviewReportRequest } from "./review-report.server";

/**
 * An adopted plan with three half-years and reports in every state. Each unapproved text
 * carries a marker that must never reach the document.
 */
async function reportedPlan() {
  const marker = uniqueSuffix();
  const admin = await createUser({ role: "ADMIN" });
  const plan = await createPlan({ title: `Plan revue ${marker}` });
  const partner = await createOrganisation({ acronym: `PART-${marker}`, name: `Partenaire ${marker}` });
  const a1 = await createAction(plan.id, { code: "O03-01", mainObjectiveNumber: 3, estimatedBudget: 1_000_000 });
  const a2 = await createAction(plan.id, { code: "O05-01", mainObjectiveNumber: 5, estimatedBudget: 500_000 });
  const a3 = await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21, estimatedBudget: 250_000 });
  await addActionPartner(a1.id, partner.id);
  await prisma.actionPrinciple.create({ data: { actionId: a1.id, principleNumber: 1 } });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { actionId: a1.id }, select: { id: true } });
  await prisma.indicator.update({ where: { id: indicator.id }, data: { baselineValue: 0, targetValue: 100, unit: "personnes" } });
  const version = await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
  await adoptPlan(admin.id, plan.id, { version: version.version });

  const p1 = await createReportingPeriod(plan.id, { label: `S1 2026 ${marker}`, startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31", status: "CLOSED" });
  const p2 = await createReportingPeriod(plan.id, { label: `S2 2026 ${marker}`, startDate: "2026-07-01", endDate: "2026-12-31", dueDate: "2027-01-31" });
  const p3 = await createReportingPeriod(plan.id, { label: `S1 2027 ${marker}`, startDate: "2027-01-01", endDate: "2027-06-30", dueDate: "2027-07-31" });

  await createProgressReport(a1.id, p1.id, { state: "APPROVED", progress: 20, status: "IN_PROGRESS", narrative: `Premier semestre ${marker}`, values: [{ indicatorId: indicator.id, value: 10 }] });
  const second = await createProgressReport(a1.id, p2.id, {
    state: "APPROVED",
    progress: 60,
    status: "DELAYED",
    narrative: `Deuxième semestre ${marker}`,
    values: [{ indicatorId: indicator.id, value: 30, disaggregation: { SEX: { F: 12, M: 18 } } }],
  });
  await prisma.progressReport.update({ where: { id: second.id }, data: { challenges: `Saison des pluies ${marker}`, nextSteps: `Former les agents ${marker}` } });
  await createProgressReport(a1.id, p3.id, { state: "SUBMITTED", progress: 90, narrative: `PENDING-${marker}`, values: [{ indicatorId: indicator.id, value: 99 }] });
  await createProgressReport(a2.id, p2.id, { state: "DRAFT", narrative: `DRAFT-${marker}` });
  const commented = await createProgressReport(a2.id, p1.id, { state: "CHANGES_REQUESTED", narrative: `COMMENTED-${marker}` });
  await prisma.reviewComment.create({ data: { reportId: commented.id, kind: "CHANGES_REQUESTED", body: `COMMENT-${marker}` } });
  const late = await createProgressReport(a3.id, p2.id, { state: "APPROVED", progress: 50, narrative: `Approuvé tard ${marker}` });
  await prisma.progressReport.update({ where: { id: late.id }, data: { reviewedAt: new Date("2027-03-10T12:00:00Z") } });

  return { marker, admin, plan, a1, a2, a3, indicator, partner, periods: { p1, p2, p3 } };
}

async function documentFor(request: ReviewReportRequest) {
  const result = await buildReviewDocument(request);
  if (result.kind !== "ok") throw new Error(`document expected, got ${result.kind}`);
  return result.document;
}

test("the document holds approved data only: the latest approved report of each action, none of the drafts, pending reports or comments", async () => {
  const { marker, plan, a1, a2, periods } = await reportedPlan();
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal", cutoff: "2027-12-31" });

  expect(doc.objectives.map((objective) => objective.number)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
  expect(doc.version?.number).toBe(1);
  expect(doc.cutOff).toBe("2027-12-31");
  expect(doc.periods.map((period) => period.id)).toEqual([periods.p1.id, periods.p2.id, periods.p3.id]);
  const first = doc.objectives[2]?.actions[0];
  expect(first).toMatchObject({
    id: a1.id,
    code: "O03-01",
    status: "DELAYED",
    progress: 60,
    reportedPeriod: `S2 2026 ${marker}`,
    narrative: { period: `S2 2026 ${marker}`, text: `Deuxième semestre ${marker}` },
    challenges: { text: `Saison des pluies ${marker}` },
    budget: { estimated: 1_000_000 },
  });
  expect(first?.indicators[0]).toMatchObject({
    unit: "personnes",
    baseline: 0,
    target: 100,
    latest: { value: 30, period: `S2 2026 ${marker}` },
    towardsTarget: 30,
    values: [
      { periodId: periods.p1.id, value: 10, breakdown: null },
      { periodId: periods.p2.id, value: 30, breakdown: { SEX: { F: 12, M: 18 } } },
    ],
  });
  // The action with only a draft and a sent-back report counts as not reported.
  expect(doc.objectives[4]?.actions[0]).toMatchObject({ id: a2.id, status: null, progress: null, narrative: null });
  expect(doc.summary).toMatchObject({ actionCount: 3, notReported: 1, approvedReports: 3, objectivesCovered: 3, objectiveCount: 23, estimatedBudget: 1_750_000 });
  // (60 + 50) / 2
  expect(doc.summary.averageProgress).toBe(55);
  expect(doc.nextSteps).toEqual([{ code: "O03-01", title: first?.title, period: `S2 2026 ${marker}`, text: `Former les agents ${marker}` }]);
  expect(doc.principles[0]?.actions.map((action) => action.code)).toEqual(["O03-01"]);
  expect(doc.means.partners).toEqual([{ acronym: `PART-${marker}`, name: `Partenaire ${marker}`, actionCount: 1 }]);
  expect(doc.reporters.reduce((sum, reporter) => sum + reporter.approvedReports, 0)).toBe(3);

  const text = JSON.stringify(doc);
  for (const hidden of ["PENDING", "DRAFT", "COMMENTED", "COMMENT"]) expect(text).not.toContain(`${hidden}-${marker}`);
  // The pending report's value (99) is not an approved value.
  expect(doc.annex.indicators.flatMap((item) => item.values.map((value) => value.value))).toEqual([10, 30]);
});

test("a period range keeps only the reports of those periods", async () => {
  const { marker, plan, periods } = await reportedPlan();
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal", from: periods.p1.id, to: periods.p1.id, cutoff: "2027-12-31" });
  expect(doc.periods.map((period) => period.label)).toEqual([`S1 2026 ${marker}`]);
  const first = doc.objectives[2]?.actions[0];
  expect(first).toMatchObject({ status: "IN_PROGRESS", progress: 20, narrative: { text: `Premier semestre ${marker}` }, challenges: null });
  expect(first?.indicators[0]).toMatchObject({ latest: { value: 10 }, towardsTarget: 10 });
  expect(doc.summary.approvedReports).toBe(1);
  expect(doc.nextSteps).toEqual([]);
});

test("reports approved after the cut-off day are left out", async () => {
  const { plan } = await reportedPlan();
  const before = await documentFor({ planId: plan.id, lang: "fr", audience: "internal", cutoff: "2027-03-09" });
  expect(before.objectives[20]?.actions[0]).toMatchObject({ status: null, progress: null });
  const after = await documentFor({ planId: plan.id, lang: "fr", audience: "internal", cutoff: "2027-03-10" });
  expect(after.objectives[20]?.actions[0]).toMatchObject({ status: "IN_PROGRESS", progress: 50 });
});

test("a wrong range is refused with the field to correct; an unknown plan is not found", async () => {
  const { plan, periods } = await reportedPlan();
  expect(await buildReviewDocument({ planId: plan.id, lang: "fr", audience: "internal", from: periods.p3.id, to: periods.p1.id })).toEqual({
    kind: "invalid",
    errors: { to: "reviewDoc.error.toBeforeFrom" },
  });
  expect(await buildReviewDocument({ planId: plan.id, lang: "fr", audience: "internal", from: "nope" })).toEqual({
    kind: "invalid",
    errors: { from: "reviewDoc.error.unknownPeriod" },
  });
  expect(await buildReviewDocument({ planId: "nope", lang: "fr", audience: "internal" })).toEqual({ kind: "notFound" });
});

test("the plan's content is the adopted version's: a new draft revision changes nothing until adopted", async () => {
  const { marker, admin, plan, a1 } = await reportedPlan();
  const current = await prisma.actionPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
  await startRevision(admin.id, plan.id, { version: current.version });
  await prisma.action.update({ where: { id: a1.id }, data: { title: `DRAFT-TITLE-${marker}` } });
  await createAction(plan.id, { code: "O07-99", title: `DRAFT-ACTION-${marker}`, mainObjectiveNumber: 7 });

  const doc = await documentFor({ planId: plan.id, lang: "en", audience: "internal" });
  const text = JSON.stringify(doc);
  expect(text).not.toContain(`DRAFT-TITLE-${marker}`);
  expect(text).not.toContain(`DRAFT-ACTION-${marker}`);
  expect(doc.summary.actionCount).toBe(3);
  // English titles of the objectives in an English document.
  const titles = await prisma.gcmObjective.findUniqueOrThrow({ where: { number: 3 }, select: { titleEn: true } });
  expect(doc.objectives[2]?.title).toBe(titles.titleEn);
});

test("a never-adopted plan has no public document; its internal one says it is draft content", async () => {
  const plan = await createPlan();
  await createAction(plan.id, { mainObjectiveNumber: 1 });
  expect(await buildReviewDocument({ planId: plan.id, lang: "fr", audience: "public" })).toEqual({ kind: "notFound" });
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal" });
  expect(doc.version).toBeNull();
  expect(doc.summary.actionCount).toBe(1);
});

test("budgets marked internal are withheld from the public document and its totals", async () => {
  const { plan, a2 } = await reportedPlan();
  await prisma.action.update({ where: { id: a2.id }, data: { budgetInternal: true } });
  const internal = await documentFor({ planId: plan.id, lang: "fr", audience: "internal" });
  expect(internal.summary).toMatchObject({ estimatedBudget: 1_750_000, budgetsWithheld: 0 });
  const open = await documentFor({ planId: plan.id, lang: "fr", audience: "public" });
  expect(open.objectives[4]?.actions[0]?.budget).toBeNull();
  expect(open.summary).toMatchObject({ estimatedBudget: 1_250_000, budgetsWithheld: 1 });
  expect(JSON.stringify(open)).not.toContain("500000");
});

test("the way towards the target is (latest − baseline) ÷ (target − baseline)", () => {
  expect(towardsTarget(10, 40, 70)).toBe(50);
  expect(towardsTarget(100, 80, 60)).toBe(50);
  expect(towardsTarget(5, 5, 5)).toBeNull();
  expect(towardsTarget(null, 5, 10)).toBeNull();
});

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return { pageCount: pdf.numPages, text: pages.join("\n").replace(/\s+/g, " ") };
}

test("the PDF is an A4 document of several pages with every section and the objective titles", { timeout: 60_000 }, async () => {
  const { plan, marker } = await reportedPlan();
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal", cutoff: "2027-12-31" });
  const pdf = await renderReviewPdf(doc);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { pageCount, text } = await pdfText(new Uint8Array(pdf));
  expect(pageCount).toBeGreaterThan(1);
  for (const heading of ["1. Résumé et chiffres clés", "2. Méthodologie et processus", "4. Progrès par objectif du Pacte", "6. Moyens de mise en œuvre", "Annexe statistique"]) {
    expect(text).toContain(heading);
  }
  const objective = await prisma.gcmObjective.findUniqueOrThrow({ where: { number: 23 }, select: { titleFr: true } });
  expect(text).toContain(objective.titleFr.slice(0, 40));
  expect(text).toContain(`Deuxième semestre ${marker}`);
});

test("without Chromium the PDF fails with an error the routes turn into a 503", async () => {
  const { plan } = await reportedPlan();
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal" });
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = "/nonexistent/chromium";
  try {
    await expect(renderReviewPdf(doc)).rejects.toBeInstanceOf(PdfUnavailableError);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});

test("the DOCX is a Word package whose document.xml has the section headings, objective titles and approved narratives", async () => {
  const { plan, marker } = await reportedPlan();
  const doc = await documentFor({ planId: plan.id, lang: "en", audience: "internal", cutoff: "2027-12-31" });
  const docx = await renderReviewDocx(doc);
  expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
  const files = unzipSync(new Uint8Array(docx));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
  const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  for (const heading of ["1. Summary and key figures", "3. Policy and enabling environment", "5. Progress by guiding principle", "7. Next steps", "Statistical annex"]) {
    expect(xml).toContain(heading);
  }
  const objective = await prisma.gcmObjective.findUniqueOrThrow({ where: { number: 23 }, select: { titleEn: true } });
  expect(xml).toContain(objective.titleEn.replace(/&/g, "&amp;").replace(/'/g, "&apos;").slice(0, 30));
  expect(xml).toContain(`Deuxième semestre ${marker}`);
  expect(xml).not.toContain(`PENDING-${marker}`);
});

test("an indicator added after adoption is not in the document until the plan is adopted again", async () => {
  const { plan, a3 } = await reportedPlan();
  await createIndicator(a3.id, { name: "Indicateur sans valeur" });
  const doc = await documentFor({ planId: plan.id, lang: "fr", audience: "internal" });
  // Added after adoption: not in the adopted plan.
  expect(doc.objectives[20]?.actions[0]?.indicators.map((indicator) => indicator.name)).not.toContain("Indicateur sans valeur");
});
