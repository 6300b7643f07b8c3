// The spreadsheet import: read an uploaded workbook, check every row with the forms' own
// schemas (after turning codes into ids), then write everything in one transaction.
import ExcelJS from "exceljs";
import { insertAction } from "~/modules/actions/actions.server";
import { actionSchema, type ActionInput } from "~/modules/actions/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { insertIndicator } from "~/modules/indicators/indicators.server";
import { IndicatorSchema, type IndicatorInput } from "~/modules/indicators/schema";
import { planPeriod, planStateError } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { DomainError, isDomainError } from "~/utils/domain-error";
import type { MessageKey, Params } from "~/utils/i18n";
import {
  ACTION_COLUMNS,
  ACTIONS_SHEET,
  choiceValue,
  DISAGGREGATION_LABELS,
  FREQUENCY_LABELS,
  INDICATOR_COLUMNS,
  INDICATORS_SHEET,
  KIND_LABELS,
  MAX_FILE_BYTES,
  MAX_ROWS,
  normaliseHeader,
  PRIORITY_LABELS,
  splitList,
  type ActionColumnKey,
  type Column,
  type IndicatorColumnKey,
  type SheetName,
} from "./layout";
import type { RawImport, RawRow } from "./schema";

/** Why a whole file is refused (400), as a catalogue key and its parameters. */
export type FileProblem = { message: MessageKey; params?: Params };

/** One problem in one cell: the row as Excel numbers it, the column by its French header. */
export type RowError = {
  sheet: SheetName;
  row: number;
  column: string | null;
  value: string;
  /** A catalogue key (from the forms' schemas or "spreadsheet.*"). */
  message: string;
  params?: Params;
};

// ---------------------------------------------------------------------------
// Receiving and reading the file
// ---------------------------------------------------------------------------

/** Why an upload was refused (utils/upload.server.ts), as the page says it. */
export function uploadProblem(problem: "tooLarge" | "noFile"): FileProblem {
  return problem === "tooLarge" ? { message: "spreadsheet.tooLarge", params: { max: MAX_FILE_BYTES / 1_000_000 } } : { message: "spreadsheet.noFile" };
}

function isoDay(date: Date) {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** What a cell shows, as text: dates as "AAAA-MM-JJ", formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return isoDay(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? "" : cellText(value.result);
  if ("hyperlink" in value) return cellText(value.text);
  if ("error" in value) return value.error;
  return "";
}

function findSheet(workbook: ExcelJS.Workbook, name: string) {
  return workbook.worksheets.find((sheet) => normaliseHeader(sheet.name) === normaliseHeader(name));
}

function quoted(values: string[]) {
  return values.map((value) => `« ${value} »`).join(", ");
}

type SheetRead = { ok: true; rows: RawRow[] } | { ok: false; problem: FileProblem };

/** The sheet's non-empty rows as cell text by column key; the header must be the export's. */
function readSheet(sheet: ExcelJS.Worksheet, name: SheetName, columns: readonly Column[]): SheetRead {
  const byHeader = new Map(columns.map((column) => [normaliseHeader(column.header), column]));
  const positions: { index: number; column: Column }[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    const header = cellText(cell.value).trim();
    if (!header) return;
    const column = byHeader.get(normaliseHeader(header));
    if (!column) unknown.push(header);
    else if (positions.some((position) => position.column.key === column.key)) repeated.push(header);
    else positions.push({ index, column });
  });
  if (unknown.length) {
    return { ok: false, problem: { message: "spreadsheet.unknownColumns", params: { sheet: name, columns: quoted(unknown) } } };
  }
  if (repeated.length) {
    return { ok: false, problem: { message: "spreadsheet.repeatedColumns", params: { sheet: name, columns: quoted(repeated) } } };
  }
  const missing = columns.filter((column) => column.required && !positions.some((position) => position.column.key === column.key));
  if (missing.length) {
    const columnsText = quoted(missing.map((column) => column.header));
    return { ok: false, problem: { message: "spreadsheet.missingColumns", params: { sheet: name, columns: columnsText } } };
  }
  const read = positions.filter((position) => !position.column.informative);
  const rows: RawRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1 || tooMany) return;
    const cells: Record<string, string> = {};
    for (const { index, column } of read) {
      const text = cellText(row.getCell(index).value).trim();
      if (text) cells[column.key] = text;
    }
    if (Object.keys(cells).length === 0) return;
    if (rows.length >= MAX_ROWS) tooMany = true;
    else rows.push({ row: number, cells });
  });
  if (tooMany) return { ok: false, problem: { message: "spreadsheet.tooManyRows", params: { sheet: name, max: MAX_ROWS } } };
  return { ok: true, rows };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type WorkbookRead = { ok: true; raw: RawImport } | { ok: false; problem: FileProblem };

/** The rows of the "Actions" and "Indicateurs" sheets; other sheets (such as "Aide") are ignored. */
export async function readWorkbook(fileName: string, content: ArrayBuffer): Promise<WorkbookRead> {
  const notXlsx: WorkbookRead = { ok: false, problem: { message: "spreadsheet.notXlsx" } };
  // An .xlsx file is a zip archive; anything else (.xls, .csv, a PDF) stops here.
  const start = new Uint8Array(content, 0, Math.min(4, content.byteLength));
  if (start.length < 4 || ZIP_MAGIC.some((byte, index) => start[index] !== byte)) return notXlsx;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content);
  } catch {
    return notXlsx;
  }
  const actionsSheet = findSheet(workbook, ACTIONS_SHEET);
  if (!actionsSheet) return { ok: false, problem: { message: "spreadsheet.missingSheet", params: { sheet: ACTIONS_SHEET } } };
  const actions = readSheet(actionsSheet, ACTIONS_SHEET, ACTION_COLUMNS);
  if (!actions.ok) return actions;
  if (actions.rows.length === 0) return { ok: false, problem: { message: "spreadsheet.noActions", params: { sheet: ACTIONS_SHEET } } };
  const indicatorsSheet = findSheet(workbook, INDICATORS_SHEET);
  const indicators = indicatorsSheet ? readSheet(indicatorsSheet, INDICATORS_SHEET, INDICATOR_COLUMNS) : { ok: true as const, rows: [] };
  if (!indicators.ok) return indicators;
  return { ok: true, raw: { fileName, actions: actions.rows, indicators: indicators.rows } };
}

// ---------------------------------------------------------------------------
// Checking the rows
// ---------------------------------------------------------------------------

/** Which column holds each field of the action form. */
const ACTION_FIELD_COLUMNS = {
  code: "code",
  title: "title",
  description: "description",
  expectedResult: "expectedResult",
  mainObjectiveNumber: "mainObjective",
  otherObjectives: "otherObjectives",
  axisIds: "axes",
  principleNumbers: "principles",
  leadOrganisationId: "lead",
  partnerIds: "partners",
  startDate: "startDate",
  endDate: "endDate",
  estimatedBudget: "estimatedBudget",
  securedFunding: "securedFunding",
  priority: "priority",
} as const satisfies Record<keyof ActionInput, ActionColumnKey>;

const INDICATOR_FIELD_COLUMNS = {
  name: "name",
  definition: "definition",
  unit: "unit",
  kind: "kind",
  baselineValue: "baselineValue",
  baselineDate: "baselineDate",
  targetValue: "targetValue",
  targetDate: "targetDate",
  frequency: "frequency",
  dataSource: "dataSource",
  verificationMeans: "verificationMeans",
  disaggregation: "disaggregation",
  // The workbook has no column for the global indicators: they are picked on the indicator form.
} as const satisfies Record<Exclude<keyof IndicatorInput, "globalIndicators">, IndicatorColumnKey>;

const actionColumnOfField = new Map<PropertyKey, string>(Object.entries(ACTION_FIELD_COLUMNS));
const indicatorColumnOfField = new Map<PropertyKey, string>(Object.entries(INDICATOR_FIELD_COLUMNS));

// In a form these are picked from a list; in a sheet they are typed, so say what is allowed.
const RANGE_MESSAGES: Record<string, MessageKey> = {
  otherObjectives: "spreadsheet.objectiveRange",
  principles: "spreadsheet.principleRange",
};

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The errors of one row: at most one per cell, the first found (a lookup before the schema). */
function rowErrors(sheet: SheetName, raw: RawRow, columns: readonly Column[]) {
  const errors = new Map<string, RowError>();
  return {
    add(key: string | null, message: string, params?: Params) {
      const id = key ?? "";
      if (errors.has(id)) return;
      const column = columns.find((candidate) => candidate.key === key);
      let finalMessage = message;
      let finalParams = params;
      if (message === "validation.invalidChoice" && column?.labels) {
        finalMessage = "spreadsheet.invalidChoice";
        finalParams = { choices: Object.values(column.labels).join(", ") };
      } else if (message === "validation.invalidChoice" && key && RANGE_MESSAGES[key]) {
        finalMessage = RANGE_MESSAGES[key];
      }
      errors.set(id, {
        sheet,
        row: raw.row,
        column: column?.header ?? null,
        value: key ? clip(raw.cells[key] ?? "") : "",
        message: finalMessage,
        ...(finalParams ? { params: finalParams } : {}),
      });
    },
    has: (key: string) => errors.has(key),
    list: () => [...errors.values()],
  };
}

type Lookups = {
  organisations: Map<string, { id: string; active: boolean }>;
  axes: Map<string, string>;
  takenCodes: Set<string>;
};

async function loadLookups(planId: string): Promise<Lookups> {
  const [organisations, axes, actions] = await Promise.all([
    prisma.organisation.findMany({ select: { id: true, acronym: true, active: true } }),
    prisma.policyAxis.findMany({ where: { framework: { isCurrent: true } }, select: { id: true, number: true } }),
    prisma.action.findMany({ where: { planId }, select: { code: true } }),
  ]);
  return {
    organisations: new Map(organisations.map((org) => [org.acronym.toUpperCase(), { id: org.id, active: org.active }])),
    axes: new Map(axes.map((axis) => [String(axis.number), axis.id])),
    takenCodes: new Set(actions.map((action) => action.code)),
  };
}

const isString = (value: string | undefined): value is string => typeof value === "string";
const axisKey = (typed: string) => (/^\d+$/.test(typed) ? String(Number(typed)) : typed);

function checkActionRow(raw: RawRow, lookups: Lookups, schema: ReturnType<typeof actionSchema>) {
  const cell = (key: ActionColumnKey) => raw.cells[key]?.trim() ?? "";
  const errors = rowErrors(ACTIONS_SHEET, raw, ACTION_COLUMNS);
  const organisation = (acronym: string) => lookups.organisations.get(acronym.toUpperCase());

  const leadAcronym = cell("lead");
  const lead = leadAcronym ? organisation(leadAcronym) : undefined;
  if (leadAcronym && !lead) errors.add("lead", "spreadsheet.unknownOrganisation", { value: leadAcronym });
  else if (lead && !lead.active) errors.add("lead", "spreadsheet.inactiveOrganisation", { value: leadAcronym });

  const partners = splitList(cell("partners"));
  const unknownPartners = partners.filter((acronym) => !organisation(acronym));
  const inactivePartners = partners.filter((acronym) => organisation(acronym)?.active === false);
  if (unknownPartners.length) errors.add("partners", "spreadsheet.unknownOrganisation", { value: unknownPartners.join(", ") });
  else if (inactivePartners.length) errors.add("partners", "spreadsheet.inactiveOrganisation", { value: inactivePartners.join(", ") });

  const axes = splitList(cell("axes"));
  const unknownAxes = axes.filter((number) => !lookups.axes.has(axisKey(number)));
  if (unknownAxes.length) errors.add("axes", "spreadsheet.unknownAxis", { value: unknownAxes.join(", ") });

  const result = schema.safeParse({
    code: cell("code"),
    title: cell("title"),
    description: cell("description"),
    expectedResult: cell("expectedResult"),
    mainObjectiveNumber: cell("mainObjective"),
    otherObjectives: splitList(cell("otherObjectives")),
    axisIds: axes.map((number) => lookups.axes.get(axisKey(number))).filter(isString),
    principleNumbers: splitList(cell("principles")),
    leadOrganisationId: lead?.id ?? "",
    partnerIds: partners.map((acronym) => organisation(acronym)?.id).filter(isString),
    startDate: cell("startDate"),
    endDate: cell("endDate"),
    estimatedBudget: cell("estimatedBudget"),
    securedFunding: cell("securedFunding"),
    priority: choiceValue(PRIORITY_LABELS, cell("priority")),
  });
  if (!result.success) {
    for (const issue of result.error.issues) errors.add(actionColumnOfField.get(issue.path[0] ?? "") ?? null, issue.message);
  }
  return { input: result.success ? result.data : null, errors };
}

function checkIndicatorRow(raw: RawRow, actionCodes: Set<string>) {
  const cell = (key: IndicatorColumnKey) => raw.cells[key]?.trim() ?? "";
  const errors = rowErrors(INDICATORS_SHEET, raw, INDICATOR_COLUMNS);
  const actionCode = cell("actionCode").toUpperCase();
  if (!actionCode) errors.add("actionCode", "validation.required");
  else if (!actionCodes.has(actionCode)) errors.add("actionCode", "spreadsheet.unknownActionCode", { value: actionCode });
  const result = IndicatorSchema.safeParse({
    name: cell("name"),
    definition: cell("definition"),
    unit: cell("unit"),
    kind: choiceValue(KIND_LABELS, cell("kind")),
    baselineValue: cell("baselineValue"),
    baselineDate: cell("baselineDate"),
    targetValue: cell("targetValue"),
    targetDate: cell("targetDate"),
    frequency: choiceValue(FREQUENCY_LABELS, cell("frequency")),
    dataSource: cell("dataSource"),
    verificationMeans: cell("verificationMeans"),
    disaggregation: splitList(cell("disaggregation")).map((typed) => choiceValue(DISAGGREGATION_LABELS, typed)),
  });
  if (!result.success) {
    for (const issue of result.error.issues) errors.add(indicatorColumnOfField.get(issue.path[0] ?? "") ?? null, issue.message);
  }
  return { actionCode, input: result.success ? result.data : null, errors };
}

export type ImportPreview = {
  fileName: string;
  actions: { row: number; code: string; title: string; mainObjective: string; lead: string; indicatorCount: number; errorCount: number }[];
  indicators: { row: number; actionCode: string; name: string; kind: string; errorCount: number }[];
  errors: RowError[];
};

/** An action ready to be written, with its indicators in the file's order. */
export type CheckedAction = { row: number; input: ActionInput; indicators: { row: number; input: IndicatorInput }[] };

/**
 * Every row checked as the forms check them, plus what only a file can get wrong: unknown
 * acronyms or axis numbers, a code twice in the file or already in the plan, an indicator
 * whose action is not in the file. `valid` is null unless there is no error at all.
 */
export async function checkImport(
  plan: { id: string; startDate: Date; endDate: Date },
  raw: RawImport,
): Promise<{ preview: ImportPreview; valid: CheckedAction[] | null }> {
  const lookups = await loadLookups(plan.id);
  const schema = actionSchema(planPeriod(plan));

  const firstRowOfCode = new Map<string, number>();
  const actions = raw.actions.map((row) => {
    const checked = checkActionRow(row, lookups, schema);
    const code = (row.cells.code ?? "").trim().toUpperCase();
    if (code && !checked.errors.has("code")) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) checked.errors.add("code", "spreadsheet.duplicateCode", { row: first });
      else if (lookups.takenCodes.has(code)) checked.errors.add("code", "validation.actionCodeTaken");
    }
    if (code && !firstRowOfCode.has(code)) firstRowOfCode.set(code, row.row);
    return { row, code, ...checked };
  });
  const codesInFile = new Set(firstRowOfCode.keys());
  const indicators = raw.indicators.map((row) => ({ row, ...checkIndicatorRow(row, codesInFile) }));

  const errors = [...actions.flatMap((action) => action.errors.list()), ...indicators.flatMap((indicator) => indicator.errors.list())];
  const preview: ImportPreview = {
    fileName: raw.fileName,
    actions: actions.map(({ row, code, errors: rowErrorList }) => ({
      row: row.row,
      code,
      title: clip(row.cells.title ?? "", 120),
      mainObjective: row.cells.mainObjective ?? "",
      lead: row.cells.lead ?? "",
      indicatorCount: indicators.filter((indicator) => indicator.actionCode === code).length,
      errorCount: rowErrorList.list().length,
    })),
    indicators: indicators.map(({ row, actionCode, errors: rowErrorList }) => ({
      row: row.row,
      actionCode,
      name: clip(row.cells.name ?? "", 120),
      kind: row.cells.kind ?? "",
      errorCount: rowErrorList.list().length,
    })),
    errors,
  };
  if (errors.length) return { preview, valid: null };

  const valid: CheckedAction[] = [];
  for (const action of actions) {
    if (!action.input) return { preview, valid: null };
    const own = [];
    for (const indicator of indicators) {
      if (indicator.actionCode !== action.code) continue;
      if (!indicator.input) return { preview, valid: null };
      own.push({ row: indicator.row.row, input: indicator.input });
    }
    valid.push({ row: action.row.row, input: action.input, indicators: own });
  }
  return { preview, valid };
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------


/** A row refused while writing (its cells' problems): the whole import is undone. */
function importRowsError(rows: RowError[]) {
  return new DomainError<"importRows", RowError[]>("invalid", "importRows", { details: rows });
}

function isImportRowsError(error: unknown): error is DomainError<"importRows", RowError[]> {
  return isDomainError(error, "importRows");
}

export type ImportResult =
  | { ok: true; actions: number; indicators: number }
  | { ok: false; reason: "notDraft" }
  | { ok: false; reason: "invalid"; errors: RowError[] };

/**
 * Adds the checked actions and their indicators to the plan in one transaction, with an
 * audit entry for the import: if anything is refused on the way, nothing is written.
 */
export async function writeImport(actorId: string, planId: string, fileName: string, actions: CheckedAction[]): Promise<ImportResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        // Takes the plan's row lock until commit: an adoption at the same moment either
        // waits for the import or is seen here, and then nothing is written.
        const draft = await tx.actionPlan.updateMany({ where: { id: planId, status: "DRAFT" }, data: { updatedAt: new Date() } });
        if (draft.count === 0) throw planStateError("notDraft");
        let indicatorCount = 0;
        for (const action of actions) {
          let created: { id: string };
          try {
            created = await insertAction(tx, { actorId, planId, input: action.input });
          } catch (error) {
            if (!isDomainError(error, "actionInput")) throw error;
            const row: RawRow = { row: action.row, cells: {} };
            const errors = rowErrors(ACTIONS_SHEET, row, ACTION_COLUMNS);
            for (const [field, message] of Object.entries(error.fieldErrors ?? {})) errors.add(actionColumnOfField.get(field) ?? null, message);
            throw importRowsError(errors.list());
          }
          for (const [position, indicator] of action.indicators.entries()) {
            await insertIndicator(tx, { actorId, actionId: created.id, input: indicator.input, position });
            indicatorCount += 1;
          }
        }
        await recordAudit(
          {
            actorId,
            entityType: "ActionPlan",
            entityId: planId,
            action: "import",
            changes: { fileName, actions: actions.map((action) => action.input.code), indicators: indicatorCount },
          },
          tx,
        );
        return { ok: true as const, actions: actions.length, indicators: indicatorCount };
      },
      // A large plan means thousands of statements; the default 5 s would cut it short.
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (isDomainError(error, "notDraft")) return { ok: false, reason: "notDraft" };
    if (isImportRowsError(error)) return { ok: false, reason: "invalid", errors: error.details ?? [] };
    throw error;
  }
}
