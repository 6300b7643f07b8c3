import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { createPlan, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { diffSnapshots } from "~/modules/plans/snapshot";
import { loadPlanSnapshot } from "~/modules/plans/snapshot.server";
import { XLSX_CONTENT_TYPE } from "~/modules/spreadsheet/export.server";
import { readWorkbook } from "~/modules/spreadsheet/import.server";
import { ACTION_COLUMNS, INDICATOR_COLUMNS, type ActionColumnKey, type IndicatorColumnKey } from "~/modules/spreadsheet/layout";
import { prisma } from "~/utils/db.server";
import { loader as exportLoader } from "./plans.$planId.export[.]xlsx";
import { action, loader } from "./plans.$planId.import";

const BASE = "http://localhost:3000";

function uploadRequest(planId: string, file: File, cookie: string) {
  const form = new FormData();
  form.append("file", file);
  return new Request(`${BASE}/plans/${planId}/import`, { method: "POST", body: form, headers: { Origin: BASE, Cookie: cookie } });
}

function upload(planId: string, file: File, cookie: string) {
  return call(() => action({ request: uploadRequest(planId, file, cookie), params: { planId }, context }));
}

function confirm(planId: string, payload: string, cookie: string) {
  return call(() => action({ request: postRequest(`/plans/${planId}/import`, { payload }, { cookie }), params: { planId }, context }));
}

type Cell = string | number | null;

function actionRow(values: Partial<Record<ActionColumnKey, Cell>>) {
  return ACTION_COLUMNS.map((column) => values[column.key] ?? null);
}

function indicatorRow(values: Partial<Record<IndicatorColumnKey, Cell>>) {
  return INDICATOR_COLUMNS.map((column) => values[column.key] ?? null);
}

/** A workbook built in memory: sheet name to rows (the first row is the header). */
async function xlsxFile(sheets: Record<string, Cell[][]>, name = "plan.xlsx") {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  return new File([await workbook.xlsx.writeBuffer()], name, { type: XLSX_CONTENT_TYPE });
}

const actionHeaders = ACTION_COLUMNS.map((column) => column.header);
const indicatorHeaders = INDICATOR_COLUMNS.map((column) => column.header);

async function organisationAcronyms() {
  const organisations = await prisma.organisation.findMany({ where: { active: true }, orderBy: { acronym: "asc" }, take: 2 });
  const [first, second] = organisations;
  if (!first || !second) throw new Error("the seed has no organisations");
  return [first.acronym, second.acronym] as const;
}

async function goodFile() {
  const [lead, partner] = await organisationAcronyms();
  return xlsxFile({
    Actions: [
      actionHeaders,
      actionRow({ code: "IMP-01", title: "Action importée", mainObjective: 21, lead, partners: partner, priority: "Haute", axes: "1" }),
    ],
    Indicateurs: [indicatorHeaders, indicatorRow({ actionCode: "IMP-01", name: "Migrants accueillis", kind: "Nombre", frequency: "Annuelle" })],
  });
}

async function nothingWritten(planId: string) {
  expect(await prisma.action.count({ where: { planId } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { entityType: "ActionPlan", entityId: planId, action: "import" } })).toBe(0);
}

async function demoPlan() {
  const plan = await prisma.actionPlan.findFirst({ where: { status: "ADOPTED" }, orderBy: { createdAt: "asc" } });
  if (!plan) throw new Error("the seed has no adopted plan");
  return plan;
}

test("round trip: the demo plan exported to Excel and imported into an empty draft gives the same plan", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const original = await demoPlan();
  const copy = await createPlan({ startDate: "2020-01-01", endDate: "2024-12-31" });

  const exported = await exportLoader({ request: getRequest(`/plans/${original.id}/export.xlsx`, { cookie }), params: { planId: original.id }, context });
  const file = new File([await exported.arrayBuffer()], "demo.xlsx", { type: XLSX_CONTENT_TYPE });

  const preview = await upload(copy.id, file, cookie);
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ status: "preview", preview: { fileName: "demo.xlsx", errors: [] } });
  const payload = preview.body && typeof preview.body === "object" && "payload" in preview.body ? preview.body.payload : null;
  if (typeof payload !== "string") throw new Error("the preview has no payload");
  expect(await prisma.action.count({ where: { planId: copy.id } })).toBe(0);

  const confirmed = await confirm(copy.id, payload, cookie);
  expect(confirmed.status).toBe(302);
  expect(confirmed.location).toBe(`/plans/${copy.id}?notice=imported`);

  const before = await loadPlanSnapshot(prisma, original.id);
  const after = await loadPlanSnapshot(prisma, copy.id);
  expect(before.actions.length).toBeGreaterThan(5);
  expect(before.actions.some((a) => a.partners.length && a.axes.length && a.principles.length && a.indicators.some((i) => i.disaggregation.length))).toBe(true);
  expect(diffSnapshots(before, after)).toEqual({ added: [], removed: [], changed: [] });
  expect(after).toEqual(before);

  const audit = await prisma.auditEvent.findFirst({ where: { entityType: "ActionPlan", entityId: copy.id, action: "import" } });
  expect(audit?.actorId).toBe(user.id);
  expect(audit?.changes).toMatchObject({ fileName: "demo.xlsx", actions: before.actions.map((a) => a.code) });

  // The same rows again: every code is now taken, so the confirm is refused and nothing is added.
  const again = await confirm(copy.id, payload, cookie);
  expect(again.status).toBe(400);
  const codeErrors = before.actions.map((_, index) => ({ sheet: "Actions", row: index + 2, column: "Code", message: "validation.actionCodeTaken" }));
  expect(again.body).toMatchObject({ status: "preview", payload: null, preview: { errors: codeErrors } });
  expect(await prisma.action.count({ where: { planId: copy.id } })).toBe(before.actions.length);
});

test("a file that is not an Excel workbook gets 400 with a French message, and nothing is written", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  for (const file of [
    new File(["Code;Intitulé\nA;B\n"], "plan.csv", { type: "text/csv" }),
    new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])], "broken.xlsx", { type: XLSX_CONTENT_TYPE }),
  ]) {
    const result = await upload(plan.id, file, cookie);
    expect(result.status, file.name).toBe(400);
    expect(result.body).toEqual({ status: "fileError", problem: { message: "spreadsheet.notXlsx" } });
  }
  await nothingWritten(plan.id);
});

test("an upload without a file gets 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const result = await upload(plan.id, new File([], ""), cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ problem: { message: "spreadsheet.noFile" } });
});

test("a file over 5 MB gets 400 with a clear message, not a server error", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const big = new Uint8Array(5_000_001);
  big.set([0x50, 0x4b, 0x03, 0x04]);
  const result = await upload(plan.id, new File([big], "gros.xlsx", { type: XLSX_CONTENT_TYPE }), cookie);
  expect(result.status).toBe(400);
  expect(result.body).toEqual({ status: "fileError", problem: { message: "spreadsheet.tooLarge", params: { max: 5 } } });
  await nothingWritten(plan.id);
});

test("unknown column headers get 400 naming them", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const file = await xlsxFile({ Actions: [[...actionHeaders, "Commentaires", "Budget (USD)"], actionRow({ code: "X-01" })] });
  const result = await upload(plan.id, file, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toEqual({
    status: "fileError",
    problem: { message: "spreadsheet.unknownColumns", params: { sheet: "Actions", columns: "« Commentaires », « Budget (USD) »" } },
  });
  await nothingWritten(plan.id);
});

test("a workbook without an Actions sheet, or without its required columns, gets 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const noSheet = await upload(plan.id, await xlsxFile({ Feuil1: [actionHeaders] }), cookie);
  expect(noSheet.status).toBe(400);
  expect(noSheet.body).toMatchObject({ problem: { message: "spreadsheet.missingSheet", params: { sheet: "Actions" } } });

  const missing = await upload(plan.id, await xlsxFile({ Actions: [["Code", "Intitulé"], ["A-01", "Titre"]] }), cookie);
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({
    problem: {
      message: "spreadsheet.missingColumns",
      params: { columns: "« Objectif principal (n°) », « Chef de file (sigle) », « Priorité »" },
    },
  });
  await nothingWritten(plan.id);
});

test("bad rows are listed in the preview with their row, column and reason; confirming them is refused and writes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ startDate: "2025-01-01", endDate: "2027-12-31" });
  const [lead] = await organisationAcronyms();
  const base = { mainObjective: 21, lead, priority: "Moyenne" };
  const file = await xlsxFile({
    Actions: [
      actionHeaders,
      actionRow({ ...base, code: "IMP-01", title: "Correcte" }),
      actionRow({ ...base, code: "IMP-02", title: "Trop financée", estimatedBudget: 100_000, securedFunding: 200_000 }),
      actionRow({ ...base, code: "IMP-03", title: "Sigle inconnu", lead: "NOPE", partners: `${lead}, ZZZ` }),
      actionRow({ ...base, code: "IMP-04", title: "Dates inversées", startDate: "2026-06-30", endDate: "2026-01-01" }),
      actionRow({ ...base, code: "imp-01", title: "Doublon" }),
      actionRow({ ...base, code: "IMP-06", title: "Priorité inconnue", priority: "Urgente", axes: "1, 99" }),
    ],
    Indicateurs: [
      indicatorHeaders,
      indicatorRow({ actionCode: "IMP-01", name: "Taux", kind: "Pourcentage", targetValue: 150, frequency: "Annuelle" }),
      indicatorRow({ actionCode: "ZZZ-99", name: "Orphelin", kind: "Nombre", frequency: "Annuelle" }),
    ],
  });
  const result = await upload(plan.id, file, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ status: "preview", payload: null });
  const errors = result.body && typeof result.body === "object" && "preview" in result.body ? result.body.preview : null;
  expect(errors).toMatchObject({
    errors: [
      { sheet: "Actions", row: 3, column: "Financement acquis (FCFA)", message: "validation.securedAboveEstimated" },
      { sheet: "Actions", row: 4, column: "Chef de file (sigle)", value: "NOPE", message: "spreadsheet.unknownOrganisation", params: { value: "NOPE" } },
      { sheet: "Actions", row: 4, column: "Partenaires (sigles)", message: "spreadsheet.unknownOrganisation", params: { value: "ZZZ" } },
      { sheet: "Actions", row: 5, column: "Fin (AAAA-MM-JJ)", message: "validation.endBeforeStart" },
      { sheet: "Actions", row: 6, column: "Code", message: "spreadsheet.duplicateCode", params: { row: 2 } },
      { sheet: "Actions", row: 7, column: "Axes PONAM (n°)", message: "spreadsheet.unknownAxis", params: { value: "99" } },
      { sheet: "Actions", row: 7, column: "Priorité", value: "Urgente", message: "spreadsheet.invalidChoice", params: { choices: "Haute, Moyenne, Basse" } },
      { sheet: "Indicateurs", row: 2, column: "Valeur cible", message: "validation.percentageRange" },
      { sheet: "Indicateurs", row: 3, column: "Code de l'action", message: "spreadsheet.unknownActionCode", params: { value: "ZZZ-99" } },
    ],
    actions: [
      { row: 2, code: "IMP-01", errorCount: 0, indicatorCount: 1 },
      { row: 3, errorCount: 1 },
      { row: 4, errorCount: 2 },
      { row: 5, errorCount: 1 },
      { row: 6, errorCount: 1 },
      { row: 7, errorCount: 2 },
    ],
  });

  // A crafted confirm carrying the same rows is checked again and refused.
  const read = await readWorkbook("plan.xlsx", await file.arrayBuffer());
  if (!read.ok) throw new Error("the workbook should be readable");
  const refused = await confirm(plan.id, JSON.stringify(read.raw), cookie);
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ status: "preview", payload: null, preview: { errors: expect.arrayContaining([expect.anything()]) } });
  await nothingWritten(plan.id);
});

test("a malformed confirm payload gets 400 and writes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  for (const payload of ["pas du json", JSON.stringify({ fileName: "x.xlsx", actions: [], indicators: [] })]) {
    const result = await confirm(plan.id, payload, cookie);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ status: "fileError", problem: { message: "spreadsheet.badPayload" } });
  }
  await nothingWritten(plan.id);
});

test("a good file previews without error, then the confirm writes its actions and indicators", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const plan = await createPlan();
  const result = await upload(plan.id, await goodFile(), cookie);
  expect(result.status).toBe(200);
  const payload = result.body && typeof result.body === "object" && "payload" in result.body ? result.body.payload : null;
  if (typeof payload !== "string") throw new Error("the preview has no payload");
  const confirmed = await confirm(plan.id, payload, cookie);
  expect(confirmed.status).toBe(302);
  const snapshot = await loadPlanSnapshot(prisma, plan.id);
  expect(snapshot.actions).toMatchObject([
    { code: "IMP-01", title: "Action importée", mainObjectiveNumber: 21, axes: [1], priority: "HIGH", indicators: [{ name: "Migrants accueillis", kind: "NUMBER", frequency: "ANNUAL" }] },
  ]);
});

test("importing into an adopted plan gets 409", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ status: "ADOPTED" });
  const page = await call(() => loader({ request: getRequest(`/plans/${plan.id}/import`, { cookie }), params: { planId: plan.id }, context }));
  expect(page.status).toBe(409);
  const result = await upload(plan.id, await goodFile(), cookie);
  expect(result.status).toBe(409);
  await nothingWritten(plan.id);
});

test("an observer, a focal point and a reviewer cannot import (403)", async () => {
  const plan = await createPlan();
  for (const role of ["OBSERVER", "FOCAL_POINT", "REVIEWER"] as const) {
    const { cookie } = await signedInAs(role);
    const page = await call(() => loader({ request: getRequest(`/plans/${plan.id}/import`, { cookie }), params: { planId: plan.id }, context }));
    expect(page.status, role).toBe(403);
    const result = await upload(plan.id, await goodFile(), cookie);
    expect(result.status, role).toBe(403);
    const confirmed = await confirm(plan.id, "{}", cookie);
    expect(confirmed.status, role).toBe(403);
  }
  await nothingWritten(plan.id);
});

test("signed out, the import page redirects to the login page", async () => {
  const plan = await createPlan();
  const result = await call(() => loader({ request: getRequest(`/plans/${plan.id}/import`), params: { planId: plan.id }, context }));
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent(`/plans/${plan.id}/import`)}`);
});

test("a facilitator opens the import page of a draft plan", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan({ title: "Plan brouillon à importer" });
  const result = await call(() => loader({ request: getRequest(`/plans/${plan.id}/import`, { cookie }), params: { planId: plan.id }, context }));
  expect(result.status).toBe(200);
  expect(result.body).toEqual({ plan: { id: plan.id, title: "Plan brouillon à importer" } });
});
