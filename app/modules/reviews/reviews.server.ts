// Reviewing progress reports: the queue, the report beside its history, and the
// decision. Approving is the only way an action's status and progress, and its
// indicators' current values, ever change.
import type { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { emailNotifications, notify } from "~/modules/notifications/notifications.server";
import { reportAbilities } from "~/modules/reporting/abilities";
import { contributionSelect, commentSelect, periodSelect, reportContentSelect, reportFactsSelect } from "~/modules/reporting/fields";
import { nextState } from "~/modules/reporting/report-state";
import { readBreakdown } from "~/modules/reporting/schema";
import { prisma } from "~/utils/db.server";
import { conflictError, forbiddenError, notFoundError } from "~/utils/domain-error";
import { can, type PermissionSubject } from "~/utils/permissions";
import { REVIEWS_PAGE_SIZE, type ReviewDecisionInput, type ReviewFilters } from "./schema";
import { organisationRefSelect } from "~/modules/organisations/fields";
import { personNameSelect } from "~/modules/users/fields";

export async function listReviewQueue(filters: ReviewFilters) {
  const where: Prisma.ProgressReportWhereInput = {
    reviewState: "SUBMITTED",
    organisationId: filters.organisationId,
    periodId: filters.periodId,
    ...(filters.objective ? { action: { mainObjectiveNumber: filters.objective } } : {}),
  };
  const [total, reports] = await Promise.all([
    prisma.progressReport.count({ where }),
    prisma.progressReport.findMany({
      where,
      // Oldest first: whoever has waited longest is read first.
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * REVIEWS_PAGE_SIZE,
      take: REVIEWS_PAGE_SIZE,
      select: {
        id: true,
        submittedAt: true,
        status: true,
        progress: true,
        action: { select: { id: true, code: true, title: true, mainObjectiveNumber: true } },
        organisation: { select: organisationRefSelect },
        period: { select: { id: true, label: true, dueDate: true } },
        submittedBy: { select: personNameSelect },
      },
    }),
  ]);
  return { reports, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / REVIEWS_PAGE_SIZE)) };
}

/** What the queue can be filtered by. */
export async function listReviewFilterChoices() {
  const [organisations, periods, objectives] = await Promise.all([
    prisma.organisation.findMany({
      where: { leadActions: { some: {} } },
      orderBy: { acronym: "asc" },
      select: organisationRefSelect,
    }),
    prisma.reportingPeriod.findMany({
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: { id: true, label: true, plan: { select: { title: true } } },
    }),
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
  ]);
  return { organisations, periods, objectives };
}

/**
 * A report as the reviewer reads it, beside the action's last approved report and each
 * indicator's history, with what the reviewer may do on it. Reviewers and admins only.
 */
export async function getReviewReport(user: PermissionSubject, reportId: string) {
  if (!can(user, "report:review")) throw forbiddenError();
  const report = await prisma.progressReport.findUnique({
    where: { id: reportId },
    select: {
      ...reportContentSelect,
      ...reportFactsSelect,
      version: true,
      submittedBy: { select: personNameSelect },
      reviewedBy: { select: personNameSelect },
      organisation: { select: organisationRefSelect },
      period: { select: periodSelect },
      action: {
        select: {
          partners: reportFactsSelect.action.select.partners,
          id: true,
          code: true,
          title: true,
          planId: true,
          status: true,
          progress: true,
          mainObjectiveNumber: true,
          leadOrganisation: { select: { acronym: true, name: true } },
        },
      },
      values: { select: { indicatorId: true, value: true, disaggregation: true, note: true } },
      contributions: { orderBy: { createdAt: "asc" }, select: contributionSelect },
      comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: commentSelect },
    },
  });
  if (!report) throw notFoundError();
  const { partners, ...action } = report.action;
  const abilities = reportAbilities(user, { ...report, action: { partnerIds: partners.map((partner) => partner.organisationId) } });

  const [previous, indicators] = await Promise.all([
    prisma.progressReport.findFirst({
      where: { actionId: report.action.id, reviewState: "APPROVED", period: { startDate: { lt: report.period.startDate } } },
      orderBy: { period: { startDate: "desc" } },
      select: { ...reportContentSelect, period: { select: { label: true } }, values: { select: { indicatorId: true, value: true } } },
    }),
    prisma.indicator.findMany({
      where: { actionId: report.action.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        name: true,
        unit: true,
        kind: true,
        disaggregation: true,
        baselineValue: true,
        baselineDate: true,
        targetValue: true,
        targetDate: true,
        currentValue: true,
        values: {
          where: { report: { reviewState: "APPROVED", periodId: { not: report.period.id } } },
          select: { value: true, report: { select: { period: { select: { id: true, label: true, startDate: true } } } } },
        },
      },
    }),
  ]);

  const { values: rawValues, ...rest } = report;
  const values = rawValues.map(({ disaggregation, ...value }) => ({ ...value, disaggregation: readBreakdown(disaggregation) }));
  return {
    report: { ...rest, action, values },
    abilities,
    previous,
    indicators: indicators.map(({ values: history, ...indicator }) => ({
      ...indicator,
      value: values.find((value) => value.indicatorId === indicator.id) ?? null,
      history: history
        .map((item) => ({ periodId: item.report.period.id, label: item.report.period.label, startDate: item.report.period.startDate, value: item.value }))
        .sort((a, b) => a.startDate.getTime() - b.startDate.getTime()),
    })),
  };
}

/**
 * Approves a submitted report, or sends it back with a comment, if nobody changed it
 * since the reviewer read `input.version`. Approval copies the report's status and
 * progress onto the action and each reported value onto its indicator, in the same
 * transaction; nothing else changes.
 */
export async function decideReport(actor: PermissionSubject & { id: string }, reportId: string, input: ReviewDecisionInput) {
  if (!can(actor, "report:review")) throw forbiddenError();
  const actorId = actor.id;
  const transition = input.intent;
  const noticeIds = await prisma.$transaction(async (tx) => {
    const current = await tx.progressReport.findUnique({ where: { id: reportId }, select: { ...reportFactsSelect, version: true } });
    if (!current) throw notFoundError();
    const facts = { ...current, action: { partnerIds: current.action.partners.map((partner) => partner.organisationId) } };
    const to = nextState(current.reviewState, transition);
    if (!to || !reportAbilities(actor, facts).decide) throw conflictError("notSubmitted", "reviews.notSubmitted");
    const now = new Date();
    // The version the reviewer read, and still submitted: otherwise someone changed it meanwhile.
    const claimed = await tx.progressReport.updateMany({
      where: { id: reportId, version: input.version, reviewState: "SUBMITTED" },
      data: { reviewState: to, reviewedAt: now, reviewedById: actorId, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw conflictError("conflict", "conflict.stale");

    // Read after the update: the row is locked now, so these are the values that were reviewed.
    const report = await tx.progressReport.findUniqueOrThrow({
      where: { id: reportId },
      select: {
        actionId: true,
        organisationId: true,
        status: true,
        progress: true,
        values: { select: { indicatorId: true, value: true } },
        action: { select: { code: true, status: true, progress: true } },
        period: { select: { label: true } },
      },
    });
    await tx.reviewComment.create({
      data: { reportId, authorId: actorId, kind: transition === "approve" ? "APPROVAL" : "CHANGES_REQUESTED", body: input.comment ?? "" },
    });
    await recordAudit(
      {
        actorId,
        entityType: "ProgressReport",
        entityId: reportId,
        action: transition,
        changes: { reviewState: { from: current.reviewState, to }, ...(input.comment ? { comment: input.comment } : {}) },
      },
      tx,
    );

    if (transition === "approve") {
      const before = { status: report.action.status, progress: report.action.progress };
      const after = { status: report.status, progress: report.progress };
      await tx.action.update({ where: { id: report.actionId }, data: after, select: { id: true } });
      await recordAudit(
        { actorId, entityType: "Action", entityId: report.actionId, action: "approveReport", changes: { ...diffFields(before, after), reportId } },
        tx,
      );
      for (const reported of report.values) {
        // An empty value means "not measured this period": the last approved value stands.
        if (reported.value === null) continue;
        const indicator = await tx.indicator.findFirst({
          where: { id: reported.indicatorId, actionId: report.actionId },
          select: { currentValue: true },
        });
        if (!indicator) continue;
        await tx.indicator.update({ where: { id: reported.indicatorId }, data: { currentValue: reported.value }, select: { id: true } });
        await recordAudit(
          {
            actorId,
            entityType: "Indicator",
            entityId: reported.indicatorId,
            action: "approveReport",
            changes: { ...diffFields({ currentValue: indicator.currentValue }, { currentValue: reported.value }), reportId },
          },
          tx,
        );
      }
    }

    const notice = await notify(tx, {
      organisationId: report.organisationId,
      kind: transition === "approve" ? "reportApproved" : "changesRequested",
      params: { action: report.action.code, period: report.period.label },
      link: `/reports/${reportId}`,
    });
    return notice.ids;
  });
  await emailNotifications(noticeIds);
}
