// What the approved reports say about each indicator: values by period, break-downs, progress
// towards the target and whether it is on track (progress.ts), for one indicator's page, for the
// coordination's list of indicators off track or not reported, and for the exports.
import type { Prisma } from "~/generated/prisma/client";
import { getCurrentPlan, getPlan } from "~/modules/plans/plans.server";
import { BREAKDOWNS, type BreakdownCategory, type BreakdownDimension } from "~/modules/reporting/schema";
import { prisma } from "~/utils/db.server";
import type { IndicatorFilters, ListShow } from "./filters";
import { indicatorStatus, judgeValue, progressPercent, expectedValue, type IndicatorPlan, type Judgement } from "./progress";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const optionalDay = (date: Date | null) => (date ? isoDay(date) : null);

export const globalIndicatorSelect = {
  id: true,
  framework: true,
  code: true,
  titleFr: true,
  titleEn: true,
} as const satisfies Prisma.GlobalIndicatorSelect;

const monitoredIndicatorSelect = {
  id: true,
  name: true,
  definition: true,
  unit: true,
  kind: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  frequency: true,
  dataSource: true,
  disaggregation: true,
  action: {
    select: {
      id: true,
      code: true,
      title: true,
      mainObjectiveNumber: true,
      leadOrganisation: { select: { id: true, acronym: true, name: true } },
    },
  },
  globalLinks: {
    orderBy: [{ globalIndicator: { framework: "asc" } }, { globalIndicator: { position: "asc" } }],
    select: { globalIndicator: { select: globalIndicatorSelect } },
  },
  // Approved values only: a draft or a report waiting for review never shows as progress.
  values: {
    where: { value: { not: null }, report: { reviewState: "APPROVED" } },
    select: {
      value: true,
      disaggregation: true,
      report: { select: { period: { select: { id: true, label: true, startDate: true, endDate: true } } } },
    },
  },
} as const satisfies Prisma.IndicatorSelect;

type MonitoredIndicator = Prisma.IndicatorGetPayload<{ select: typeof monitoredIndicatorSelect }>;
type PlanDates = { startDate: string; endDate: string };

function planOf(indicator: MonitoredIndicator): IndicatorPlan {
  return {
    kind: indicator.kind,
    baselineValue: indicator.baselineValue,
    targetValue: indicator.targetValue,
    baselineDate: optionalDay(indicator.baselineDate),
    targetDate: optionalDay(indicator.targetDate),
  };
}

/** The approved values in period order, each with what the path expected and its judgement. */
function valuesOf(indicator: MonitoredIndicator, plan: PlanDates) {
  const target = planOf(indicator);
  return indicator.values
    .flatMap(({ value, disaggregation, report: { period } }) => (value === null ? [] : [{ value, disaggregation, period }]))
    .sort((a, b) => a.period.startDate.getTime() - b.period.startDate.getTime())
    .map(({ value, disaggregation, period }) => {
      const periodEnd = isoDay(period.endDate);
      return {
        periodId: period.id,
        label: period.label,
        startDate: isoDay(period.startDate),
        endDate: periodEnd,
        value,
        breakdown: disaggregation,
        expected: expectedValue(target, plan, periodEnd),
        progress: progressPercent(indicator.baselineValue, indicator.targetValue, value),
        judgement: judgeValue(target, plan, { periodEnd, value }),
      };
    });
}

type Values = ReturnType<typeof valuesOf>;

function isDimension(value: string): value is BreakdownDimension {
  return value in BREAKDOWNS;
}

function numberAt(breakdown: Prisma.JsonValue, dimension: string, category: string): number | null {
  if (!breakdown || typeof breakdown !== "object" || Array.isArray(breakdown)) return null;
  const inner = breakdown[dimension];
  if (!inner || typeof inner !== "object" || Array.isArray(inner)) return null;
  const number = inner[category];
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}

/** One grouped series per break-down dimension that has figures: a row per period, a column per category. */
export function breakdownSeries(dimensions: string[], values: { label: string; breakdown: Prisma.JsonValue }[]) {
  return dimensions.filter(isDimension).flatMap((dimension) => {
    const categories: BreakdownCategory[] = [...BREAKDOWNS[dimension]];
    const rows = values.map((value) => ({ label: value.label, values: categories.map((category) => numberAt(value.breakdown, dimension, category)) }));
    const used = categories.filter((_, index) => rows.some((row) => row.values[index] !== null));
    if (used.length === 0) return [];
    const kept = categories.map((category) => used.includes(category));
    return [{ dimension, categories: used, rows: rows.map((row) => ({ label: row.label, values: row.values.filter((_, index) => kept[index]) })) }];
  });
}

/** The plan's dates, and the latest period whose reports were due before `today`. */
async function planContext(planId: string, today: Date) {
  const [plan, lastDue] = await Promise.all([
    prisma.actionPlan.findUnique({ where: { id: planId }, select: { id: true, title: true, status: true, startDate: true, endDate: true } }),
    prisma.reportingPeriod.findFirst({
      where: { planId, dueDate: { lt: today } },
      orderBy: { endDate: "desc" },
      select: { label: true, endDate: true },
    }),
  ]);
  if (!plan) return null;
  return {
    plan,
    dates: { startDate: isoDay(plan.startDate), endDate: isoDay(plan.endDate) },
    lastDuePeriod: lastDue ? { label: lastDue.label, endDate: isoDay(lastDue.endDate) } : null,
  };
}

function statusOf(indicator: MonitoredIndicator, values: Values, context: NonNullable<Awaited<ReturnType<typeof planContext>>>) {
  return indicatorStatus(
    planOf(indicator),
    context.dates,
    values.map(({ endDate, value }) => ({ periodEnd: endDate, value })),
    context.lastDuePeriod,
  );
}

/** Everything the indicator's page shows; null when there is no such indicator. */
export async function getIndicatorMonitoring(indicatorId: string, today = new Date()) {
  const indicator = await prisma.indicator.findUnique({
    where: { id: indicatorId },
    select: { ...monitoredIndicatorSelect, action: { select: { ...monitoredIndicatorSelect.action.select, planId: true } } },
  });
  if (!indicator) return null;
  const context = await planContext(indicator.action.planId, today);
  if (!context) return null;
  const values = valuesOf(indicator, context.dates);
  const { globalLinks, values: _raw, ...fields } = indicator;
  return {
    indicator: {
      ...fields,
      baselineDate: optionalDay(indicator.baselineDate),
      targetDate: optionalDay(indicator.targetDate),
    },
    plan: { id: context.plan.id, title: context.plan.title, status: context.plan.status, ...context.dates },
    /** The dates the on-track path runs between (the indicator's, else the plan's). */
    path: {
      from: optionalDay(indicator.baselineDate) ?? context.dates.startDate,
      to: optionalDay(indicator.targetDate) ?? context.dates.endDate,
    },
    lastDuePeriod: context.lastDuePeriod,
    globalIndicators: globalLinks.map((link) => link.globalIndicator),
    values: values.map(({ breakdown: _breakdown, ...value }) => value),
    breakdowns: breakdownSeries(indicator.disaggregation, values),
    status: statusOf(indicator, values, context),
  };
}

export type IndicatorMonitoring = NonNullable<Awaited<ReturnType<typeof getIndicatorMonitoring>>>;

// ---------------------------------------------------------------------------
// The coordination's list, and the exports
// ---------------------------------------------------------------------------

function shows(show: ListShow, judgement: Judgement) {
  if (show === "all") return true;
  if (show === "attention") return judgement === "offTrack" || judgement === "notReported";
  return judgement === show;
}

/**
 * Every indicator of a plan (the current plan when none is given) with its standing, filtered;
 * with counts by GCM objective and by lead ministry of what is shown. Null when there is no plan.
 */
export async function listIndicatorStatuses(filters: IndicatorFilters, today = new Date()) {
  const head = filters.planId ? await getPlan(filters.planId) : await getCurrentPlan();
  if (!head) return null;
  const context = await planContext(head.id, today);
  if (!context) return null;
  const where: Prisma.IndicatorWhereInput = {
    action: {
      planId: head.id,
      ...(filters.objective ? { mainObjectiveNumber: filters.objective } : {}),
      ...(filters.organisationId ? { leadOrganisationId: filters.organisationId } : {}),
    },
    ...(filters.globalIndicatorId ? { globalLinks: { some: { globalIndicatorId: filters.globalIndicatorId } } } : {}),
  };
  const [indicators, periods] = await Promise.all([
    prisma.indicator.findMany({
      where,
      orderBy: [{ action: { code: "asc" } }, { position: "asc" }, { createdAt: "asc" }],
      select: monitoredIndicatorSelect,
    }),
    prisma.reportingPeriod.findMany({
      where: { planId: head.id },
      orderBy: { startDate: "asc" },
      select: { id: true, label: true, startDate: true, endDate: true },
    }),
  ]);
  const show = filters.show ?? "attention";
  const all = indicators.map((indicator) => {
    const values = valuesOf(indicator, context.dates);
    const { values: _raw, globalLinks, ...fields } = indicator;
    return {
      ...fields,
      baselineDate: optionalDay(indicator.baselineDate),
      targetDate: optionalDay(indicator.targetDate),
      globalIndicators: globalLinks.map((link) => link.globalIndicator),
      values: values.map(({ periodId, value }) => ({ periodId, value })),
      status: statusOf(indicator, values, context),
    };
  });
  const rows = all.filter((row) => shows(show, row.status.judgement));

  const tally = () => ({ offTrack: 0, notReported: 0, onTrack: 0, noTarget: 0, total: 0 });
  const byObjective = new Map<number, ReturnType<typeof tally>>();
  const byOrganisation = new Map<string, { id: string; acronym: string; name: string; counts: ReturnType<typeof tally> }>();
  for (const row of all) {
    const objective = byObjective.get(row.action.mainObjectiveNumber) ?? tally();
    byObjective.set(row.action.mainObjectiveNumber, objective);
    const lead = row.action.leadOrganisation;
    const organisation = byOrganisation.get(lead.id) ?? { ...lead, counts: tally() };
    byOrganisation.set(lead.id, organisation);
    for (const counts of [objective, organisation.counts]) {
      counts[row.status.judgement] += 1;
      counts.total += 1;
    }
  }
  return {
    plan: { id: context.plan.id, title: context.plan.title, status: context.plan.status, ...context.dates },
    lastDuePeriod: context.lastDuePeriod,
    periods: periods.map((period) => ({ id: period.id, label: period.label, startDate: isoDay(period.startDate), endDate: isoDay(period.endDate) })),
    show,
    rows,
    byObjective: [...byObjective.entries()].sort(([a], [b]) => a - b).map(([number, counts]) => ({ number, counts })),
    byOrganisation: [...byOrganisation.values()].sort((a, b) => a.acronym.localeCompare(b.acronym)),
  };
}

export type IndicatorList = NonNullable<Awaited<ReturnType<typeof listIndicatorStatuses>>>;

/** The choices of the list's filters: objectives, lead ministries of the plan, global indicators. */
export async function listIndicatorFilterChoices(planId: string) {
  const [objectives, organisations, globalIndicators] = await Promise.all([
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.organisation.findMany({
      where: { leadActions: { some: { planId } } },
      orderBy: { acronym: "asc" },
      select: { id: true, acronym: true, name: true },
    }),
    listGlobalIndicators(),
  ]);
  return { objectives, organisations, globalIndicators };
}

/** The SDG and GCM indicators a national indicator can report towards, framework by framework. */
export async function listGlobalIndicators() {
  return prisma.globalIndicator.findMany({ orderBy: [{ framework: "asc" }, { position: "asc" }], select: globalIndicatorSelect });
}

/**
 * The plan's indicators grouped by the global indicator they report towards (an indicator may
 * count under several), with how many are on track: the dashboard's framework table.
 */
export async function globalIndicatorSummary(planId: string, today = new Date()) {
  const list = await listIndicatorStatuses({ planId, show: "all" }, today);
  if (!list) return [];
  const global = await listGlobalIndicators();
  return global
    .map((item) => {
      const linked = list.rows.filter((row) => row.globalIndicators.some((link) => link.id === item.id));
      const count = (judgement: Judgement) => linked.filter((row) => row.status.judgement === judgement).length;
      return {
        ...item,
        indicatorCount: linked.length,
        onTrack: count("onTrack"),
        offTrack: count("offTrack"),
        notReported: count("notReported"),
        noTarget: count("noTarget"),
      };
    })
    .filter((item) => item.indicatorCount > 0);
}
