// What IOM and the national coordination follow: a plan's progress by GCM objective, by
// PONAM axis and by lead ministry, with the reporting of its open periods. A few queries
// per page, whatever the plan's size. (The voluntary review report: modules/review-report.)
import type { ActionStatus } from "~/generated/prisma/enums";
import { tallyCompliance, type CompliancePeriod, type ComplianceReport } from "~/modules/compliance/compliance.server";
import { getCurrentPlan, getPlan } from "~/modules/plans/plans.server";
import { attachmentHeaders, buildCsv, CSV_CONTENT_TYPE, exportFileName } from "~/modules/spreadsheet/export.server";
import type { Column } from "~/modules/spreadsheet/layout";
import { prisma } from "~/utils/db.server";
import { organisationRefSelect } from "~/modules/organisations/fields";

/** An action as the figures need it: amounts in FCFA as plain numbers. */
export type FigureAction = {
  id: string;
  status: ActionStatus;
  progress: number;
  estimatedBudget: number | null;
  securedFunding: number | null;
  leadOrganisationId: string;
  startDate: Date | null;
  endDate: Date | null;
};

export type Reporting = { periods: CompliancePeriod[]; reports: ComplianceReport[]; today: Date };

export type Figures = {
  actionCount: number;
  byStatus: Record<ActionStatus, number>;
  /** Mean progress (0-100) of the actions that are not cancelled; null when there are none. */
  averageProgress: number | null;
  estimatedBudget: number;
  securedFunding: number;
  /** Reports of the periods followed: expected, submitted (on time or late), approved. */
  reports: { expected: number; submitted: number; approved: number };
};

/**
 * The figures of a group of actions. Cancelled actions count in the number of actions and
 * in the breakdown by status, not in the average progress (their progress stopped). The
 * reports follow the compliance rule (`tallyCompliance`), so they match the Suivi page.
 */
export function summarise(actions: FigureAction[], reporting?: Reporting): Figures {
  const byStatus = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0, DELAYED: 0, CANCELLED: 0 } satisfies Record<ActionStatus, number>;
  let progressSum = 0;
  let progressCount = 0;
  let estimatedBudget = 0;
  let securedFunding = 0;
  for (const action of actions) {
    byStatus[action.status] += 1;
    if (action.status !== "CANCELLED") {
      progressSum += action.progress;
      progressCount += 1;
    }
    estimatedBudget += action.estimatedBudget ?? 0;
    securedFunding += action.securedFunding ?? 0;
  }
  const reports = { expected: 0, submitted: 0, approved: 0 };
  if (reporting && actions.length > 0) {
    const { total } = tallyCompliance({ ...reporting, actions });
    reports.expected = total.due;
    reports.submitted = total.onTime + total.late;
    reports.approved = total.approved;
  }
  return {
    actionCount: actions.length,
    byStatus,
    averageProgress: progressCount ? progressSum / progressCount : null,
    estimatedBudget,
    securedFunding,
    reports,
  };
}

const amount = (value: bigint | null) => (value === null ? null : Number(value));

type PlanHead = { id: string; title: string; status: "DRAFT" | "ADOPTED" | "ARCHIVED"; startDate: Date; endDate: Date };

/**
 * The dashboard of a plan (the current plan when none is given): null when there is no
 * such plan. The reports followed are those of the open periods, or, when none is open,
 * of the latest period.
 */
export async function getDashboard(params: { planId?: string }, today = new Date()) {
  const plan: PlanHead | null = params.planId ? await getPlan(params.planId) : await getCurrentPlan();
  if (!plan) return null;

  const [actions, objectives, axes, periods] = await Promise.all([
    prisma.action.findMany({
      where: { planId: plan.id },
      orderBy: { code: "asc" },
      select: {
        id: true,
        status: true,
        progress: true,
        mainObjectiveNumber: true,
        estimatedBudget: true,
        securedFunding: true,
        startDate: true,
        endDate: true,
        leadOrganisation: { select: organisationRefSelect },
        axes: { where: { axis: { framework: { isCurrent: true } } }, select: { axisId: true } },
      },
    }),
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.policyAxis.findMany({
      where: { framework: { isCurrent: true } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, titleFr: true, titleEn: true },
    }),
    prisma.reportingPeriod.findMany({
      where: { planId: plan.id },
      orderBy: { startDate: "asc" },
      select: { id: true, label: true, startDate: true, endDate: true, dueDate: true, status: true },
    }),
  ]);

  const open = periods.filter((period) => period.status === "OPEN");
  const latest = periods.at(-1);
  const followed = open.length > 0 ? open : latest ? [latest] : [];
  const reports = followed.length
    ? await prisma.progressReport.findMany({
        where: { periodId: { in: followed.map((period) => period.id) } },
        select: { actionId: true, periodId: true, organisationId: true, reviewState: true, submittedAt: true },
      })
    : [];
  const reporting: Reporting = { periods: followed, reports, today };

  const rows = actions.map((action) => ({
    ...action,
    estimatedBudget: amount(action.estimatedBudget),
    securedFunding: amount(action.securedFunding),
    leadOrganisationId: action.leadOrganisation.id,
    axisIds: action.axes.map((link) => link.axisId),
  }));
  const figures = (subset: typeof rows) => summarise(subset, reporting);

  const byObjective = objectives.map((objective) => ({
    ...objective,
    figures: figures(rows.filter((action) => action.mainObjectiveNumber === objective.number)),
  }));
  const byAxis = axes.map((axis) => ({ ...axis, figures: figures(rows.filter((action) => action.axisIds.includes(axis.id))) }));
  const withoutAxis = rows.filter((action) => action.axisIds.length === 0);

  const leads = new Map<string, { id: string; acronym: string; name: string }>();
  for (const action of rows) leads.set(action.leadOrganisation.id, action.leadOrganisation);
  const byLead = [...leads.values()]
    .map((lead) => ({ ...lead, figures: figures(rows.filter((action) => action.leadOrganisationId === lead.id)) }))
    .sort((a, b) => b.figures.actionCount - a.figures.actionCount || a.acronym.localeCompare(b.acronym));

  return {
    plan: { id: plan.id, title: plan.title, status: plan.status, startDate: plan.startDate, endDate: plan.endDate },
    total: figures(rows),
    periods: followed.map(({ id, label, dueDate, status }) => ({ id, label, dueDate, status })),
    byObjective,
    objectivesWithoutAction: byObjective.filter((objective) => objective.figures.actionCount === 0).map((objective) => objective.number),
    byAxis,
    withoutAxis: withoutAxis.length ? figures(withoutAxis) : null,
    byLead,
  };
}

export type Dashboard = NonNullable<Awaited<ReturnType<typeof getDashboard>>>;

// ---------------------------------------------------------------------------
// CSV: the three tables of the dashboard in one sheet, a "Regroupement" column apart.
// A French document whatever the reader's language, like the plan's export.
// ---------------------------------------------------------------------------

type CsvKey =
  | "group"
  | "code"
  | "label"
  | "actions"
  | ActionStatus
  | "averageProgress"
  | "estimatedBudget"
  | "securedFunding"
  | "expected"
  | "submitted"
  | "approved";

export const DASHBOARD_CSV_COLUMNS = [
  { key: "group", header: "Regroupement", width: 20, kind: "text" },
  { key: "code", header: "N° ou sigle", width: 10, kind: "text" },
  { key: "label", header: "Intitulé", width: 50, kind: "text" },
  { key: "actions", header: "Actions", width: 8, kind: "number" },
  { key: "NOT_STARTED", header: "Non démarrées", width: 8, kind: "number" },
  { key: "IN_PROGRESS", header: "En cours", width: 8, kind: "number" },
  { key: "COMPLETED", header: "Achevées", width: 8, kind: "number" },
  { key: "DELAYED", header: "En retard", width: 8, kind: "number" },
  { key: "CANCELLED", header: "Annulées", width: 8, kind: "number" },
  { key: "averageProgress", header: "Avancement moyen (%)", width: 10, kind: "decimal" },
  { key: "estimatedBudget", header: "Budget estimé (FCFA)", width: 16, kind: "amount" },
  { key: "securedFunding", header: "Financement acquis (FCFA)", width: 16, kind: "amount" },
  { key: "expected", header: "Rapports attendus", width: 10, kind: "number" },
  { key: "submitted", header: "Rapports soumis", width: 10, kind: "number" },
  { key: "approved", header: "Rapports approuvés", width: 10, kind: "number" },
] as const satisfies readonly Column<CsvKey>[];

function csvRow(group: string, code: string, label: string, figures: Figures): Record<CsvKey, string | number | null> {
  return {
    group,
    code,
    label,
    actions: figures.actionCount,
    ...figures.byStatus,
    averageProgress: figures.averageProgress === null ? null : Math.round(figures.averageProgress * 10) / 10,
    estimatedBudget: figures.estimatedBudget,
    securedFunding: figures.securedFunding,
    expected: figures.reports.expected,
    submitted: figures.reports.submitted,
    approved: figures.reports.approved,
  };
}

export function dashboardCsv(dashboard: Dashboard, today = new Date()) {
  const rows = [
    csvRow("Plan", "", dashboard.plan.title, dashboard.total),
    ...dashboard.byObjective.map((objective) => csvRow("Objectif du Pacte", String(objective.number), objective.titleFr, objective.figures)),
    ...dashboard.byAxis.map((axis) => csvRow("Axe de la PONAM", String(axis.number), axis.titleFr, axis.figures)),
    ...(dashboard.withoutAxis ? [csvRow("Axe de la PONAM", "", "Sans axe de la PONAM", dashboard.withoutAxis)] : []),
    ...dashboard.byLead.map((lead) => csvRow("Ministère chef de file", lead.acronym, lead.name, lead.figures)),
  ];
  const fileName = exportFileName(dashboard.plan.title, "csv", today, "tableau-de-bord");
  return { body: buildCsv(DASHBOARD_CSV_COLUMNS, rows), headers: attachmentHeaders(fileName, CSV_CONTENT_TYPE) };
}
