// Reporting periods of an adopted plan: opened one by one or generated for the plan's span,
// closed when reports are no longer taken, reopened if needed.
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { emailNotifications, notify } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { conflictError, notFoundError } from "~/utils/domain-error";
import { bamakoDay } from "./due";
import type { PeriodFrequency, PeriodInput } from "./schema";

type Client = Prisma.TransactionClient;

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** Periods belong to an adopted plan only. */
function planNotAdopted() {
  return conflictError("planNotAdopted", "periods.planNotAdopted");
}

/**
 * The actions of a plan that owe a report for a period (see `isReportExpected` in due.ts):
 * neither completed nor cancelled, planned to have started by the period's end (see isReportExpected).
 */
export function expectedActionsWhere(period: { planId: string; startDate: Date; endDate: Date }) {
  return {
    planId: period.planId,
    status: { notIn: ["COMPLETED", "CANCELLED"] },
    OR: [{ startDate: null }, { startDate: { lte: period.endDate } }],
  } satisfies Prisma.ActionWhereInput;
}

const periodSelect = { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true, status: true, openedAt: true, closedAt: true } as const;

export async function getPeriod(periodId: string) {
  return prisma.reportingPeriod.findUnique({ where: { id: periodId }, select: periodSelect });
}

/** A plan's periods, oldest first, with how many reports each expects and has received. */
export async function listPeriods(planId: string) {
  const periods = await prisma.reportingPeriod.findMany({ where: { planId }, orderBy: { startDate: "asc" }, select: periodSelect });
  // In-progress actions counted by planned start (one query, whatever the number of periods):
  // a period expects those that start by its end or have no start date (see isReportExpected).
  const [byState, byStart] = await Promise.all([
    prisma.progressReport.groupBy({ by: ["periodId", "reviewState"], where: { period: { planId } }, _count: { _all: true } }),
    prisma.action.groupBy({ by: ["startDate"], where: { planId, status: { notIn: ["COMPLETED", "CANCELLED"] } }, _count: { _all: true } }),
  ]);
  return periods.map((period) => {
    const counts = byState.filter((row) => row.periodId === period.id);
    const count = (...states: string[]) => counts.filter((row) => states.includes(row.reviewState)).reduce((sum, row) => sum + row._count._all, 0);
    return {
      ...period,
      expected: byStart.filter((row) => !row.startDate || row.startDate <= period.endDate).reduce((sum, row) => sum + row._count._all, 0),
      submitted: count("SUBMITTED", "APPROVED"),
      approved: count("APPROVED"),
    };
  });
}

/** Locks the plan row so that two people opening periods at once cannot overlap them. */
async function lockPlan(tx: Client, planId: string) {
  await tx.$queryRaw`SELECT id FROM "ActionPlan" WHERE id = ${planId} FOR UPDATE`;
  const plan = await tx.actionPlan.findUnique({ where: { id: planId }, select: { id: true, status: true, startDate: true, endDate: true } });
  if (!plan) throw notFoundError();
  if (plan.status !== "ADOPTED") throw planNotAdopted();
  return plan;
}

type Span = { startDate: Date; endDate: Date };

function overlaps(a: Span, b: Span) {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/**
 * Tells the focal points of each organisation that owes reports for a newly opened period.
 * The link and kind match the reminders the notifications module works out on demand,
 * so nobody gets the same notice twice.
 */
async function notifyPeriodOpened(tx: Client, period: { id: string; planId: string; label: string; startDate: Date; endDate: Date; dueDate: Date }) {
  const owed = await tx.action.groupBy({ by: ["leadOrganisationId"], where: expectedActionsWhere(period), _count: { _all: true } });
  const ids: string[] = [];
  for (const row of owed) {
    const created = await notify(tx, {
      organisationId: row.leadOrganisationId,
      kind: "periodOpened",
      params: { period: period.label, dueDate: bamakoDay(period.dueDate), count: row._count._all },
      link: `/my-actions?period=${encodeURIComponent(period.id)}`,
      once: true,
    });
    ids.push(...created.ids);
  }
  return ids;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type OpenPeriodResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * Opens one period of an adopted plan. Refused with field errors when it falls outside the
 * plan's period or overlaps another period of the plan.
 */
export async function openPeriod(actorId: string, planId: string, input: PeriodInput): Promise<OpenPeriodResult> {
  const span = { startDate: day(input.startDate), endDate: day(input.endDate) };
  try {
    const result = await prisma.$transaction(async (tx): Promise<OpenPeriodResult & { notices?: string[] }> => {
      const plan = await lockPlan(tx, planId);
      const errors: FieldErrors = {};
      if (span.startDate < plan.startDate) errors.startDate = "periods.outsidePlan";
      if (span.endDate > plan.endDate) errors.endDate = "periods.outsidePlan";
      if (Object.keys(errors).length) return { ok: false, errors };
      const existing = await tx.reportingPeriod.findMany({ where: { planId }, select: { startDate: true, endDate: true } });
      if (existing.some((period) => overlaps(period, span))) return { ok: false, errors: { startDate: "periods.overlap" } };
      const period = await tx.reportingPeriod.create({
        data: { planId, label: input.label, ...span, dueDate: day(input.dueDate), status: "OPEN" },
        select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true },
      });
      await recordAudit(
        {
          actorId,
          entityType: "ReportingPeriod",
          entityId: period.id,
          action: "open",
          changes: { planId, label: input.label, startDate: input.startDate, endDate: input.endDate, dueDate: input.dueDate },
        },
        tx,
      );
      return { ok: true, id: period.id, notices: await notifyPeriodOpened(tx, period) };
    });
    if (!result.ok) return result;
    await emailNotifications(result.notices ?? []);
    return { ok: true, id: result.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { startDate: "periods.overlap" } };
    throw error;
  }
}

export type PeriodSlot = { label: string; startDate: string; endDate: string; dueDate: string };

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar quarters ("T1 2025") or half-years ("S1 2025") that the plan's span touches,
 * trimmed to the plan's first and last day, each due `dueAfterDays` after its end.
 */
export function periodSlots(plan: Span, frequency: PeriodFrequency, dueAfterDays: number): PeriodSlot[] {
  const months = frequency === "QUARTERLY" ? 3 : 6;
  const prefix = frequency === "QUARTERLY" ? "T" : "S";
  const planStart = bamakoDay(plan.startDate);
  const planEnd = bamakoDay(plan.endDate);
  const slots: PeriodSlot[] = [];
  for (let year = plan.startDate.getUTCFullYear(); year <= plan.endDate.getUTCFullYear(); year += 1) {
    for (let index = 0; index < 12 / months; index += 1) {
      const start = isoDay(new Date(Date.UTC(year, index * months, 1)));
      const end = isoDay(new Date(Date.UTC(year, (index + 1) * months, 0)));
      if (end < planStart || start > planEnd) continue;
      const endDate = end > planEnd ? planEnd : end;
      const due = new Date(`${endDate}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + dueAfterDays);
      slots.push({
        label: `${prefix}${index + 1} ${year}`,
        startDate: start < planStart ? planStart : start,
        endDate,
        dueDate: isoDay(due),
      });
    }
  }
  return slots;
}

/**
 * Opens every quarter or half-year of an adopted plan that does not overlap a period it
 * already has. Returns the labels created and how many were skipped.
 */
export async function generatePeriods(
  actorId: string,
  planId: string,
  params: { frequency: PeriodFrequency; dueAfterDays: number },
  now = new Date(),
) {
  const result = await prisma.$transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    const existing = await tx.reportingPeriod.findMany({ where: { planId }, select: { startDate: true, endDate: true } });
    const slots = periodSlots(plan, params.frequency, params.dueAfterDays);
    const fresh = slots.filter((slot) => !existing.some((period) => overlaps(period, { startDate: day(slot.startDate), endDate: day(slot.endDate) })));
    const notices: string[] = [];
    for (const slot of fresh) {
      const period = await tx.reportingPeriod.create({
        data: { planId, label: slot.label, startDate: day(slot.startDate), endDate: day(slot.endDate), dueDate: day(slot.dueDate), status: "OPEN" },
        select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true },
      });
      await recordAudit(
        { actorId, entityType: "ReportingPeriod", entityId: period.id, action: "open", changes: { planId, ...slot, generated: params.frequency } },
        tx,
      );
      // Periods still to come are announced when they start, not all at once now.
      if (bamakoDay(period.startDate) <= bamakoDay(now)) notices.push(...(await notifyPeriodOpened(tx, period)));
    }
    return { created: fresh.map((slot) => slot.label), skipped: slots.length - fresh.length, notices };
  });
  await emailNotifications(result.notices);
  return { created: result.created, skipped: result.skipped };
}

/** Closes an open period: its reports can no longer be submitted, unless a reviewer reopens one. */
export async function closePeriod(actorId: string, periodId: string) {
  return setPeriodStatus(actorId, periodId, "CLOSED");
}

/** Reopens a closed period: all its reports can be worked on and submitted again. */
export async function reopenPeriod(actorId: string, periodId: string) {
  return setPeriodStatus(actorId, periodId, "OPEN");
}

async function setPeriodStatus(actorId: string, periodId: string, status: "OPEN" | "CLOSED") {
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findUnique({ where: { id: periodId }, select: { id: true, planId: true, label: true } });
    if (!period) throw notFoundError();
    const changed = await tx.reportingPeriod.updateMany({
      where: { id: periodId, status: status === "OPEN" ? "CLOSED" : "OPEN" },
      data: status === "OPEN" ? { status, closedAt: null } : { status, closedAt: new Date() },
    });
    // Closing a closed period (a second click) changes nothing and records nothing.
    if (changed.count === 0) return { changed: false, planId: period.planId, label: period.label };
    await recordAudit(
      { actorId, entityType: "ReportingPeriod", entityId: periodId, action: status === "OPEN" ? "reopen" : "close", changes: { label: period.label } },
      tx,
    );
    return { changed: true, planId: period.planId, label: period.label };
  });
}
