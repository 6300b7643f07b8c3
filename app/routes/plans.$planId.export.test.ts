import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { loader as csvLoader } from "./plans.$planId.export[.]csv";
import { loader as xlsxLoader } from "./plans.$planId.export[.]xlsx";

async function demoPlan() {
  const plan = await prisma.actionPlan.findFirst({ where: { status: "ADOPTED" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!plan) throw new Error("the seed has no adopted plan");
  return plan;
}

test("every signed-in role downloads the plan as an Excel workbook with a dated file name", async () => {
  const plan = await demoPlan();
  const actionCount = await prisma.action.count({ where: { planId: plan.id } });
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const response = await xlsxLoader({ request: getRequest(`/plans/${plan.id}/export.xlsx`, { cookie }), params: { planId: plan.id }, context });
    expect(response.status, role).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="plan-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("Actions")?.actualRowCount).toBe(actionCount + 1);
  }
});

test("the CSV export is UTF-8 with a byte-order mark, semicolons and French headers", async () => {
  const plan = await demoPlan();
  const { cookie } = await signedInAs("OBSERVER");
  const response = await csvLoader({ request: getRequest(`/plans/${plan.id}/export.csv`, { cookie }), params: { planId: plan.id }, context });
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="plan-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const [header, first] = text.slice(1).split("\r\n");
  expect(header?.startsWith("Code;Intitulé;Description;Résultat attendu;Objectif principal (n°);")).toBe(true);
  expect(header).toContain(";Budget estimé (FCFA);Financement acquis (FCFA);Priorité");
  expect(first?.startsWith("O01-01;")).toBe(true);

  const indicators = await csvLoader({
    request: getRequest(`/plans/${plan.id}/export.csv?sheet=indicators`, { cookie }),
    params: { planId: plan.id },
    context,
  });
  expect(indicators.headers.get("Content-Disposition")).toMatch(/-indicateurs\.csv"$/);
  expect((await indicators.text()).startsWith("Code de l'action;Intitulé de l'action;Indicateur;")).toBe(true);
});

test("an unknown plan is 404 and a signed-out visitor is sent to the login page", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const missing = await call(() => xlsxLoader({ request: getRequest("/plans/nope/export.xlsx", { cookie }), params: { planId: "nope" }, context }));
  expect(missing.status).toBe(404);
  const plan = await createPlan();
  const signedOut = await call(() => csvLoader({ request: getRequest(`/plans/${plan.id}/export.csv`), params: { planId: plan.id }, context }));
  expect(signedOut.status).toBe(302);
  expect(signedOut.location).toMatch(/^\/login\?redirectTo=/);
});
