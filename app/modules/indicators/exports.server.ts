// The dashboard's downloads: a plan's indicators with their approved values by period, and its
// progress reports, for the filters of the page (plan, objective, lead ministry, global
// indicator), as CSV (French Excel: BOM and ";") or XLSX, with headers in the reader's language.
import ExcelJS from "exceljs";
import type { Prisma } from "~/generated/prisma/client";
import { attachmentHeaders, addDataSheet, buildCsv, CSV_CONTENT_TYPE, exportFileName, XLSX_CONTENT_TYPE } from "~/modules/spreadsheet/export.server";
import type { Column } from "~/modules/spreadsheet/layout";
import { prisma } from "~/utils/db.server";
import { translator, type Lang } from "~/utils/i18n";
import type { IndicatorFilters } from "./filters";
import { listIndicatorStatuses, type IndicatorList } from "./monitoring.server";

type Cell = string | number | null;
export type ExportTable = { name: string; columns: Column[]; rows: Record<string, Cell>[] };

const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** One row per indicator: its plan, standing, and one column per reporting period of the plan. */
export function indicatorTable(list: IndicatorList, lang: Lang): ExportTable {
  const t = translator(lang);
  const columns: Column[] = [
    { key: "actionCode", header: t("exports.col.actionCode"), width: 12, kind: "text" },
    { key: "actionTitle", header: t("exports.col.actionTitle"), width: 40, kind: "text" },
    { key: "objective", header: t("exports.col.objective"), width: 10, kind: "number" },
    { key: "lead", header: t("exports.col.lead"), width: 12, kind: "text" },
    { key: "indicator", header: t("exports.col.indicator"), width: 45, kind: "text" },
    { key: "unit", header: t("exports.col.unit"), width: 14, kind: "text" },
    { key: "kind", header: t("exports.col.kind"), width: 12, kind: "text" },
    { key: "global", header: t("exports.col.global"), width: 20, kind: "text" },
    { key: "baseline", header: t("exports.col.baseline"), width: 12, kind: "decimal" },
    { key: "baselineDate", header: t("exports.col.baselineDate"), width: 12, kind: "day" },
    { key: "target", header: t("exports.col.target"), width: 12, kind: "decimal" },
    { key: "targetDate", header: t("exports.col.targetDate"), width: 12, kind: "day" },
    ...list.periods.map((period): Column => ({ key: `period:${period.id}`, header: t("exports.col.period", { period: period.label }), width: 14, kind: "decimal" })),
    { key: "latest", header: t("exports.col.latest"), width: 12, kind: "decimal" },
    { key: "progress", header: t("exports.col.progress"), width: 12, kind: "decimal" },
    { key: "judgement", header: t("exports.col.judgement"), width: 16, kind: "text" },
  ];
  const rows = list.rows.map((row) => {
    const byPeriod = new Map(row.values.map((value) => [value.periodId, value.value]));
    return {
      actionCode: row.action.code,
      actionTitle: row.action.title,
      objective: row.action.mainObjectiveNumber,
      lead: row.action.leadOrganisation.acronym,
      indicator: row.name,
      unit: row.unit,
      kind: t(`indicatorKind.${row.kind}`),
      global: row.globalIndicators.map((item) => `${t(`globalFramework.${item.framework}`)} ${item.code}`).join(", ") || null,
      baseline: row.baselineValue,
      baselineDate: row.baselineDate,
      target: row.targetValue,
      targetDate: row.targetDate,
      ...Object.fromEntries(list.periods.map((period) => [`period:${period.id}`, byPeriod.get(period.id) ?? null])),
      latest: row.status.latest?.value ?? null,
      progress: round(row.status.progress),
      judgement: t(`judgement.${row.status.judgement}`),
    };
  });
  return { name: t("exports.sheet.indicators"), columns, rows };
}

/**
 * One row per progress report of the plan's actions under the filters, drafts left out (they are
 * the focal point's working copy). `organisationId`: only that organisation's reports (a focal point's).
 */
export async function reportTable(planId: string, filters: IndicatorFilters, lang: Lang, organisationId: string | null): Promise<ExportTable> {
  const t = translator(lang);
  const where: Prisma.ProgressReportWhereInput = {
    reviewState: { not: "DRAFT" },
    action: {
      planId,
      ...(filters.objective ? { mainObjectiveNumber: filters.objective } : {}),
      ...(filters.organisationId ? { leadOrganisationId: filters.organisationId } : {}),
      ...(filters.globalIndicatorId ? { indicators: { some: { globalLinks: { some: { globalIndicatorId: filters.globalIndicatorId } } } } } : {}),
    },
    ...(organisationId ? { organisationId } : {}),
  };
  const reports = await prisma.progressReport.findMany({
    where,
    orderBy: [{ period: { startDate: "asc" } }, { action: { code: "asc" } }],
    select: {
      reviewState: true,
      status: true,
      progress: true,
      narrative: true,
      challenges: true,
      submittedAt: true,
      reviewedAt: true,
      period: { select: { label: true } },
      organisation: { select: { acronym: true } },
      action: { select: { code: true, title: true, mainObjectiveNumber: true } },
    },
  });
  const columns: Column[] = [
    { key: "period", header: t("exports.col.periodLabel"), width: 20, kind: "text" },
    { key: "actionCode", header: t("exports.col.actionCode"), width: 12, kind: "text" },
    { key: "actionTitle", header: t("exports.col.actionTitle"), width: 40, kind: "text" },
    { key: "objective", header: t("exports.col.objective"), width: 10, kind: "number" },
    { key: "organisation", header: t("exports.col.lead"), width: 12, kind: "text" },
    { key: "reviewState", header: t("exports.col.reviewState"), width: 16, kind: "text" },
    { key: "status", header: t("exports.col.status"), width: 14, kind: "text" },
    { key: "progress", header: t("exports.col.actionProgress"), width: 12, kind: "number" },
    { key: "submittedAt", header: t("exports.col.submittedAt"), width: 12, kind: "day" },
    { key: "reviewedAt", header: t("exports.col.reviewedAt"), width: 12, kind: "day" },
    { key: "narrative", header: t("exports.col.narrative"), width: 60, kind: "text" },
    { key: "challenges", header: t("exports.col.challenges"), width: 40, kind: "text" },
  ];
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  const rows = reports.map((report) => ({
    period: report.period.label,
    actionCode: report.action.code,
    actionTitle: report.action.title,
    objective: report.action.mainObjectiveNumber,
    organisation: report.organisation.acronym,
    reviewState: t(`reports.state.${report.reviewState}`),
    status: t(`actionStatus.${report.status}`),
    progress: report.progress,
    submittedAt: day(report.submittedAt),
    reviewedAt: day(report.reviewedAt),
    narrative: report.narrative,
    challenges: report.challenges,
  }));
  return { name: t("exports.sheet.reports"), columns, rows };
}

export type ExportRequest = {
  table: "indicators" | "reports";
  format: "csv" | "xlsx";
  filters: IndicatorFilters;
  lang: Lang;
  /** Set for a focal point: the reports export is limited to their organisation. */
  ownOrganisationId: string | null;
};

/** The file to download, or null when the plan does not exist. */
export async function dashboardExport(request: ExportRequest, today = new Date()) {
  const list = await listIndicatorStatuses({ ...request.filters, show: "all" }, today);
  if (!list) return null;
  const table =
    request.table === "indicators"
      ? indicatorTable(list, request.lang)
      : await reportTable(list.plan.id, request.filters, request.lang, request.ownOrganisationId);
  const suffix = translator(request.lang)(request.table === "indicators" ? "exports.file.indicators" : "exports.file.reports");
  const fileName = exportFileName(list.plan.title, request.format, today, suffix);
  if (request.format === "csv") {
    return { body: buildCsv(table.columns, table.rows), headers: attachmentHeaders(fileName, CSV_CONTENT_TYPE) };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Pacte";
  workbook.created = today;
  addDataSheet(workbook, table.name, table.columns, table.rows);
  return { body: new Uint8Array(await workbook.xlsx.writeBuffer()), headers: attachmentHeaders(fileName, XLSX_CONTENT_TYPE) };
}
