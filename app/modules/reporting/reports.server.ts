// Progress reports: the lead organisation's focal point starts, saves and submits one per
// action and open period; partner organisations add contribution notes; a reviewer may
// reopen one after its period closed. Who may move a report from which state is
// report-state.ts's table; this module enforces it inside each write's transaction.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { emailNotifications, notifyReportSubmitted } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { can, type PermissionSubject } from "~/utils/permissions";
import { compareByUrgency, isLate, isReportExpected, periodAcceptsReport, URGENCIES, urgencyOf, type Urgency } from "./due";
import { expectedActionsWhere } from "./periods.server";
import { canTransition, nextState, REVIEW_STATES, type ReportTransition } from "./report-state";
import { readBreakdown, type ReportContent } from "./schema";

type Actor = PermissionSubject & { id: string };

export class ReportError extends Error {
  constructor(
    readonly reason:
      | "forbidden" // the actor's role or organisation does not allow it
      | "notEditable" // the report's state does not allow it (submitted, approved...)
      | "stale" // someone saved it since the form was opened
      | "periodClosed" // the period is closed and the report was not reopened
      | "approved", // an approved report is final
  ) {
    super(reason);
    this.name = "ReportError";
  }
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** Who leads an action, and whether it has a report for a period: enough for the guards. */
export async function findReportTarget(actionId: string, periodId: string) {
  const [action, period] = await Promise.all([
    prisma.action.findUnique({ where: { id: actionId }, select: { id: true, planId: true, leadOrganisationId: true } }),
    prisma.reportingPeriod.findUnique({ where: { id: periodId }, select: { id: true, planId: true, status: true } }),
  ]);
  if (!action || !period || action.planId !== period.planId) return null;
  const report = await prisma.progressReport.findUnique({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
  return { actionId, periodId, organisationId: action.leadOrganisationId, periodStatus: period.status, reportId: report?.id ?? null };
}

/** Everything a report's page shows: content, indicator values, comments and contributions. */
export async function getReport(reportId: string) {
  const report = await prisma.progressReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      organisationId: true,
      reviewState: true,
      version: true,
      status: true,
      statusReason: true,
      progress: true,
      narrative: true,
      challenges: true,
      nextSteps: true,
      evidenceLinks: true,
      submittedAt: true,
      reviewedAt: true,
      reopenedAt: true,
      createdAt: true,
      updatedAt: true,
      submittedBy: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      organisation: { select: { id: true, acronym: true, name: true } },
      action: {
        select: {
          id: true,
          code: true,
          title: true,
          planId: true,
          status: true,
          progress: true,
          partners: { select: { organisationId: true } },
          indicators: {
            orderBy: [{ position: "asc" }, { createdAt: "asc" }],
            select: { id: true, name: true, unit: true, kind: true, disaggregation: true, baselineValue: true, targetValue: true, currentValue: true },
          },
        },
      },
      period: { select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true, status: true } },
      values: { select: { indicatorId: true, value: true, disaggregation: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
      contributions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, note: true, createdAt: true, organisation: { select: { acronym: true, name: true } }, author: { select: { name: true } } },
      },
    },
  });
  if (!report) return null;
  const { partners, ...action } = report.action;
  return {
    ...report,
    action: { ...action, partnerIds: partners.map((partner) => partner.organisationId) },
    values: report.values.map((value) => ({ ...value, disaggregation: readBreakdown(value.disaggregation) })),
  };
}
export type ReportDetails = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** Whether an organisation is a partner (not the lead) of the report's action. */
export function isPartnerOf(report: { action: { partnerIds: string[] } }, organisationId: string | null) {
  return organisationId !== null && report.action.partnerIds.includes(organisationId);
}

/**
 * What a user may do on a report's page. Reading: `report:read` (focal points: their own
 * organisation's reports), or being a partner organisation's focal point, who reads the
 * report to contribute to it.
 */
export function reportAbilities(user: PermissionSubject, report: Pick<ReportDetails, "organisationId" | "reviewState" | "reopenedAt" | "period" | "action">) {
  const target = { organisationId: report.organisationId, state: report.reviewState };
  const partner = can(user, "report:contribute") && isPartnerOf(report, user.organisationId) && user.organisationId !== report.organisationId;
  const open = periodAcceptsReport(report.period, report);
  return {
    read: can(user, "report:read", { organisationId: report.organisationId }) || partner,
    edit: canTransition(user, "save", target) && open,
    submit: canTransition(user, "submit", target) && open,
    /** The state allows editing, but the period is closed: the report must be reopened first. */
    blockedByClosedPeriod: canTransition(user, "save", target) && !open,
    reply: report.reviewState === "CHANGES_REQUESTED" && can(user, "report:edit", { organisationId: report.organisationId }),
    contribute: partner && report.reviewState !== "APPROVED",
  };
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/**
 * The report of an action for a period: the existing one, or a new draft prefilled with the
 * action's current status and progress. New reports only in an open period. Starting twice
 * (a double click, two tabs) gives the same report.
 */
export async function startReport(actorId: string, actionId: string, periodId: string): Promise<{ id: string; created: boolean }> {
  const existing = await prisma.progressReport.findUnique({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    return await prisma.$transaction(async (tx) => {
      const [action, period] = await Promise.all([
        tx.action.findUnique({ where: { id: actionId }, select: { planId: true, leadOrganisationId: true, status: true, progress: true } }),
        tx.reportingPeriod.findUnique({ where: { id: periodId }, select: { planId: true, status: true } }),
      ]);
      if (!action || !period || action.planId !== period.planId) notFound();
      if (period.status !== "OPEN") throw new ReportError("periodClosed");
      const report = await tx.progressReport.create({
        data: { actionId, periodId, organisationId: action.leadOrganisationId, status: action.status, progress: action.progress },
        select: { id: true },
      });
      await recordAudit({ actorId, entityType: "ProgressReport", entityId: report.id, action: "create", changes: { actionId, periodId } }, tx);
      return { id: report.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await prisma.progressReport.findUniqueOrThrow({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
    return { id: raced.id, created: false };
  }
}

const PERMISSION_FOR = { save: "report:edit", submit: "report:submit" } as const;

/** The states a transition may start from, for the guarded update's `where`. */
function statesAllowing(transition: ReportTransition) {
  return REVIEW_STATES.filter((state) => nextState(state, transition) !== null);
}

/**
 * Saves a draft or submits the report. Refused (ReportError) unless the actor's
 * organisation leads it, its current state allows the transition, its period takes it, and
 * nobody saved it since `content.version`. The state and version are checked again by the
 * update itself, so a concurrent submission or review cannot be overwritten.
 */
export async function saveReport(actor: Actor, reportId: string, content: ReportContent) {
  const transition = content.intent;
  const result = await prisma.$transaction(async (tx) => {
    const current = await tx.progressReport.findUnique({
      where: { id: reportId },
      select: {
        organisationId: true,
        reviewState: true,
        version: true,
        status: true,
        statusReason: true,
        progress: true,
        narrative: true,
        challenges: true,
        nextSteps: true,
        evidenceLinks: true,
        submittedAt: true,
        reopenedAt: true,
        period: { select: { status: true } },
        action: { select: { indicators: { select: { id: true } } } },
      },
    });
    if (!current) notFound();
    if (!can(actor, PERMISSION_FOR[transition], { organisationId: current.organisationId })) throw new ReportError("forbidden");
    if (!canTransition(actor, transition, { organisationId: current.organisationId, state: current.reviewState })) {
      throw new ReportError("notEditable");
    }
    if (!periodAcceptsReport(current.period, current)) throw new ReportError("periodClosed");

    const fields = {
      status: content.status ?? current.status,
      statusReason: content.statusReason ?? null,
      progress: content.progress ?? current.progress,
      narrative: content.narrative ?? null,
      challenges: content.challenges ?? null,
      nextSteps: content.nextSteps ?? null,
    };
    const now = new Date();
    const updated = await tx.progressReport.updateMany({
      where: { id: reportId, version: content.version, reviewState: { in: statesAllowing(transition) } },
      data: {
        ...fields,
        evidenceLinks: content.evidenceLinks,
        version: { increment: 1 },
        ...(transition === "submit"
          ? {
              reviewState: "SUBMITTED",
              // Timeliness is judged on the first submission; a reopening allows one more.
              submittedAt: current.submittedAt ?? now,
              submittedById: actor.id,
              reopenedAt: null,
            }
          : {}),
      },
    });
    if (updated.count === 0) {
      const latest = await tx.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewState: true } });
      throw new ReportError(statesAllowing(transition).includes(latest.reviewState) ? "stale" : "notEditable");
    }

    const indicatorIds = new Set(current.action.indicators.map((indicator) => indicator.id));
    const values = content.values.filter((value) => indicatorIds.has(value.indicatorId));
    await tx.indicatorValue.deleteMany({ where: { reportId } });
    if (values.length) {
      await tx.indicatorValue.createMany({
        data: values.map((value) => ({
          reportId,
          indicatorId: value.indicatorId,
          value: value.value,
          disaggregation: value.disaggregation ?? Prisma.DbNull,
        })),
      });
    }

    const before = {
      status: current.status,
      statusReason: current.statusReason,
      progress: current.progress,
      narrative: current.narrative,
      challenges: current.challenges,
      nextSteps: current.nextSteps,
      evidenceLinks: current.evidenceLinks.join("\n"),
    };
    const changes = { ...diffFields(before, { ...fields, evidenceLinks: content.evidenceLinks.join("\n") }), indicatorValues: values.length };
    await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: transition, changes }, tx);
    // The reviewers hear of a submission with it, in the same transaction.
    const notices = transition === "submit" ? (await notifyReportSubmitted(tx, reportId)).ids : [];
    return { reviewState: transition === "submit" ? ("SUBMITTED" as const) : current.reviewState, notices };
  });
  await emailNotifications(result.notices);
  return { reviewState: result.reviewState };
}

/** The report's current version, handed back to a form after a conflict. */
export async function getReportVersion(reportId: string) {
  const report = await prisma.progressReport.findUnique({ where: { id: reportId }, select: { version: true, reviewState: true } });
  return report;
}

/** A focal point's answer to the reviewers, while the report is sent back to them. */
export async function addReply(actor: Actor, reportId: string, body: string) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: reportId }, select: { organisationId: true, reviewState: true } });
    if (!report) notFound();
    if (!can(actor, "report:edit", { organisationId: report.organisationId })) throw new ReportError("forbidden");
    if (report.reviewState !== "CHANGES_REQUESTED") throw new ReportError("notEditable");
    const comment = await tx.reviewComment.create({ data: { reportId, authorId: actor.id, kind: "REPLY", body }, select: { id: true } });
    await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: "reply", changes: { commentId: comment.id } }, tx);
    return comment;
  });
}

/**
 * A contribution note from a partner organisation of the action (not the lead), until the
 * report is approved.
 */
export async function addContribution(actor: Actor, reportId: string, note: string) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: reportId }, select: { actionId: true, organisationId: true, reviewState: true } });
    if (!report) notFound();
    const organisationId = actor.organisationId;
    if (!can(actor, "report:contribute") || !organisationId || organisationId === report.organisationId) throw new ReportError("forbidden");
    const partner = await tx.actionPartner.findUnique({
      where: { actionId_organisationId: { actionId: report.actionId, organisationId } },
      select: { organisationId: true },
    });
    if (!partner) throw new ReportError("forbidden");
    if (report.reviewState === "APPROVED") throw new ReportError("approved");
    const contribution = await tx.reportContribution.create({ data: { reportId, organisationId, authorId: actor.id, note }, select: { id: true } });
    await recordAudit(
      { actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: "contribute", changes: { contributionId: contribution.id, organisationId } },
      tx,
    );
    return contribution;
  });
}

/**
 * Lets the focal point submit this report once more although its period is closed (for the
 * review side; the caller checks `report:review`). Refused for an approved report. Content
 * and version are untouched, so a form open elsewhere stays valid.
 */
export async function reopenReport(actorId: string, reportId: string) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: reportId }, select: { reviewState: true } });
    if (!report) notFound();
    if (report.reviewState === "APPROVED") throw new ReportError("approved");
    const reopenedAt = new Date();
    await tx.progressReport.update({ where: { id: reportId }, data: { reopenedAt } });
    await recordAudit({ actorId, entityType: "ProgressReport", entityId: reportId, action: "reopen", changes: { reopenedAt: reopenedAt.toISOString() } }, tx);
    return { reopenedAt };
  });
}

/**
 * The same for a report that was never started: creates the lead organisation's draft in
 * the (closed) period and reopens it (caller checks `report:review`).
 */
export async function reopenMissingReport(actorId: string, actionId: string, periodId: string) {
  const target = await findReportTarget(actionId, periodId);
  if (!target) notFound();
  if (!target.reportId) {
    try {
      await prisma.$transaction(async (tx) => {
        const action = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { status: true, progress: true } });
        const report = await tx.progressReport.create({
          data: { actionId, periodId, organisationId: target.organisationId, status: action.status, progress: action.progress },
          select: { id: true },
        });
        await recordAudit({ actorId, entityType: "ProgressReport", entityId: report.id, action: "create", changes: { actionId, periodId } }, tx);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const report = await prisma.progressReport.findUniqueOrThrow({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
  await reopenReport(actorId, report.id);
  return { id: report.id };
}

// ---------------------------------------------------------------------------
// Lists: a focal point's work, a period's reports
// ---------------------------------------------------------------------------

const workReportSelect = {
  id: true,
  actionId: true,
  periodId: true,
  reviewState: true,
  submittedAt: true,
  reopenedAt: true,
  updatedAt: true,
} as const;

type WorkAction = { id: string; code: string; title: string };
type WorkPeriod = { id: string; label: string; startDate: Date; endDate: Date; dueDate: Date; status: "OPEN" | "CLOSED" };

export type WorkItem = {
  action: WorkAction;
  period: WorkPeriod;
  report: { id: string; reviewState: "DRAFT" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED"; submittedAt: Date | null; reopenedAt: Date | null; updatedAt: Date } | null;
  urgency: Urgency;
  late: boolean;
};

/**
 * A focal point's to-do, most urgent first: for every open period that has started, each
 * in-progress action their organisation leads (started or not), plus any report of theirs
 * still sent back or reopened in a closed period.
 */
export async function listFocalPointWork(organisationId: string, now = new Date()) {
  const periods = await prisma.reportingPeriod.findMany({
    where: {
      status: "OPEN",
      startDate: { lte: now },
      // An archived plan collects no more reports (archiving also closes its periods).
      plan: { status: { not: "ARCHIVED" }, actions: { some: { leadOrganisationId: organisationId } } },
    },
    orderBy: { startDate: "asc" },
    select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true, status: true },
  });
  const [expected, reports] = await Promise.all([
    Promise.all(
      periods.map((period) =>
        prisma.action.findMany({
          where: { ...expectedActionsWhere(period), leadOrganisationId: organisationId },
          select: { id: true, code: true, title: true },
        }),
      ),
    ),
    prisma.progressReport.findMany({
      where: {
        organisationId,
        OR: [
          { periodId: { in: periods.map((period) => period.id) } },
          { reviewState: "CHANGES_REQUESTED" },
          { reopenedAt: { not: null }, reviewState: { in: ["DRAFT", "CHANGES_REQUESTED"] } },
        ],
      },
      select: {
        ...workReportSelect,
        action: { select: { id: true, code: true, title: true } },
        period: { select: { id: true, label: true, startDate: true, endDate: true, dueDate: true, status: true } },
      },
    }),
  ]);

  const items = new Map<string, WorkItem>();
  periods.forEach((period, index) => {
    for (const action of expected[index] ?? []) {
      items.set(`${action.id}:${period.id}`, { action, period, report: null, urgency: "due", late: false });
    }
  });
  for (const { action, period, ...report } of reports) {
    items.set(`${action.id}:${period.id}`, { action, period, report, urgency: "due", late: false });
  }
  const list = [...items.values()].map((item) => {
    const facts = { reviewState: item.report?.reviewState ?? null, dueDate: item.period.dueDate, submittedAt: item.report?.submittedAt ?? null };
    return { ...item, urgency: urgencyOf(facts, now), late: isLate(facts, now) };
  });
  list.sort((a, b) => compareByUrgency({ ...a, dueDate: a.period.dueDate, code: a.action.code }, { ...b, dueDate: b.period.dueDate, code: b.action.code }));
  const counts = Object.fromEntries(URGENCIES.map((urgency) => [urgency, list.filter((item) => item.urgency === urgency).length]));
  return { items: list, counts: { changesRequested: 0, late: 0, due: 0, draft: 0, submitted: 0, approved: 0, ...counts } };
}

/** Reports of open periods where the organisation is a partner: they can add a contribution. */
export async function listPartnerReports(organisationId: string) {
  return prisma.progressReport.findMany({
    where: {
      period: { status: "OPEN" },
      reviewState: { not: "APPROVED" },
      organisationId: { not: organisationId },
      action: { partners: { some: { organisationId } } },
    },
    orderBy: [{ period: { dueDate: "asc" } }, { action: { code: "asc" } }],
    select: {
      id: true,
      reviewState: true,
      action: { select: { code: true, title: true } },
      period: { select: { label: true, dueDate: true } },
      organisation: { select: { acronym: true, name: true } },
      _count: { select: { contributions: { where: { organisationId } } } },
    },
  });
}

/**
 * Every report a period expects or has, with its lead organisation and whether it is late
 * (for compliance views): the in-progress actions (see due.ts), plus any action that has a
 * report in the period even if it no longer counts as in progress.
 */
export async function listPeriodReports(periodId: string, now = new Date()) {
  const period = await prisma.reportingPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true, status: true },
  });
  if (!period) return null;
  const actionSelect = {
    id: true,
    code: true,
    title: true,
    status: true,
    startDate: true,
    endDate: true,
    leadOrganisation: { select: { id: true, acronym: true, name: true } },
  } as const;
  const [expected, reports] = await Promise.all([
    prisma.action.findMany({ where: expectedActionsWhere(period), select: actionSelect }),
    prisma.progressReport.findMany({
      where: { periodId },
      select: { id: true, reviewState: true, submittedAt: true, reopenedAt: true, action: { select: actionSelect } },
    }),
  ]);
  const rows = new Map<string, { action: (typeof expected)[number]; report: Omit<(typeof reports)[number], "action"> | null }>();
  for (const action of expected) rows.set(action.id, { action, report: null });
  for (const { action, ...report } of reports) rows.set(action.id, { action, report });
  return {
    period,
    rows: [...rows.values()]
      .map((row) => ({
        ...row,
        expected: isReportExpected(row.action, period),
        late: isLate({ dueDate: period.dueDate, submittedAt: row.report?.submittedAt ?? null }, now),
      }))
      .sort((a, b) => a.action.code.localeCompare(b.action.code)),
  };
}

/** How many reports wait for an organisation's focal point (sent back, late, to write, in draft): for a count in the navigation. */
export async function countWaitingReports(organisationId: string, now = new Date()) {
  const { counts } = await listFocalPointWork(organisationId, now);
  return counts.changesRequested + counts.late + counts.due + counts.draft;
}
