// In-app notices, stored in PostgreSQL and rendered in the reader's language; e-mailed
// as well when SMTP is configured.
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { listCurrentFocalPoints } from "~/modules/handover/focal-points.server";
import { bamakoDay, daysBetween, isReportExpected } from "~/modules/reporting/due";
import { prisma } from "~/utils/db.server";
import { formatDate, isMessageKey, translator, type Lang, type Params } from "~/utils/i18n";
import { emailEnabled, sendEmail } from "./email.server";

export const NOTIFICATION_KINDS = [
  "periodOpened",
  "reportDueSoon",
  "reportLate",
  "reportSubmitted",
  "changesRequested",
  "reportApproved",
  "focalPointAssigned",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Client = Prisma.TransactionClient;

export type Recipients = { userIds: string[] } | { organisationId: string } | { role: Role | Role[] };

export type NotifyInput = Recipients & {
  kind: NotificationKind;
  params?: Params;
  link?: string | null;
  /** Skips the users who already have a notice of this kind with this link (for reminders computed on demand). */
  once?: boolean;
};

async function recipientIds(client: Client, recipients: Recipients) {
  if ("userIds" in recipients) {
    if (!recipients.userIds.length) return [];
    const users = await client.user.findMany({ where: { id: { in: recipients.userIds }, active: true }, select: { id: true } });
    return users.map((user) => user.id);
  }
  if ("organisationId" in recipients) {
    const focalPoints = await listCurrentFocalPoints(client, [recipients.organisationId]);
    return focalPoints.map((focalPoint) => focalPoint.id);
  }
  const roles = Array.isArray(recipients.role) ? recipients.role : [recipients.role];
  const users = await client.user.findMany({ where: { role: { in: roles }, active: true }, select: { id: true } });
  return users.map((user) => user.id);
}

/**
 * Creates one notice per recipient: given users, an organisation's current focal points,
 * or everyone holding a role. Pass the transaction client so notices commit with the
 * change they announce, then hand the ids to `emailNotifications` once committed.
 */
export async function notify(client: Client, input: NotifyInput) {
  let userIds = [...new Set(await recipientIds(client, input))];
  const link = input.link ?? null;
  if (input.once && userIds.length) {
    const already = await client.notification.findMany({
      where: { userId: { in: userIds }, kind: input.kind, link },
      select: { userId: true },
    });
    const notified = new Set(already.map((notice) => notice.userId));
    userIds = userIds.filter((id) => !notified.has(id));
  }
  if (!userIds.length) return { ids: [] };
  const created = await client.notification.createManyAndReturn({
    data: userIds.map((userId) => ({ userId, kind: input.kind, params: input.params ?? {}, link })),
    select: { id: true },
  });
  return { ids: created.map((notice) => notice.id) };
}

function paramsOf(value: Prisma.JsonValue): Params {
  const params: Params = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return params;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string" || typeof item === "number") params[key] = item;
  }
  return params;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A notice as the reader reads it: the catalogue's sentence, dates in their language. */
export function renderNotification(lang: Lang, notice: { kind: string; params: Prisma.JsonValue }) {
  const t = translator(lang);
  const params = paramsOf(notice.params);
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && key.endsWith("Date") && ISO_DAY.test(value)) params[key] = formatDate(lang, value);
  }
  const key = `notifications.kind.${notice.kind}`;
  return isMessageKey(key) ? t(key, params) : t("notifications.kind.unknown");
}

const langOf = (language: "FR" | "EN"): Lang => (language === "EN" ? "en" : "fr");

/** Mails the notices (when SMTP is configured) and marks those that went out. Never throws for a mail failure. */
export async function emailNotifications(ids: string[]) {
  if (!ids.length || !emailEnabled()) return { sent: 0 };
  const notices = await prisma.notification.findMany({
    where: { id: { in: ids }, emailedAt: null },
    select: { id: true, kind: true, params: true, link: true, user: { select: { email: true, language: true, active: true } } },
  });
  let sent = 0;
  for (const notice of notices) {
    if (!notice.user.active) continue;
    const lang = langOf(notice.user.language);
    const t = translator(lang);
    const text = renderNotification(lang, notice);
    // An email needs a full address: PUBLIC_ORIGIN (e.g. https://pacte.gouv.ml) when it is set.
    const link = notice.link ? `${process.env.PUBLIC_ORIGIN ?? ""}${notice.link}` : null;
    const body = link ? `${text}\n\n${t("notifications.emailLink", { link })}` : text;
    const ok = await sendEmail({ to: notice.user.email, subject: `Pacte – ${text}`.slice(0, 180), text: body });
    if (!ok) continue;
    await prisma.notification.update({ where: { id: notice.id }, data: { emailedAt: new Date() }, select: { id: true } });
    sent += 1;
  }
  return { sent };
}

/** `notify` outside a transaction, then the e-mails. */
export async function notifyNow(input: NotifyInput) {
  const { ids } = await notify(prisma, input);
  await emailNotifications(ids);
  return { ids };
}

/** Tells the reviewers that a report waits for them; call it in the transaction that submits. */
export async function notifyReportSubmitted(client: Client, reportId: string) {
  const report = await client.progressReport.findUnique({
    where: { id: reportId },
    select: { action: { select: { code: true } }, period: { select: { label: true } }, organisation: { select: { acronym: true } } },
  });
  if (!report) return { ids: [] };
  return notify(client, {
    role: "REVIEWER",
    kind: "reportSubmitted",
    params: { action: report.action.code, period: report.period.label, organisation: report.organisation.acronym },
    link: `/reviews/${reportId}`,
  });
}

/** Where a focal point works on the report of an action for a period; the same link before and after the report exists. */
export function reportWorkLink(periodId: string, actionId: string) {
  return `/my-actions?period=${encodeURIComponent(periodId)}#action-${actionId}`;
}

export const DUE_SOON_DAYS = 7;

const DEADLINE_KINDS = ["periodOpened", "reportDueSoon", "reportLate"] as const satisfies readonly NotificationKind[];

/**
 * The reminders nobody schedules: for a focal point, a notice when a period opens with
 * reports expected from their organisation, when a report is due within a week, and
 * when it is late. Worked out when they look (there is no cron), once per event: a notice
 * of the same kind and link is never created twice for the same person.
 */
export async function syncDeadlineNotifications(user: { id: string; role: Role; organisationId: string | null }, now = new Date()) {
  if (user.role !== "FOCAL_POINT" || !user.organisationId) return { ids: [] };
  const organisationId = user.organisationId;
  const periods = await prisma.reportingPeriod.findMany({
    where: { status: "OPEN", plan: { status: { not: "ARCHIVED" }, actions: { some: { leadOrganisationId: organisationId } } } },
    select: { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true },
  });
  if (!periods.length) return { ids: [] };
  const [actions, reports] = await Promise.all([
    prisma.action.findMany({
      where: { leadOrganisationId: organisationId, planId: { in: [...new Set(periods.map((period) => period.planId))] } },
      select: { id: true, planId: true, code: true, status: true, startDate: true, endDate: true },
    }),
    prisma.progressReport.findMany({
      where: { organisationId, periodId: { in: periods.map((period) => period.id) } },
      select: { actionId: true, periodId: true, submittedAt: true },
    }),
  ]);
  const due: { kind: NotificationKind; params: Params; link: string }[] = [];
  const add = (kind: NotificationKind, params: Params, link: string) => due.push({ kind, params, link });
  const submitted = new Set(reports.filter((report) => report.submittedAt).map((report) => `${report.actionId}|${report.periodId}`));
  const started = new Set(reports.map((report) => `${report.actionId}|${report.periodId}`));

  for (const period of periods) {
    const dueDate = bamakoDay(period.dueDate);
    const owed = actions.filter(
      (action) => action.planId === period.planId && (started.has(`${action.id}|${period.id}`) || isReportExpected(action, period)),
    );
    if (!owed.length) continue;
    add("periodOpened", { period: period.label, dueDate, count: owed.length }, `/my-actions?period=${encodeURIComponent(period.id)}`);
    const daysLeft = daysBetween(now, period.dueDate);
    for (const action of owed) {
      if (submitted.has(`${action.id}|${period.id}`)) continue;
      const params = { action: action.code, period: period.label, dueDate };
      if (daysLeft < 0) add("reportLate", params, reportWorkLink(period.id, action.id));
      else if (daysLeft <= DUE_SOON_DAYS) add("reportDueSoon", params, reportWorkLink(period.id, action.id));
    }
  }
  if (!due.length) return { ids: [] };
  const ids = await prisma.$transaction(async (tx) => {
    // Two pages loading at once must not both create the same reminder.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notifications:${user.id}`}))`;
    const existing = await tx.notification.findMany({
      where: { userId: user.id, kind: { in: [...DEADLINE_KINDS] } },
      select: { kind: true, link: true },
    });
    const seen = new Set(existing.map((notice) => `${notice.kind}|${notice.link}`));
    const fresh = due.filter((notice) => !seen.has(`${notice.kind}|${notice.link}`));
    if (!fresh.length) return [];
    const created = await tx.notification.createManyAndReturn({
      data: fresh.map((notice) => ({ userId: user.id, ...notice })),
      select: { id: true },
    });
    return created.map((notice) => notice.id);
  });
  await emailNotifications(ids);
  return { ids };
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

export async function listNotifications(userId: string, lang: Lang, page: number) {
  const where = { userId };
  const [total, unread, notices] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { userId, readAt: null } }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    total,
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
    notifications: notices.map(({ params, ...notice }) => ({ ...notice, text: renderNotification(lang, { kind: notice.kind, params }) })),
  };
}

/** Marks one of the user's own notices as read; another user's id changes nothing. */
export async function markNotificationRead(userId: string, notificationId: string) {
  const updated = await prisma.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: new Date() },
  });
  return updated.count;
}

export async function markAllNotificationsRead(userId: string) {
  const updated = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

export async function countUnreadNotifications(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/**
 * What the header shows, in one round trip: the user's unread notices and, for those
 * who review, the reports waiting for review.
 */
export async function getHeaderCounts(userId: string, withReviewQueue: boolean) {
  const [row] = await prisma.$queryRaw<{ unread: number; waiting: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL) AS unread,
      (CASE WHEN ${withReviewQueue} THEN (SELECT count(*)::int FROM "ProgressReport" WHERE "reviewState" = 'SUBMITTED') ELSE 0 END) AS waiting`;
  return { unreadNotifications: row?.unread ?? 0, reviewsWaiting: row?.waiting ?? 0 };
}
