// Progress reports: the lead organisation's focal point starts, saves and submits one per
// action and open period; partner organisations add contribution notes; a reviewer may
// reopen one after its period closed. Who may move a report from which state is
// abilities.ts (built on report-state.ts's table); this module asks it inside each write's
// transaction and refuses with a DomainError.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { emailNotifications, notifyReportSubmitted } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { conflictError, forbiddenError, notFoundError } from "~/utils/domain-error";
import type { MessageKey } from "~/utils/i18n";
import { can, scopeOf, type Permission, type PermissionSubject } from "~/utils/permissions";
import { isPartnerNotLead, reportAbilities, type ReportFacts } from "./abilities";
import { compareByUrgency, isLate, isReportExpected, URGENCIES, urgencyOf, type Urgency } from "./due";
import { indicatorFormSelect, reportFactsSelect, reportPageSelect } from "./fields";
import { expectedActionsWhere } from "./periods.server";
import { PERMISSION_FOR, statesAllowing } from "./report-state";
import { readBreakdown, type ReportContent } from "./schema";
import { actionRefSelect } from "~/modules/actions/fields";
import { organisationRefSelect } from "~/modules/organisations/fields";

type Actor = PermissionSubject & { id: string };

/** Why a report write was refused, each with the message the form shows. */
const REFUSALS = {
  notEditable: "reports.notEditable", // the report's state does not allow it (submitted, approved...)
  stale: "conflict.stale", // someone saved it since the form was opened
  periodClosed: "reports.periodClosed", // the period is closed and the report was not reopened
  approved: "reports.approvedFinal", // an approved report is final
} as const satisfies Record<string, MessageKey>;
export type ReportRefusal = keyof typeof REFUSALS;

function refused(reason: ReportRefusal) {
  return conflictError(reason, REFUSALS[reason]);
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The reports a user may see through `permission`, for a query's `where`: every report, or
 * (for a scope of "own") their organisation's only. Null when the role has no such permission.
 */
function scopedTo(user: PermissionSubject, permission: Permission): Prisma.ProgressReportWhereInput | null {
  const scope = scopeOf(user.role, permission);
  if (!scope) return null;
  return scope === "any" ? {} : { organisationId: user.organisationId ?? "" };
}

/** Out of scope or missing: a 403 if the report exists (it is someone else's), a 404 otherwise. */
async function refuseMissing(reportId: string, client: Prisma.TransactionClient = prisma): Promise<never> {
  const exists = await client.progressReport.count({ where: { id: reportId } });
  throw exists ? forbiddenError() : notFoundError();
}

/** The facts reportAbilities needs, from a report read with `reportFactsSelect`. */
function factsOf(report: Prisma.ProgressReportGetPayload<{ select: typeof reportFactsSelect }>): ReportFacts {
  return { ...report, action: { partnerIds: report.action.partners.map((partner) => partner.organisationId) } };
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

/**
 * Everything a report's page shows (content, indicator values, comments and contributions)
 * and what the user may do on it. Refused (DomainError) unless the user may read it.
 */
export async function getReport(user: PermissionSubject, reportId: string) {
  const report = await prisma.progressReport.findUnique({ where: { id: reportId }, select: reportPageSelect });
  if (!report) throw notFoundError();
  const abilities = reportAbilities(user, factsOf(report));
  if (!abilities.read) throw forbiddenError();
  const { partners, ...action } = report.action;
  return {
    report: {
      ...report,
      action: { ...action, partnerIds: partners.map((partner) => partner.organisationId) },
      values: report.values.map((value) => ({ ...value, disaggregation: readBreakdown(value.disaggregation) })),
    },
    abilities,
  };
}
export type ReportDetails = Awaited<ReturnType<typeof getReport>>["report"];

/**
 * The indicators a report's form asks about, for the user who may apply `transition`
 * (their organisation's reports only): the form's schema depends on them.
 */
export async function getReportIndicators(user: PermissionSubject, reportId: string, transition: "save" | "submit") {
  const scope = scopedTo(user, PERMISSION_FOR[transition]);
  if (!scope) throw forbiddenError();
  const report = await prisma.progressReport.findFirst({
    where: { id: reportId, ...scope },
    select: { action: { select: { indicators: { select: indicatorFormSelect } } } },
  });
  if (!report) return refuseMissing(reportId);
  return report.action.indicators;
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/**
 * The report of an action for a period: the existing one, or a new draft prefilled with the
 * action's current status and progress. New reports only in an open period. Starting twice
 * (a double click, two tabs) gives the same report. Refused unless the actor's organisation
 * leads the action.
 */
export async function startReport(actor: Actor, actionId: string, periodId: string): Promise<{ id: string; created: boolean }> {
  const target = await findReportTarget(actionId, periodId);
  if (!target) throw notFoundError();
  if (!can(actor, "report:edit", { organisationId: target.organisationId })) throw forbiddenError();
  if (target.reportId) return { id: target.reportId, created: false };
  if (target.periodStatus !== "OPEN") throw refused("periodClosed");
  try {
    return await prisma.$transaction(async (tx) => {
      const action = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { leadOrganisationId: true, status: true, progress: true } });
      const report = await tx.progressReport.create({
        data: { actionId, periodId, organisationId: action.leadOrganisationId, status: action.status, progress: action.progress },
        select: { id: true },
      });
      await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: report.id, action: "create", changes: { actionId, periodId } }, tx);
      return { id: report.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await prisma.progressReport.findUniqueOrThrow({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
    return { id: raced.id, created: false };
  }
}

/**
 * Saves a draft or submits the report. Refused (DomainError) unless reportAbilities allows
 * the transition (the actor's organisation leads it, its state allows it, its period takes
 * it), and nobody saved it since `content.version`. The state and version are checked again
 * by the update itself, so a concurrent submission or review cannot be overwritten.
 */
export async function saveReport(actor: Actor, reportId: string, content: ReportContent, options: { idempotencyKey?: string } = {}) {
  const transition = content.intent;
  const scope = scopedTo(actor, PERMISSION_FOR[transition]);
  if (!scope) throw forbiddenError();
  const result = await prisma.$transaction(async (tx) => {
    const current = await tx.progressReport.findFirst({
      where: { id: reportId, ...scope },
      select: {
        ...reportFactsSelect,
        version: true,
        status: true,
        statusReason: true,
        progress: true,
        narrative: true,
        challenges: true,
        nextSteps: true,
        evidenceLinks: true,
        submittedAt: true,
        action: { select: { partners: reportFactsSelect.action.select.partners, indicators: { select: { id: true } } } },
      },
    });
    if (!current) return refuseMissing(reportId, tx);
    const abilities = reportAbilities(actor, factsOf(current));
    if (!abilities[transition === "save" ? "edit" : "submit"]) throw refused(abilities.blockedByClosedPeriod ? "periodClosed" : "notEditable");

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
      throw refused(statesAllowing(transition).includes(latest.reviewState) ? "stale" : "notEditable");
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
    const reviewState = transition === "submit" ? ("SUBMITTED" as const) : current.reviewState;
    // A save from a device's outbox: its key is stored with the save, in the same transaction,
    // so a replay of the same key (a unique violation) can only find this result.
    if (options.idempotencyKey) {
      await tx.reportDeviceSave.create({
        data: { key: options.idempotencyKey, reportId, userId: actor.id, intent: transition, version: content.version + 1, reviewState },
      });
    }
    return { reviewState, notices };
  });
  await emailNotifications(result.notices);
  return { reviewState: result.reviewState, version: content.version + 1 };
}

/** The report's current version, handed back to a form after a conflict (to a user who may read it). */
export async function getReportVersion(user: PermissionSubject, reportId: string) {
  const scope = scopedTo(user, "report:read") ?? { id: "" };
  return prisma.progressReport.findFirst({ where: { id: reportId, ...scope }, select: { version: true, reviewState: true } });
}

/** A focal point's answer to the reviewers, while the report is sent back to them. */
export async function addReply(actor: Actor, reportId: string, body: string) {
  const scope = scopedTo(actor, "report:edit");
  if (!scope) throw forbiddenError();
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findFirst({ where: { id: reportId, ...scope }, select: reportFactsSelect });
    if (!report) return refuseMissing(reportId, tx);
    if (!reportAbilities(actor, factsOf(report)).reply) throw refused("notEditable");
    const comment = await tx.reviewComment.create({ data: { reportId, authorId: actor.id, kind: "REPLY", body }, select: { id: true } });
    await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: "reply", changes: { commentId: comment.id } }, tx);
    return comment;
  });
}

/**
 * A contribution note from a partner organisation of the action (not the lead), until the
 * report is approved (reportAbilities' `contribute`).
 */
export async function addContribution(actor: Actor, reportId: string, note: string) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: reportId }, select: reportFactsSelect });
    if (!report) throw notFoundError();
    const facts = factsOf(report);
    const organisationId = actor.organisationId;
    if (!isPartnerNotLead(actor, facts) || !organisationId) throw forbiddenError();
    if (!reportAbilities(actor, facts).contribute) throw refused("approved");
    const contribution = await tx.reportContribution.create({ data: { reportId, organisationId, authorId: actor.id, note }, select: { id: true } });
    await recordAudit(
      { actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: "contribute", changes: { contributionId: contribution.id, organisationId } },
      tx,
    );
    return contribution;
  });
}

/**
 * Lets the focal point submit this report once more although its period is closed
 * (reportAbilities' `reopen`: a reviewer, on a report of a closed period still to be
 * submitted). Refused for an approved report. Content and version are untouched, so a form
 * open elsewhere stays valid.
 */
export async function reopenReport(actor: Actor, reportId: string) {
  if (!can(actor, "report:review")) throw forbiddenError();
  return prisma.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: reportId }, select: reportFactsSelect });
    if (!report) throw notFoundError();
    if (report.reviewState === "APPROVED") throw conflictError("approved", "reviews.reopenApproved");
    if (!reportAbilities(actor, factsOf(report)).reopen) throw refused("notEditable");
    const reopenedAt = new Date();
    await tx.progressReport.update({ where: { id: reportId }, data: { reopenedAt } });
    await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: reportId, action: "reopen", changes: { reopenedAt: reopenedAt.toISOString() } }, tx);
    return { reopenedAt };
  });
}

/**
 * The same for a report that was never started: creates the lead organisation's draft in
 * the (closed) period and reopens it.
 */
export async function reopenMissingReport(actor: Actor, actionId: string, periodId: string) {
  if (!can(actor, "report:review")) throw forbiddenError();
  const target = await findReportTarget(actionId, periodId);
  if (!target) throw notFoundError();
  if (!target.reportId) {
    try {
      await prisma.$transaction(async (tx) => {
        const action = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { status: true, progress: true } });
        const report = await tx.progressReport.create({
          data: { actionId, periodId, organisationId: target.organisationId, status: action.status, progress: action.progress },
          select: { id: true },
        });
        await recordAudit({ actorId: actor.id, entityType: "ProgressReport", entityId: report.id, action: "create", changes: { actionId, periodId } }, tx);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const report = await prisma.progressReport.findUniqueOrThrow({ where: { actionId_periodId: { actionId, periodId } }, select: { id: true } });
  await reopenReport(actor, report.id);
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
  // One query for every period's expected actions (not one per period): the organisation's
  // in-progress actions of those plans, sorted into periods below with the same rule.
  const latest = periods.reduce<(typeof periods)[number] | undefined>((found, period) => (found && found.endDate >= period.endDate ? found : period), undefined);
  const [candidates, reports] = await Promise.all([
    latest
      ? prisma.action.findMany({
          where: {
            ...expectedActionsWhere(latest),
            planId: { in: [...new Set(periods.map((period) => period.planId))] },
            leadOrganisationId: organisationId,
          },
          select: { id: true, code: true, title: true, planId: true, status: true, startDate: true, endDate: true },
        })
      : [],
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
        action: { select: actionRefSelect },
        period: { select: { id: true, label: true, startDate: true, endDate: true, dueDate: true, status: true } },
      },
    }),
  ]);

  const items = new Map<string, WorkItem>();
  for (const period of periods) {
    for (const { id, code, title, ...facts } of candidates) {
      if (facts.planId !== period.planId || !isReportExpected(facts, period)) continue;
      items.set(`${id}:${period.id}`, { action: { id, code, title }, period, report: null, urgency: "due", late: false });
    }
  }
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
    leadOrganisation: { select: organisationRefSelect },
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
