import { expect, test } from "vitest";
import { adoptPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { createAction, createPlan, createProgressReport, createReportingPeriod, createUser, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { loader as pageLoader } from "./plans.$planId.review-report";
import { loader as docxLoader } from "./plans.$planId.review-report[.]docx";
import { loader as pdfLoader } from "./plans.$planId.review-report[.]pdf";

async function adoptedPlan() {
  const admin = await createUser({ role: "ADMIN" });
  const plan = await createPlan({ title: "Plan de la revue volontaire" });
  const action = await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21 });
  await adoptPlan(admin.id, plan.id, { version: plan.version });
  const first = await createReportingPeriod(plan.id, { label: "S1 2026", startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" });
  const second = await createReportingPeriod(plan.id, { label: "S2 2026", startDate: "2026-07-01", endDate: "2026-12-31", dueDate: "2027-01-31" });
  await createProgressReport(action.id, first.id, { state: "APPROVED", narrative: "Trois ateliers tenus à Kayes." });
  return { plan, first, second };
}

const page = (path: string, planId: string, cookie?: string) => call(() => pageLoader({ request: getRequest(path, { cookie }), params: { planId }, context }));

test("signed out, the report page and its downloads send to the login page", async () => {
  const { plan } = await adoptedPlan();
  const args = () => ({ request: getRequest(`/plans/${plan.id}/review-report`), params: { planId: plan.id }, context });
  for (const run of [() => pageLoader(args()), () => pdfLoader(args()), () => docxLoader(args())]) {
    const result = await call<unknown>(run);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
  }
});

test("every role reads the report, built from approved reports, in the language asked for", async () => {
  const { plan } = await adoptedPlan();
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await page(`/plans/${plan.id}/review-report`, plan.id, cookie);
    expect(result.status, role).toBe(200);
    const body = result.body as { markup: string; values: { lang: string } };
    expect(body.markup).toContain("1. Résumé et chiffres clés");
    expect(body.markup).toContain("Trois ateliers tenus à Kayes.");
  }
  const { cookie } = await signedInAs("OBSERVER");
  const english = await page(`/plans/${plan.id}/review-report?lang=en`, plan.id, cookie);
  expect((english.body as { markup: string }).markup).toContain("1. Summary and key figures");
});

test("wrong options are a 400 with the message beside the field, never a 500", async () => {
  const { plan, first, second } = await adoptedPlan();
  const { cookie } = await signedInAs("REVIEWER");
  const badDay = await page(`/plans/${plan.id}/review-report?cutoff=31/02/2026`, plan.id, cookie);
  expect(badDay.status).toBe(400);
  expect(badDay.body).toMatchObject({ errors: { cutoff: "validation.date" }, markup: null, periods: [{ id: first.id }, { id: second.id }] });
  const reversed = await page(`/plans/${plan.id}/review-report?from=${second.id}&to=${first.id}`, plan.id, cookie);
  expect(reversed.status).toBe(400);
  expect(reversed.body).toMatchObject({ errors: { to: "reviewDoc.error.toBeforeFrom" } });
  const pdf = await pdfLoader({ request: getRequest(`/plans/${plan.id}/review-report.pdf?from=nope`, { cookie }), params: { planId: plan.id }, context });
  expect(pdf.status).toBe(400);
  expect(await pdf.text()).toBe("from : Choisissez une période de ce plan.");
  expect((await page("/plans/nope/review-report", "nope", cookie)).status).toBe(404);
});

test("the Word download is a DOCX attachment of the chosen periods", async () => {
  const { plan, first } = await adoptedPlan();
  const { cookie } = await signedInAs("OBSERVER");
  const response = await docxLoader({
    request: getRequest(`/plans/${plan.id}/review-report.docx?from=${first.id}&to=${first.id}&lang=en`, { cookie }),
    params: { planId: plan.id },
    context,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="plan-de-la-revue-volontaire-\d{4}-\d{2}-\d{2}-examen-volontaire\.docx"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe("PK");
});

test("the PDF download is a PDF attachment, and a clear French 503 when Chromium is missing", { timeout: 60_000 }, async () => {
  const { plan } = await adoptedPlan();
  const { cookie } = await signedInAs("REVIEWER");
  const request = () => getRequest(`/plans/${plan.id}/review-report.pdf`, { cookie });
  const response = await pdfLoader({ request: request(), params: { planId: plan.id }, context });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = "/nonexistent/chromium";
  try {
    const refused = await pdfLoader({ request: request(), params: { planId: plan.id }, context });
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/^Le PDF ne peut pas être produit : Chromium est absent du serveur\./);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
  expect(await prisma.actionPlan.count({ where: { id: plan.id } })).toBe(1);
});
