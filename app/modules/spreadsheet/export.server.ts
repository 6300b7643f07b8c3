// A plan's actions and indicators as an Excel workbook (or CSV) that the import reads back.
import ExcelJS from "exceljs";
import { loadPlanSnapshot } from "~/modules/plans/snapshot.server";
import { prisma } from "~/utils/db.server";
import {
  ACTION_COLUMNS,
  ACTIONS_SHEET,
  choiceLabel,
  DISAGGREGATION_LABELS,
  FREQUENCY_LABELS,
  HELP_SHEET,
  INDICATOR_COLUMNS,
  INDICATORS_SHEET,
  joinList,
  KIND_LABELS,
  PRIORITY_LABELS,
  type ActionColumnKey,
  type Column,
  type IndicatorColumnKey,
} from "./layout";

type Cell = string | number | null;
type Row<Key extends string> = Record<Key, Cell>;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The plan's rows, one per action and one per indicator, with codes and (for reading) names. */
export async function loadExportRows(planId: string) {
  const [snapshot, objectives, organisations] = await Promise.all([
    loadPlanSnapshot(prisma, planId),
    prisma.gcmObjective.findMany({ select: { number: true, titleFr: true } }),
    prisma.organisation.findMany({ select: { acronym: true, name: true } }),
  ]);
  const objectiveTitles = new Map(objectives.map((objective) => [objective.number, objective.titleFr]));
  const organisationNames = new Map(organisations.map((organisation) => [organisation.acronym, organisation.name]));

  const actions = snapshot.actions.map(
    (action): Row<ActionColumnKey> => ({
      code: action.code,
      title: action.title,
      description: action.description,
      expectedResult: action.expectedResult,
      mainObjective: action.mainObjectiveNumber,
      mainObjectiveTitle: objectiveTitles.get(action.mainObjectiveNumber) ?? null,
      otherObjectives: joinList(action.otherObjectives) || null,
      axes: joinList(action.axes) || null,
      principles: joinList(action.principles) || null,
      lead: action.leadOrganisation,
      leadName: organisationNames.get(action.leadOrganisation) ?? null,
      partners: joinList(action.partners) || null,
      startDate: action.startDate,
      endDate: action.endDate,
      estimatedBudget: action.estimatedBudget,
      securedFunding: action.securedFunding,
      priority: choiceLabel(PRIORITY_LABELS, action.priority),
    }),
  );
  const indicators = snapshot.actions.flatMap((action) =>
    action.indicators.map(
      (indicator): Row<IndicatorColumnKey> => ({
        actionCode: action.code,
        actionTitle: action.title,
        name: indicator.name,
        definition: indicator.definition,
        unit: indicator.unit,
        kind: choiceLabel(KIND_LABELS, indicator.kind),
        baselineValue: indicator.baselineValue,
        baselineDate: indicator.baselineDate,
        targetValue: indicator.targetValue,
        targetDate: indicator.targetDate,
        frequency: choiceLabel(FREQUENCY_LABELS, indicator.frequency),
        dataSource: indicator.dataSource,
        verificationMeans: indicator.verificationMeans,
        disaggregation: joinList(indicator.disaggregation.map((value) => choiceLabel(DISAGGREGATION_LABELS, value))) || null,
      }),
    ),
  );
  return { actions, indicators };
}

export type ExportRows = Awaited<ReturnType<typeof loadExportRows>>;

const HEADER_FILL = "FFDCE8F5";
const INFORMATIVE_FILL = "FFF3F5F8";
const INFORMATIVE_NOTE = "Pour information : l'import ignore cette colonne.";

function columnStyle(column: Column): Partial<ExcelJS.Style> {
  if (column.kind === "amount") return { numFmt: "#,##0", alignment: { vertical: "top" } };
  if (column.kind === "text" && column.width >= 30) return { alignment: { vertical: "top", wrapText: true } };
  return { alignment: { vertical: "top" } };
}

export function addDataSheet<Key extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<Key>[],
  rows: Row<Key>[],
) {
  // Frozen header row and first column (the code), so both stay in view while scrolling.
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width, style: columnStyle(column) }));
  for (const row of rows) sheet.addRow(row);
  const header = sheet.getRow(1);
  header.height = 32;
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true, italic: Boolean(column.informative) };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: column.informative ? INFORMATIVE_FILL : HEADER_FILL } };
    if (column.informative) cell.note = INFORMATIVE_NOTE;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** A sheet for whoever fills the workbook in: the rules and the codes it accepts. */
async function addHelpSheet(workbook: ExcelJS.Workbook) {
  const [objectives, axes, principles, organisations] = await Promise.all([
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true } }),
    prisma.policyAxis.findMany({
      where: { framework: { isCurrent: true } },
      orderBy: { number: "asc" },
      select: { number: true, titleFr: true },
    }),
    prisma.guidingPrinciple.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true } }),
    prisma.organisation.findMany({ where: { active: true }, orderBy: { acronym: "asc" }, select: { acronym: true, name: true } }),
  ]);
  const sheet = workbook.addWorksheet(HELP_SHEET);
  sheet.columns = [
    { key: "code", width: 26, style: { alignment: { vertical: "top" } } },
    { key: "label", width: 100, style: { alignment: { vertical: "top", wrapText: true } } },
  ];
  const title = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size: 12 };
  };
  sheet.addRow(["Classeur du plan d'action – Pacte"]).font = { bold: true, size: 14 };
  for (const line of [
    `Une ligne par action dans la feuille « ${ACTIONS_SHEET} », une ligne par indicateur dans la feuille « ${INDICATORS_SHEET} », reliée à son action par le code.`,
    "Gardez les en-têtes tels quels : l'import refuse une colonne qu'il ne connaît pas. Les colonnes en italique (intitulés, noms) sont là pour la lecture et sont ignorées à l'import.",
    "Listes (objectifs, axes, principes, partenaires, désagrégation) : séparez les valeurs par des virgules, par exemple « 3, 5 ».",
    "Dates au format AAAA-MM-JJ (par exemple 2021-03-31) ; montants en FCFA, nombres entiers.",
    "L'import ajoute les actions à un plan en brouillon : leurs codes ne doivent pas déjà y figurer. Rien n'est enregistré tant qu'une ligne contient une erreur.",
  ]) {
    sheet.addRow(["", line]);
  }
  title("Valeurs acceptées");
  sheet.addRow(["Priorité", Object.values(PRIORITY_LABELS).join(", ")]);
  sheet.addRow(["Type (indicateur)", Object.values(KIND_LABELS).join(", ")]);
  sheet.addRow(["Fréquence", Object.values(FREQUENCY_LABELS).join(", ")]);
  sheet.addRow(["Désagrégation", Object.values(DISAGGREGATION_LABELS).join(", ")]);
  title("Objectifs du Pacte (n°)");
  for (const objective of objectives) sheet.addRow([objective.number, objective.titleFr]);
  title("Axes de la PONAM (n°)");
  for (const axis of axes) sheet.addRow([axis.number, axis.titleFr]);
  title("Principes directeurs (n°)");
  for (const principle of principles) sheet.addRow([principle.number, principle.titleFr]);
  title("Organisations (sigle)");
  for (const organisation of organisations) sheet.addRow([organisation.acronym, organisation.name]);
  sheet.getColumn(1).alignment = { horizontal: "left", vertical: "top" };
}

export async function buildWorkbook(rows: ExportRows) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Pacte";
  workbook.created = new Date();
  addDataSheet(workbook, ACTIONS_SHEET, ACTION_COLUMNS, rows.actions);
  addDataSheet(workbook, INDICATORS_SHEET, INDICATOR_COLUMNS, rows.indicators);
  await addHelpSheet(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// Excel runs a cell starting with these as a formula; a quote keeps it text (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: Cell) {
  if (value === null) return "";
  // French Excel reads "12,5" as a number and "12.5" as text.
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark and `;` between fields: what French Excel opens correctly. */
export function buildCsv<Key extends string>(columns: readonly Column<Key>[], rows: Row<Key>[]) {
  const lines = [columns.map((column) => csvField(column.header)), ...rows.map((row) => columns.map((column) => csvField(row[column.key])))];
  return `\uFEFF${lines.map((fields) => fields.join(";")).join("\r\n")}\r\n`;
}

function slug(text: string) {
  const ascii = text
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^plan-/, "");
  const short = ascii.length > 50 ? ascii.slice(0, 50).replace(/-[^-]*$/, "") : ascii;
  return short || "sans-titre";
}

/** "plan-<titre>-<AAAA-MM-JJ>[-<suffixe>].<ext>", ASCII only so every browser keeps it. */
export function exportFileName(planTitle: string, extension: "xlsx" | "csv" | "pdf" | "docx", today: Date, suffix?: string) {
  const parts = ["plan", slug(planTitle), today.toISOString().slice(0, 10), suffix].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}

export function attachmentHeaders(fileName: string, contentType: string) {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    // The plan may hold figures not meant for shared caches.
    "Cache-Control": "private, no-store",
  };
}

export async function exportPlanWorkbook(plan: { id: string; title: string }, today = new Date()) {
  const body = await buildWorkbook(await loadExportRows(plan.id));
  return { body, headers: attachmentHeaders(exportFileName(plan.title, "xlsx", today), XLSX_CONTENT_TYPE) };
}

export async function exportPlanCsv(plan: { id: string; title: string }, sheet: "actions" | "indicators", today = new Date()) {
  const rows = await loadExportRows(plan.id);
  const body =
    sheet === "indicators" ? buildCsv(INDICATOR_COLUMNS, rows.indicators) : buildCsv(ACTION_COLUMNS, rows.actions);
  const fileName = exportFileName(plan.title, "csv", today, sheet === "indicators" ? "indicateurs" : undefined);
  return { body, headers: attachmentHeaders(fileName, CSV_CONTENT_TYPE) };
}
