// Reporting compliance: per organisation and period, how many reports were expected,
// sent on time or late, are missing, and were approved; and whom to call about the
// overdue ones.
import type { ActionStatus, ReviewState } from "~/generated/prisma/enums";
import { listCurrentFocalPoints } from "~/modules/handover/focal-points.server";
import { getCurrentPlan } from "~/modules/plans/plans.server";
import { bamakoDay, daysBetween, isReportExpected, isSubmittedLate } from "~/modules/reporting/due";
import { prisma } from "~/utils/db.server";

export type ComplianceAction = {
  id: string;
  leadOrganisationId: string;
  status: ActionStatus;
  startDate: Date | null;
  endDate: Date | null;
};
export type CompliancePeriod = { id: string; startDate: Date; endDate: Date; dueDate: Date };
export type ComplianceReport = {
  actionId: string;
  periodId: string;
  organisationId: string;
  reviewState: ReviewState;
  submittedAt: Date | null;
};

export type ComplianceCounts = { due: number; onTime: number; late: number; missing: number; pending: number; approved: number };

export type ComplianceRow = ComplianceCounts & { periodId: string; organisationId: string };
export type OverdueItem = { actionId: string; periodId: string; organisationId: string; daysLate: number; reportState: ReviewState | null };

const zero = (): ComplianceCounts => ({ due: 0, onTime: 0, late: 0, missing: 0, pending: 0, approved: 0 });

function add(into: ComplianceCounts, from: ComplianceCounts) {
  into.due += from.due;
  into.onTime += from.onTime;
  into.late += from.late;
  into.missing += from.missing;
  into.pending += from.pending;
  into.approved += from.approved;
}

/**
 * The counting rule, on plain data. An action owes a report for a period by the rule of
 * due.ts (`isReportExpected`), closed periods included: a report that never came is
 * missing whether or not the period was closed since. A report that exists is expected
 * too, even if its action has since been completed, so an approval that closes an action
 * does not make its own report vanish from the figures.
 *
 * Each expected (action, period) counts once in `due` and in exactly one of `onTime`
 * (first submitted on or before the due day, in Bamako), `late` (submitted after it),
 * `missing` (not submitted, due day passed) or `pending` (not submitted, not yet due).
 * `approved` counts the approved among the submitted.
 */
export function tallyCompliance(input: {
  periods: CompliancePeriod[];
  actions: ComplianceAction[];
  reports: ComplianceReport[];
  today: Date;
}) {
  const today = bamakoDay(input.today);
  const reportByKey = new Map(input.reports.map((report) => [`${report.actionId}|${report.periodId}`, report]));
  const rows = new Map<string, ComplianceRow>();
  const overdue: OverdueItem[] = [];

  for (const period of input.periods) {
    const dueDay = bamakoDay(period.dueDate);
    for (const action of input.actions) {
      const report = reportByKey.get(`${action.id}|${period.id}`);
      if (!report && !isReportExpected(action, period)) continue;
      const organisationId = report?.organisationId ?? action.leadOrganisationId;
      const key = `${period.id}|${organisationId}`;
      const row = rows.get(key) ?? { ...zero(), periodId: period.id, organisationId };
      rows.set(key, row);
      row.due += 1;
      if (report?.submittedAt) {
        if (isSubmittedLate(report.submittedAt, period.dueDate)) row.late += 1;
        else row.onTime += 1;
        if (report.reviewState === "APPROVED") row.approved += 1;
      } else if (today > dueDay) {
        row.missing += 1;
        overdue.push({
          actionId: action.id,
          periodId: period.id,
          organisationId,
          daysLate: daysBetween(dueDay, today),
          reportState: report?.reviewState ?? null,
        });
      } else {
        row.pending += 1;
      }
    }
  }

  const totalsByPeriod = new Map<string, ComplianceCounts>();
  const total = zero();
  for (const row of rows.values()) {
    const periodTotal = totalsByPeriod.get(row.periodId) ?? zero();
    add(periodTotal, row);
    totalsByPeriod.set(row.periodId, periodTotal);
    add(total, row);
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate || a.organisationId.localeCompare(b.organisationId));
  return { rows: [...rows.values()], totalsByPeriod, total, overdue };
}

export async function listCompliancePlans() {
  return prisma.actionPlan.findMany({
    where: { reportingPeriods: { some: {} } },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}

/** The compliance of a plan's reporting (the current plan when none is given), optionally for one period. */
export async function getCompliance(params: { planId?: string; periodId?: string }, today = new Date()) {
  const plan = params.planId
    ? await prisma.actionPlan.findUnique({ where: { id: params.planId }, select: { id: true, title: true } })
    : await getCurrentPlan();
  if (!plan) return null;

  const allPeriods = await prisma.reportingPeriod.findMany({
    where: { planId: plan.id },
    orderBy: { startDate: "asc" },
    select: { id: true, label: true, startDate: true, endDate: true, dueDate: true, status: true },
  });
  const periods = params.periodId ? allPeriods.filter((period) => period.id === params.periodId) : allPeriods;
  const periodIds = periods.map((period) => period.id);
  const [actions, reports] = await Promise.all([
    prisma.action.findMany({
      where: { planId: plan.id },
      orderBy: { code: "asc" },
      select: { id: true, code: true, title: true, leadOrganisationId: true, status: true, startDate: true, endDate: true },
    }),
    prisma.progressReport.findMany({
      where: { periodId: { in: periodIds } },
      select: { id: true, actionId: true, periodId: true, organisationId: true, reviewState: true, submittedAt: true },
    }),
  ]);

  const tally = tallyCompliance({ periods, actions, reports, today });
  const organisationIds = [...new Set(tally.rows.map((row) => row.organisationId))];
  const overdueOrganisationIds = [...new Set(tally.overdue.map((item) => item.organisationId))];
  const [organisations, focalPoints] = await Promise.all([
    prisma.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, acronym: true, name: true } }),
    listCurrentFocalPoints(prisma, overdueOrganisationIds),
  ]);
  const organisationById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const actionById = new Map(actions.map((action) => [action.id, action]));
  const periodById = new Map(periods.map((period) => [period.id, period]));
  const reportByKey = new Map(reports.map((report) => [`${report.actionId}|${report.periodId}`, report.id]));
  const noOrganisation = { id: "", acronym: "?", name: "?" };

  return {
    plan,
    periods: allPeriods.map(({ id, label }) => ({ id, label })),
    total: tally.total,
    byPeriod: periods.map((period) => ({
      period: { id: period.id, label: period.label, dueDate: period.dueDate, status: period.status },
      totals: tally.totalsByPeriod.get(period.id) ?? zero(),
      rows: tally.rows
        .filter((row) => row.periodId === period.id)
        .map(({ periodId: _periodId, organisationId, ...counts }) => ({
          organisation: organisationById.get(organisationId) ?? noOrganisation,
          ...counts,
        }))
        .sort((a, b) => a.organisation.acronym.localeCompare(b.organisation.acronym)),
    })),
    overdue: tally.overdue.flatMap((item) => {
      const action = actionById.get(item.actionId);
      const period = periodById.get(item.periodId);
      if (!action || !period) return [];
      return [
        {
          action: { id: action.id, code: action.code, title: action.title },
          period: { id: period.id, label: period.label, dueDate: period.dueDate },
          organisation: organisationById.get(item.organisationId) ?? noOrganisation,
          reportId: reportByKey.get(`${item.actionId}|${item.periodId}`) ?? null,
          reportState: item.reportState,
          daysLate: item.daysLate,
          focalPoints: focalPoints
            .filter((focalPoint) => focalPoint.organisationId === item.organisationId)
            .map(({ name, email }) => ({ name, email })),
        },
      ];
    }),
  };
}
