import { expect, test } from "vitest";
import {
  createAction,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  createUser,
} from "../../../tests/factories";
import { decideReport } from "~/modules/reviews/reviews.server";
import { prisma } from "~/utils/db.server";
import {
  countUnreadNotifications,
  emailNotifications,
  getHeaderCounts,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notify,
  notifyNow,
  notifyReportSubmitted,
  renderNotification,
  syncDeadlineNotifications,
} from "./notifications.server";

async function kindsOf(userId: string) {
  const notices = await prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true } });
  return notices.map((notice) => notice.kind);
}

test("notify reaches given users, an organisation's current focal points, or everyone with a role", async () => {
  const organisation = await createOrganisation();
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  const formerFocalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id, active: false });
  const colleague = await createUser({ role: "OBSERVER", organisationId: organisation.id });
  const observer = await createUser({ role: "OBSERVER" });

  const toOrganisation = await notify(prisma, { organisationId: organisation.id, kind: "reportApproved", params: { action: "O01-01", period: "S1 2026" } });
  expect(toOrganisation.ids).toHaveLength(1);
  expect(await kindsOf(focalPoint.id)).toEqual(["reportApproved"]);
  expect(await kindsOf(formerFocalPoint.id)).toEqual([]);
  expect(await kindsOf(colleague.id)).toEqual([]);

  await notify(prisma, { userIds: [observer.id, observer.id, formerFocalPoint.id], kind: "focalPointAssigned", params: { organisation: "MMEIA" } });
  expect(await kindsOf(observer.id)).toEqual(["focalPointAssigned"]);
  expect(await kindsOf(formerFocalPoint.id)).toEqual([]);

  const reviewer = await createUser({ role: "REVIEWER" });
  const activeReviewers = await prisma.user.count({ where: { role: "REVIEWER", active: true } });
  const toReviewers = await notify(prisma, { role: "REVIEWER", kind: "reportSubmitted", params: {}, link: "/reviews/x" });
  expect(toReviewers.ids).toHaveLength(activeReviewers);
  expect(await kindsOf(reviewer.id)).toEqual(["reportSubmitted"]);
});

test("a notice is written in the reader's language from its kind and parameters", async () => {
  const notice = { kind: "reportLate", params: { action: "O21-03", period: "S2 2026", dueDate: "2027-01-31" } };
  expect(renderNotification("fr", notice)).toBe("Le rapport de l'action O21-03 pour « S2 2026 » est en retard : l'échéance était le 31 janvier 2027.");
  expect(renderNotification("en", notice)).toBe('The report of action O21-03 for "S2 2026" is late: it was due on January 31, 2027.');
  expect(renderNotification("fr", { kind: "inconnu", params: {} })).toBe("Nouvelle notification.");

  const reader = await createUser();
  await notify(prisma, { userIds: [reader.id], kind: "reportApproved", params: { action: "O03-01", period: "T1 2026" }, link: "/reports/r1" });
  const list = await listNotifications(reader.id, "en", 1);
  expect(list.notifications).toEqual([
    expect.objectContaining({ text: 'The report of action O03-01 for "T1 2026" was approved.', link: "/reports/r1", readAt: null }),
  ]);
});

test("with `once`, the same notice (kind and link) is not created twice for the same person", async () => {
  const user = await createUser();
  const input = { userIds: [user.id], kind: "reportDueSoon" as const, params: { action: "A" }, link: "/my-actions?period=p#action-a", once: true };
  expect((await notify(prisma, input)).ids).toHaveLength(1);
  expect((await notify(prisma, input)).ids).toHaveLength(0);
  expect((await notify(prisma, { ...input, link: "/my-actions?period=p#action-b" })).ids).toHaveLength(1);
  expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(2);
});

test("unread count, marking one and all as read; nobody marks another person's notices", async () => {
  const user = await createUser();
  const other = await createUser();
  for (const action of ["A", "B", "C"]) {
    await notify(prisma, { userIds: [user.id], kind: "reportApproved", params: { action, period: "S1" } });
  }
  await notify(prisma, { userIds: [other.id], kind: "reportApproved", params: { action: "Z", period: "S1" } });
  expect(await countUnreadNotifications(user.id)).toBe(3);
  expect(await getHeaderCounts(user.id, false)).toEqual({ unreadNotifications: 3, reviewsWaiting: 0 });

  const list = await listNotifications(user.id, "fr", 1);
  expect(list.notifications.map((notice) => notice.text)).toEqual([
    "Le rapport de l'action C pour « S1 » a été approuvé.",
    "Le rapport de l'action B pour « S1 » a été approuvé.",
    "Le rapport de l'action A pour « S1 » a été approuvé.",
  ]);
  const newest = list.notifications[0]?.id ?? "";
  expect(await markNotificationRead(other.id, newest)).toBe(0);
  expect(await markNotificationRead(user.id, newest)).toBe(1);
  expect(await countUnreadNotifications(user.id)).toBe(2);
  expect(await markAllNotificationsRead(user.id)).toBe(2);
  expect(await countUnreadNotifications(user.id)).toBe(0);
  expect(await countUnreadNotifications(other.id)).toBe(1);
});

test("the header counts the reports waiting for review only for those who review", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id);
  await createProgressReport((await createAction(plan.id)).id, period.id, { state: "SUBMITTED" });
  const waiting = await prisma.progressReport.count({ where: { reviewState: "SUBMITTED" } });
  const user = await createUser({ role: "REVIEWER" });
  expect(await getHeaderCounts(user.id, true)).toEqual({ unreadNotifications: 0, reviewsWaiting: waiting });
  expect((await getHeaderCounts(user.id, false)).reviewsWaiting).toBe(0);
});

test("without SMTP_URL, notify works and nothing is e-mailed", async () => {
  expect(process.env.SMTP_URL).toBeUndefined();
  const user = await createUser();
  const { ids } = await notifyNow({ userIds: [user.id], kind: "focalPointAssigned", params: { organisation: "MSPC" }, link: "/" });
  expect(ids).toHaveLength(1);
  expect(await emailNotifications(ids)).toEqual({ sent: 0 });
  expect(await prisma.notification.findMany({ where: { userId: user.id }, select: { emailedAt: true, readAt: true } })).toEqual([
    { emailedAt: null, readAt: null },
  ]);
});

test("deciding on a report tells the organisation's focal points; a submission tells the reviewers", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id, { label: "S2 2026" });
  const organisation = await createOrganisation();
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  const first = await createAction(plan.id, { leadOrganisationId: organisation.id, code: "O02-01" });
  const second = await createAction(plan.id, { leadOrganisationId: organisation.id, code: "O02-02" });
  const approved = await createProgressReport(first.id, period.id, { state: "SUBMITTED" });
  const sentBack = await createProgressReport(second.id, period.id, { state: "SUBMITTED" });
  const reviewer = await createUser({ role: "REVIEWER" });

  await decideReport(reviewer, approved.id, { intent: "approve", version: approved.version });
  await decideReport(reviewer, sentBack.id, { intent: "requestChanges", version: sentBack.version, comment: "Chiffres ?" });
  const notices = await prisma.notification.findMany({
    where: { userId: focalPoint.id },
    orderBy: { createdAt: "asc" },
    select: { kind: true, link: true, params: true },
  });
  expect(notices).toEqual([
    { kind: "reportApproved", link: `/reports/${approved.id}`, params: { action: "O02-01", period: "S2 2026" } },
    { kind: "changesRequested", link: `/reports/${sentBack.id}`, params: { action: "O02-02", period: "S2 2026" } },
  ]);

  await notifyReportSubmitted(prisma, sentBack.id);
  expect(await prisma.notification.findMany({ where: { userId: reviewer.id }, select: { kind: true, link: true, params: true } })).toEqual([
    { kind: "reportSubmitted", link: `/reviews/${sentBack.id}`, params: { action: "O02-02", period: "S2 2026", organisation: organisation.acronym } },
  ]);
});

test("a focal point is told when a period opens, when a report is due within a week and when it is late, once each", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const organisation = await createOrganisation();
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  const period = await createReportingPeriod(plan.id, { label: "S1 2026", startDate: "2026-01-01", endDate: "2026-06-30", dueDate: "2026-07-31" });
  const owed = await createAction(plan.id, { leadOrganisationId: organisation.id, code: "O09-01" });
  const sent = await createAction(plan.id, { leadOrganisationId: organisation.id, code: "O09-02" });
  const cancelled = await createAction(plan.id, { leadOrganisationId: organisation.id, code: "O09-03" });
  await prisma.action.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
  await createProgressReport(sent.id, period.id, { state: "SUBMITTED", submittedAt: new Date("2026-07-20T10:00:00Z") });

  // Two months before the due date: only the opening.
  await syncDeadlineNotifications(focalPoint, new Date("2026-06-01T08:00:00Z"));
  expect(await kindsOf(focalPoint.id)).toEqual(["periodOpened"]);
  // Seven days before: due soon, for the action not yet sent only.
  await syncDeadlineNotifications(focalPoint, new Date("2026-07-24T08:00:00Z"));
  await syncDeadlineNotifications(focalPoint, new Date("2026-07-25T08:00:00Z"));
  expect(await kindsOf(focalPoint.id)).toEqual(["periodOpened", "reportDueSoon"]);
  // On the due date it is not late yet; the day after, it is.
  await syncDeadlineNotifications(focalPoint, new Date("2026-07-31T22:00:00Z"));
  expect(await kindsOf(focalPoint.id)).toEqual(["periodOpened", "reportDueSoon"]);
  await syncDeadlineNotifications(focalPoint, new Date("2026-08-01T08:00:00Z"));
  await syncDeadlineNotifications(focalPoint, new Date("2026-08-02T08:00:00Z"));
  expect(await kindsOf(focalPoint.id)).toEqual(["periodOpened", "reportDueSoon", "reportLate"]);

  const late = await prisma.notification.findFirstOrThrow({ where: { userId: focalPoint.id, kind: "reportLate" }, select: { params: true, link: true } });
  expect(late).toEqual({
    params: { action: "O09-01", period: "S1 2026", dueDate: "2026-07-31" },
    link: `/my-actions?period=${period.id}#action-${owed.id}`,
  });
  const opened = await prisma.notification.findFirstOrThrow({ where: { userId: focalPoint.id, kind: "periodOpened" }, select: { params: true } });
  expect(opened.params).toMatchObject({ count: 2 });

  // Two pages loading at once still make one notice each.
  const colleague = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await Promise.all([1, 2, 3].map(() => syncDeadlineNotifications(colleague, new Date("2026-08-02T08:00:00Z"))));
  expect((await kindsOf(colleague.id)).sort()).toEqual(["periodOpened", "reportLate"]);

  // Other roles and closed periods get nothing.
  const reviewer = await createUser({ role: "REVIEWER", organisationId: organisation.id });
  expect(await syncDeadlineNotifications(reviewer, new Date("2026-08-02T08:00:00Z"))).toEqual({ ids: [] });
  await prisma.reportingPeriod.update({ where: { id: period.id }, data: { status: "CLOSED" } });
  const newcomer = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await syncDeadlineNotifications(newcomer, new Date("2026-08-02T08:00:00Z"));
  expect(await kindsOf(newcomer.id)).toEqual([]);
});
