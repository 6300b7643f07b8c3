// Assembles the report for the GCM voluntary national review from approved data only:
// the plan's content as adopted (its latest version; the live draft only for a plan never
// adopted, and never for the public), and the progress reports a reviewer approved for the
// chosen periods, up to the cut-off day. The same document feeds the page, the PDF and the DOCX.
import type { FieldErrors } from "~/utils/forms";
import { readSnapshot, type ActionSnapshot } from "~/modules/plans/snapshot";
import { loadPlanSnapshot } from "~/modules/plans/snapshot.server";
import { prisma } from "~/utils/db.server";
import type { Lang } from "~/utils/i18n";
import {
  averageProgress,
  towardsTarget,
  type ActionStatus,
  type DocAction,
  type DocIndicator,
  type OrganisationRef,
  type ReportAudience,
  type ReviewDocument,
} from "./document";

export type ReviewReportRequest = {
  planId: string;
  lang: Lang;
  audience: ReportAudience;
  /** First and last period covered (ids); every period of the plan when not given. */
  from?: string;
  to?: string;
  /** "AAAA-MM-JJ": reports approved after the end of this day are left out. Today when not given. */
  cutoff?: string;
  now?: Date;
};

export type ReviewReportResult = { kind: "notFound" } | { kind: "invalid"; errors: FieldErrors } | { kind: "ok"; document: ReviewDocument };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type Breakdown = Record<string, Record<string, number>>;
function readBreakdown(value: unknown): Breakdown | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const result: Breakdown = {};
  for (const [dimension, groups] of Object.entries(value)) {
    if (!groups || typeof groups !== "object" || Array.isArray(groups)) continue;
    const numbers: Record<string, number> = {};
    for (const [group, figure] of Object.entries(groups)) if (typeof figure === "number") numbers[group] = figure;
    result[dimension] = numbers;
  }
  return Object.keys(result).length ? result : null;
}

const text = (value: string | null) => (value && value.trim() ? value.trim() : null);

/** The plan's head, its latest adopted version and its periods, in one round trip. */
async function loadPlan(planId: string) {
  return prisma.actionPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      startDate: true,
      endDate: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, adoptedAt: true, snapshot: true } },
      reportingPeriods: { orderBy: { startDate: "asc" }, select: { id: true, label: true, startDate: true, endDate: true } },
    },
  });
}

/** The periods between `from` and `to` (inclusive), or the field errors of a bad choice. */
function periodRange<P extends { id: string; startDate: Date }>(periods: P[], from?: string, to?: string) {
  const errors: FieldErrors = {};
  if (periods.length === 0 && !from && !to) return { periods };
  const first = from ? periods.findIndex((period) => period.id === from) : 0;
  const last = to ? periods.findIndex((period) => period.id === to) : periods.length - 1;
  if (first < 0) errors.from = "reviewDoc.error.unknownPeriod";
  if (last < 0) errors.to = "reviewDoc.error.unknownPeriod";
  if (first >= 0 && last >= 0 && last < first) errors.to = "reviewDoc.error.toBeforeFrom";
  if (Object.keys(errors).length) return { errors };
  return { periods: periods.slice(first, last + 1) };
}

export async function buildReviewDocument(request: ReviewReportRequest): Promise<ReviewReportResult> {
  const now = request.now ?? new Date();
  const plan = await loadPlan(request.planId);
  if (!plan) return { kind: "notFound" };
  const version = plan.versions[0] ?? null;
  // The public sees only an adopted plan, as adopted.
  if (request.audience === "public" && !version) return { kind: "notFound" };

  const range = periodRange(plan.reportingPeriods, request.from, request.to);
  if (range.errors) return { kind: "invalid", errors: range.errors };
  const cutOff = request.cutoff ?? isoDay(now);
  const cutOffEnd = new Date(`${cutOff}T23:59:59.999Z`);
  const periodIds = range.periods.map((period) => period.id);
  const lang = request.lang;
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);

  const content: ActionSnapshot[] = version ? readSnapshot(version.snapshot).actions : (await loadPlanSnapshot(prisma, plan.id)).actions;

  const [liveActions, reports, objectives, principles, axes] = await Promise.all([
    prisma.action.findMany({
      where: { planId: plan.id },
      select: { id: true, code: true, budgetInternal: true, indicators: { select: { id: true, name: true } } },
    }),
    prisma.progressReport.findMany({
      where: { action: { planId: plan.id }, periodId: { in: periodIds }, reviewState: "APPROVED", reviewedAt: { lte: cutOffEnd } },
      select: {
        actionId: true,
        periodId: true,
        status: true,
        progress: true,
        narrative: true,
        challenges: true,
        nextSteps: true,
        organisation: { select: { acronym: true, name: true } },
        values: { select: { indicatorId: true, value: true, disaggregation: true } },
      },
    }),
    prisma.gcmObjective.findMany({
      orderBy: { number: "asc" },
      select: {
        number: true,
        titleFr: true,
        titleEn: true,
        alignments: { where: { axis: { framework: { isCurrent: true } } }, select: { axis: { select: { number: true } } } },
      },
    }),
    prisma.guidingPrinciple.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.policyAxis.findMany({
      where: { framework: { isCurrent: true } },
      orderBy: { number: "asc" },
      select: { number: true, titleFr: true, titleEn: true, framework: { select: { nameFr: true, nameEn: true } } },
    }),
  ]);

  const acronyms = new Set(content.flatMap((action) => [action.leadOrganisation, ...action.partners]));
  const organisations = await prisma.organisation.findMany({ where: { acronym: { in: [...acronyms] } }, select: { acronym: true, name: true } });
  const organisation = (acronym: string): OrganisationRef => ({
    acronym,
    name: organisations.find((row) => row.acronym === acronym)?.name ?? acronym,
  });

  const periodOrder = new Map(range.periods.map((period, index) => [period.id, index]));
  const periodLabel = new Map(range.periods.map((period) => [period.id, period.label]));
  const liveByCode = new Map(liveActions.map((action) => [action.code, action]));
  // Newest period last, so the last report of an action is its latest.
  const sortedReports = [...reports].sort((a, b) => (periodOrder.get(a.periodId) ?? 0) - (periodOrder.get(b.periodId) ?? 0));

  const actions: DocAction[] = content.map((snapshot) => {
    const live = liveByCode.get(snapshot.code);
    const own = live ? sortedReports.filter((report) => report.actionId === live.id) : [];
    const latest = own.at(-1);
    const latestWith = (field: "narrative" | "challenges" | "nextSteps") => {
      const found = own.findLast((report) => text(report[field]) !== null);
      return found ? { period: periodLabel.get(found.periodId) ?? "", text: text(found[field]) ?? "" } : null;
    };
    const indicators: DocIndicator[] = snapshot.indicators.map((indicator) => {
      const liveIndicator = live?.indicators.find((row) => row.name === indicator.name) ?? null;
      const values = liveIndicator
        ? own.flatMap((report) =>
            report.values
              .filter((value) => value.indicatorId === liveIndicator.id)
              .map((value) => ({
                periodId: report.periodId,
                period: periodLabel.get(report.periodId) ?? "",
                value: value.value,
                breakdown: readBreakdown(value.disaggregation),
              })),
          )
        : [];
      const lastValue = values.findLast((value) => value.value !== null);
      const latestValue = lastValue && lastValue.value !== null ? { value: lastValue.value, period: lastValue.period } : null;
      return {
        id: liveIndicator?.id ?? null,
        name: indicator.name,
        unit: indicator.unit,
        kind: indicator.kind,
        baseline: indicator.baselineValue,
        baselineDate: indicator.baselineDate,
        target: indicator.targetValue,
        targetDate: indicator.targetDate,
        values,
        latest: latestValue,
        towardsTarget: towardsTarget(indicator.baselineValue, latestValue?.value ?? null, indicator.targetValue),
      };
    });
    const withheld = request.audience === "public" && (live?.budgetInternal ?? false);
    return {
      id: live?.id ?? null,
      code: snapshot.code,
      title: snapshot.title,
      mainObjectiveNumber: snapshot.mainObjectiveNumber,
      otherObjectives: snapshot.otherObjectives,
      axes: snapshot.axes,
      principles: snapshot.principles,
      lead: organisation(snapshot.leadOrganisation),
      partners: snapshot.partners.map(organisation),
      startDate: snapshot.startDate,
      endDate: snapshot.endDate,
      status: latest?.status ?? null,
      progress: latest?.progress ?? null,
      reportedPeriod: latest ? (periodLabel.get(latest.periodId) ?? null) : null,
      budget: withheld ? null : { estimated: snapshot.estimatedBudget, secured: snapshot.securedFunding },
      indicators,
      narrative: latestWith("narrative"),
      challenges: latestWith("challenges"),
      nextSteps: latestWith("nextSteps"),
    };
  });

  const byStatus = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0, DELAYED: 0, CANCELLED: 0 } satisfies Record<ActionStatus, number>;
  for (const action of actions) if (action.status) byStatus[action.status] += 1;
  const sum = (values: (number | null | undefined)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  const allIndicators = actions.flatMap((action) => action.indicators);

  const byObjective = objectives.map((objective) => {
    const own = actions.filter((action) => action.mainObjectiveNumber === objective.number);
    return {
      number: objective.number,
      title: title(objective),
      axes: objective.alignments.map((alignment) => alignment.axis.number).sort((a, b) => a - b),
      actions: own,
      alsoServedBy: actions.filter((action) => action.otherObjectives.includes(objective.number)).map((action) => action.code),
      averageProgress: averageProgress(own),
    };
  });

  const reporters = new Map<string, OrganisationRef & { approvedReports: number }>();
  for (const report of reports) {
    const entry = reporters.get(report.organisation.acronym) ?? { ...report.organisation, approvedReports: 0 };
    entry.approvedReports += 1;
    reporters.set(report.organisation.acronym, entry);
  }
  const partners = new Map<string, OrganisationRef & { actionCount: number }>();
  for (const action of actions) {
    for (const partner of action.partners) {
      const entry = partners.get(partner.acronym) ?? { ...partner, actionCount: 0 };
      entry.actionCount += 1;
      partners.set(partner.acronym, entry);
    }
  }

  const document: ReviewDocument = {
    lang,
    audience: request.audience,
    plan: { id: plan.id, title: plan.title, startDate: isoDay(plan.startDate), endDate: isoDay(plan.endDate) },
    version: version ? { number: version.number, adoptedAt: version.adoptedAt.toISOString() } : null,
    cutOff,
    generatedAt: now.toISOString(),
    periods: range.periods.map((period) => ({
      id: period.id,
      label: period.label,
      startDate: isoDay(period.startDate),
      endDate: isoDay(period.endDate),
      approvedReports: reports.filter((report) => report.periodId === period.id).length,
    })),
    allPeriods: plan.reportingPeriods.map(({ id, label }) => ({ id, label })),
    range: { from: range.periods[0]?.id ?? null, to: range.periods.at(-1)?.id ?? null },
    summary: {
      actionCount: actions.length,
      byStatus,
      notReported: actions.filter((action) => action.status === null).length,
      averageProgress: averageProgress(actions),
      estimatedBudget: sum(actions.map((action) => action.budget?.estimated)),
      securedFunding: sum(actions.map((action) => action.budget?.secured)),
      budgetsWithheld: actions.filter((action) => action.budget === null).length,
      indicatorCount: allIndicators.length,
      indicatorsWithValue: allIndicators.filter((indicator) => indicator.latest !== null).length,
      objectivesCovered: byObjective.filter((objective) => objective.actions.length > 0).length,
      objectiveCount: byObjective.length,
      approvedReports: reports.length,
    },
    reporters: [...reporters.values()].sort((a, b) => a.acronym.localeCompare(b.acronym)),
    policy: {
      framework: axes[0] ? (lang === "en" ? axes[0].framework.nameEn : axes[0].framework.nameFr) : null,
      axes: axes.map((axis) => ({
        number: axis.number,
        title: title(axis),
        objectives: byObjective.filter((objective) => objective.axes.includes(axis.number)).map((objective) => objective.number),
        actionCount: actions.filter((action) => action.axes.includes(axis.number)).length,
      })),
    },
    objectives: byObjective,
    principles: principles.map((principle) => ({
      number: principle.number,
      title: title(principle),
      actions: actions
        .filter((action) => action.principles.includes(principle.number))
        .map((action) => ({ code: action.code, title: action.title, status: action.status })),
    })),
    means: {
      byObjective: byObjective.map((objective) => ({
        number: objective.number,
        estimated: sum(objective.actions.map((action) => action.budget?.estimated)),
        secured: sum(objective.actions.map((action) => action.budget?.secured)),
      })),
      partners: [...partners.values()].sort((a, b) => b.actionCount - a.actionCount || a.acronym.localeCompare(b.acronym)),
    },
    nextSteps: actions.flatMap((action) => (action.nextSteps ? [{ code: action.code, title: action.title, ...action.nextSteps }] : [])),
    annex: {
      indicators: actions.flatMap((action) =>
        action.indicators.map((indicator) => ({ ...indicator, actionCode: action.code, objectiveNumber: action.mainObjectiveNumber })),
      ),
    },
  };
  return { kind: "ok", document };
}

/** The periods of a plan, to choose the report's range from; null when there is no such plan. */
export async function listPlanPeriods(planId: string) {
  const plan = await prisma.actionPlan.findUnique({
    where: { id: planId },
    select: { reportingPeriods: { orderBy: { startDate: "asc" }, select: { id: true, label: true } } },
  });
  return plan ? plan.reportingPeriods : null;
}
