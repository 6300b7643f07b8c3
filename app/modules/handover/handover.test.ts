import { expect, test } from "vitest";
import {
  assignFocalPoint,
  createAction,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  createUser,
  signedInAs,
} from "../../../tests/factories";
import { canTransition } from "~/modules/reporting/report-state";
import { prisma } from "~/utils/db.server";
import { handOverFocalPoint } from "./handover.server";
import { HandoverSchema } from "./schema";

async function organisationWithFocalPoint() {
  const organisation = await createOrganisation();
  const outgoing = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await prisma.focalPointAssignment.create({
    data: { organisationId: organisation.id, userId: outgoing.id, startedAt: new Date("2020-01-06T00:00:00Z") },
  });
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id);
  const action = await createAction(plan.id, { leadOrganisationId: organisation.id });
  const report = await createProgressReport(action.id, period.id, { state: "DRAFT" });
  await prisma.progressReport.update({ where: { id: report.id }, data: { submittedById: outgoing.id } });
  await prisma.reviewComment.create({ data: { reportId: report.id, authorId: outgoing.id, kind: "REPLY", body: "Données transmises." } });
  const admin = await createUser({ role: "ADMIN" });
  return { organisation, outgoing, report, admin };
}

const userOf = (id: string) =>
  prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true, organisationId: true, active: true } });

test("a handover ends one assignment, starts the next and keeps the organisation's history and reports", async () => {
  const { organisation, outgoing, report, admin } = await organisationWithFocalPoint();
  const incoming = await createUser({ role: "OBSERVER" });
  const reportBefore = await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });

  await expect(
    handOverFocalPoint(admin.id, {
      organisationId: organisation.id,
      fromUserId: outgoing.id,
      toUserId: incoming.id,
      deactivateFrom: false,
    }),
  ).resolves.toBeUndefined();

  const history = await prisma.focalPointAssignment.findMany({
    where: { organisationId: organisation.id },
    orderBy: { startedAt: "asc" },
    select: { userId: true, endedAt: true, assignedById: true },
  });
  expect(history).toEqual([
    { userId: outgoing.id, endedAt: expect.any(Date), assignedById: null },
    { userId: incoming.id, endedAt: null, assignedById: admin.id },
  ]);
  // The outgoing person keeps their account, as an observer of the same organisation.
  expect(await userOf(outgoing.id)).toEqual({ role: "OBSERVER", organisationId: organisation.id, active: true });
  expect(await userOf(incoming.id)).toEqual({ role: "FOCAL_POINT", organisationId: organisation.id, active: true });

  // Reports and comments stay with the organisation, untouched.
  expect(await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toEqual(reportBefore);
  expect(await prisma.reviewComment.count({ where: { reportId: report.id, authorId: outgoing.id } })).toBe(1);

  // Write access follows the role: the old focal point loses it, the new one gains it.
  const target = { organisationId: organisation.id, state: "DRAFT" as const };
  expect(canTransition(await userOf(outgoing.id), "save", target)).toBe(false);
  expect(canTransition(await userOf(outgoing.id), "submit", target)).toBe(false);
  expect(canTransition(await userOf(incoming.id), "save", target)).toBe(true);
  expect(canTransition(await userOf(incoming.id), "submit", target)).toBe(true);

  const audit = await prisma.auditEvent.findMany({ where: { actorId: admin.id, action: "handover" }, select: { entityType: true, entityId: true } });
  expect(audit).toEqual(
    expect.arrayContaining([
      { entityType: "Organisation", entityId: organisation.id },
      { entityType: "User", entityId: outgoing.id },
      { entityType: "User", entityId: incoming.id },
    ]),
  );
  expect(await prisma.notification.findMany({ where: { userId: incoming.id }, select: { kind: true, params: true } })).toEqual([
    { kind: "focalPointAssigned", params: { organisation: organisation.acronym } },
  ]);
});

test("ticking the box deactivates the outgoing account and signs it out", async () => {
  const { organisation, admin } = await organisationWithFocalPoint();
  const session = await signedInAs("FOCAL_POINT", { organisationId: organisation.id });
  await assignFocalPoint(session.user.id, organisation.id);
  const incoming = await createUser({ role: "OBSERVER" });
  await expect(
    handOverFocalPoint(admin.id, {
      organisationId: organisation.id,
      fromUserId: session.user.id,
      toUserId: incoming.id,
      deactivateFrom: true,
    }),
  ).resolves.toBeUndefined();
  expect(await userOf(session.user.id)).toEqual({ role: "OBSERVER", organisationId: organisation.id, active: false });
  expect((await prisma.session.findUniqueOrThrow({ where: { id: session.sessionId }, select: { revokedAt: true } })).revokedAt).toBeInstanceOf(Date);
});

test("handing over from someone who is no longer focal point is a conflict and changes nothing", async () => {
  const { organisation, outgoing, admin } = await organisationWithFocalPoint();
  const first = await createUser({ role: "OBSERVER" });
  const second = await createUser({ role: "OBSERVER" });
  const input = { organisationId: organisation.id, fromUserId: outgoing.id, deactivateFrom: false };
  await expect(handOverFocalPoint(admin.id, { ...input, toUserId: first.id })).resolves.toBeUndefined();
  await expect(handOverFocalPoint(admin.id, { ...input, toUserId: second.id })).rejects.toMatchObject({ reason: "conflict" });
  expect(await userOf(second.id)).toEqual({ role: "OBSERVER", organisationId: null, active: true });
  expect(await prisma.focalPointAssignment.count({ where: { organisationId: organisation.id } })).toBe(2);
});

test("an administrator, an inactive account or the current focal point cannot take over; the outgoing one must be named", async () => {
  const { organisation, outgoing, admin } = await organisationWithFocalPoint();
  const input = { organisationId: organisation.id, fromUserId: outgoing.id, deactivateFrom: false };
  const otherAdmin = await createUser({ role: "ADMIN" });
  const inactive = await createUser({ role: "OBSERVER", active: false });
  await expect(handOverFocalPoint(admin.id, { ...input, toUserId: otherAdmin.id })).rejects.toMatchObject({
    reason: "invalid",
    fieldErrors: { toUserId: "handover.invalidCandidate" },
  });
  await expect(handOverFocalPoint(admin.id, { ...input, toUserId: inactive.id })).rejects.toMatchObject({ fieldErrors: { toUserId: "handover.invalidCandidate" } });
  const colleague = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await expect(handOverFocalPoint(admin.id, { ...input, toUserId: colleague.id })).rejects.toMatchObject({ fieldErrors: { toUserId: "handover.alreadyFocalPoint" } });
  const candidate = await createUser({ role: "OBSERVER" });
  await expect(handOverFocalPoint(admin.id, { ...input, fromUserId: undefined, toUserId: candidate.id })).rejects.toMatchObject({
    fieldErrors: { fromUserId: "handover.fromRequired" },
  });
  await expect(handOverFocalPoint(admin.id, { ...input, organisationId: "nope", toUserId: candidate.id })).rejects.toMatchObject({ reason: "notFound" });
  expect(await userOf(outgoing.id)).toMatchObject({ role: "FOCAL_POINT" });

  const same = HandoverSchema.safeParse({ organisationId: organisation.id, fromUserId: outgoing.id, toUserId: outgoing.id });
  expect(same.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["toUserId", "handover.sameUser"]]);
});

test("an organisation without a focal point gets one; a focal point of another organisation leaves it", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const orphan = await createOrganisation();
  const elsewhere = await createOrganisation();
  const mover = await createUser({ role: "FOCAL_POINT", organisationId: elsewhere.id });
  await assignFocalPoint(mover.id, elsewhere.id);
  await expect(handOverFocalPoint(admin.id, { organisationId: orphan.id, toUserId: mover.id, deactivateFrom: false })).resolves.toBeUndefined();
  expect(await userOf(mover.id)).toEqual({ role: "FOCAL_POINT", organisationId: orphan.id, active: true });
  expect(
    await prisma.focalPointAssignment.findMany({ where: { userId: mover.id }, orderBy: { startedAt: "asc" }, select: { organisationId: true, endedAt: true } }),
  ).toEqual([
    { organisationId: elsewhere.id, endedAt: expect.any(Date) },
    { organisationId: orphan.id, endedAt: null },
  ]);
});
