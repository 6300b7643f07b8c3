import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { createOrganisation, createPlan, createUser } from "../../../tests/factories";
import { diffSnapshots } from "~/modules/plans/snapshot";
import { loadPlanSnapshot } from "~/modules/plans/snapshot.server";
import { prisma } from "~/utils/db.server";
import { buildCsv, exportFileName, exportPlanWorkbook } from "./export.server";
import { checkImport, readWorkbook, writeImport } from "./import.server";
import { ACTION_COLUMNS, choiceValue, DISAGGREGATION_LABELS, KIND_LABELS, splitList } from "./layout";

async function currentAxisIds() {
  const axes = await prisma.policyAxis.findMany({ where: { framework: { isCurrent: true } }, orderBy: { number: "asc" }, select: { id: true } });
  const [first, second, third] = axes;
  if (!first || !second || !third) throw new Error("the seed has fewer than 3 PONAM axes");
  return [first.id, second.id, third.id] as const;
}

/** A plan whose content tries the awkward cases: empty fields, decimals, text that looks like numbers or formulas. */
async function awkwardPlan() {
  const plan = await createPlan({ startDate: "2025-01-01", endDate: "2029-12-31" });
  const [lead, partnerA, partnerB] = await Promise.all([createOrganisation(), createOrganisation(), createOrganisation()]);
  const [axis1, , axis3] = await currentAxisIds();
  await prisma.action.create({
    data: {
      planId: plan.id,
      code: "O07-01",
      title: "Protéger les migrants « vulnérables » ; un titre avec point-virgule",
      description: '=SOMME(A1:A3) n\'est pas une formule.\nDeuxième ligne, avec des "guillemets".',
      expectedResult: "+ 20 % de personnes accompagnées",
      mainObjectiveNumber: 7,
      leadOrganisationId: lead.id,
      startDate: new Date("2025-02-01T00:00:00Z"),
      endDate: new Date("2029-12-31T00:00:00Z"),
      estimatedBudget: 1_500_000_000n,
      securedFunding: 0n,
      priority: "LOW",
      otherObjectives: { create: [{ objectiveNumber: 2 }, { objectiveNumber: 23 }] },
      axes: { create: [{ axisId: axis1 }, { axisId: axis3 }] },
      principles: { create: [{ principleNumber: 1 }, { principleNumber: 4 }, { principleNumber: 10 }] },
      partners: { create: [{ organisationId: partnerA.id }, { organisationId: partnerB.id }] },
      indicators: {
        create: [
          {
            name: "Part des femmes accompagnées",
            definition: "Femmes / total, en %",
            unit: "%",
            kind: "PERCENTAGE",
            baselineValue: 12.5,
            baselineDate: new Date("2024-12-31T00:00:00Z"),
            targetValue: 99.75,
            targetDate: new Date("2029-12-31T00:00:00Z"),
            frequency: "QUARTERLY",
            dataSource: "Registres",
            verificationMeans: "Rapports trimestriels",
            disaggregation: ["SEX", "AGE_GROUP", "REGION", "NATIONALITY"],
            position: 0,
          },
          { name: "Loi adoptée", kind: "YES_NO", baselineValue: 0, targetValue: 1, frequency: "ONCE", position: 1 },
          { name: "Sans valeurs", kind: "NUMBER", frequency: "MONTHLY", position: 2 },
        ],
      },
    },
  });
  await prisma.action.create({
    data: { planId: plan.id, code: "O23-01.A", title: "2021", mainObjectiveNumber: 23, leadOrganisationId: partnerA.id, priority: "HIGH" },
  });
  return plan;
}

test("round trip of awkward content: every field comes back as it was", async () => {
  const user = await createUser({ role: "FACILITATOR" });
  const original = await awkwardPlan();
  const copy = await createPlan({ startDate: "2025-01-01", endDate: "2029-12-31" });

  const { body, headers } = await exportPlanWorkbook({ id: original.id, title: "Plan bizarre" });
  expect(headers["Content-Disposition"]).toMatch(/^attachment; filename="plan-bizarre-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  const content = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
  if (!(content instanceof ArrayBuffer)) throw new Error("expected an ArrayBuffer");
  const read = await readWorkbook("bizarre.xlsx", content);
  if (!read.ok) throw new Error(`unreadable export: ${read.problem.message}`);
  const checked = await checkImport(copy, read.raw);
  expect(checked.preview.errors).toEqual([]);
  if (!checked.valid) throw new Error("the export should be valid");
  expect(await writeImport(user.id, copy.id, "bizarre.xlsx", checked.valid)).toEqual({ ok: true, actions: 2, indicators: 3 });

  const before = await loadPlanSnapshot(prisma, original.id);
  const after = await loadPlanSnapshot(prisma, copy.id);
  expect(diffSnapshots(before, after)).toEqual({ added: [], removed: [], changed: [] });
  expect(after).toEqual(before);
});

test("the workbook has bold, frozen French headers, sized columns, numbers as numbers and a help sheet", async () => {
  const plan = await awkwardPlan();
  const { body } = await exportPlanWorkbook({ id: plan.id, title: "Plan" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Actions", "Indicateurs", "Aide"]);
  const actions = workbook.getWorksheet("Actions");
  if (!actions) throw new Error("no Actions sheet");
  const header = actions.getRow(1);
  expect(ACTION_COLUMNS.map((_, index) => header.getCell(index + 1).value)).toEqual(ACTION_COLUMNS.map((column) => column.header));
  expect(header.getCell(1).font?.bold).toBe(true);
  expect(actions.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(actions.getColumn(2).width).toBeGreaterThanOrEqual(30);
  const first = actions.getRow(2);
  const cell = (header: string) => first.getCell(ACTION_COLUMNS.findIndex((column) => column.header === header) + 1).value;
  expect(cell("Code")).toBe("O07-01");
  expect(cell("Objectif principal (n°)")).toBe(7);
  const objective = await prisma.gcmObjective.findUnique({ where: { number: 7 }, select: { titleFr: true } });
  expect(cell("Objectif principal (intitulé)")).toBe(objective?.titleFr);
  expect(cell("Autres objectifs (n°)")).toBe("2, 23");
  expect(cell("Principes directeurs (n°)")).toBe("1, 4, 10");
  expect(cell("Budget estimé (FCFA)")).toBe(1_500_000_000);
  expect(cell("Financement acquis (FCFA)")).toBe(0);
  expect(cell("Début (AAAA-MM-JJ)")).toBe("2025-02-01");
  expect(cell("Priorité")).toBe("Basse");
  const indicators = workbook.getWorksheet("Indicateurs");
  expect(indicators?.getRow(2).getCell(1).value).toBe("O07-01");
  expect(indicators?.getRow(2).getCell(6).value).toBe("Pourcentage");
  expect(indicators?.getRow(2).getCell(14).value).toBe("Sexe, Tranche d'âge, Région, Nationalité");
});

test("CSV fields are quoted when needed, decimals use a comma and formulas are defused", () => {
  const columns = [
    { key: "a", header: "Intitulé", width: 10, kind: "text" },
    { key: "b", header: "Valeur", width: 10, kind: "decimal" },
  ] as const;
  const csv = buildCsv(columns, [
    { a: 'Un "titre"; long', b: 12.5 },
    { a: "=1+1", b: null },
  ]);
  expect(csv).toBe('\uFEFFIntitulé;Valeur\r\n"Un ""titre""; long";12,5\r\n\'=1+1;\r\n');
});

test("lists and choices are read leniently", () => {
  expect(splitList(" 3, 5;9 ,, 3")).toEqual(["3", "5", "9"]);
  expect(choiceValue(KIND_LABELS, "oui / NON")).toBe("YES_NO");
  expect(choiceValue(KIND_LABELS, "PERCENTAGE")).toBe("PERCENTAGE");
  expect(choiceValue(DISAGGREGATION_LABELS, "tranche d’age")).toBe("AGE_GROUP");
  expect(choiceValue(KIND_LABELS, "Autre")).toBe("Autre");
});

test("export file names are plain ASCII", () => {
  const day = new Date("2025-03-04T10:00:00Z");
  expect(exportFileName("Plan d'action national – Œuvre 2020-2024", "xlsx", day)).toBe("plan-d-action-national-oeuvre-2020-2024-2025-03-04.xlsx");
  expect(exportFileName("Révision", "csv", day, "indicateurs")).toBe("plan-revision-2025-03-04-indicateurs.csv");
});
