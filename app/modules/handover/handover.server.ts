// Focal points: who reports for an organisation now, who did before, and the handover
// from one to the next. Reports belong to the organisation, so they stay where they are.
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { emailNotifications, notify } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { conflictError, invalidFields, notFoundError } from "~/utils/domain-error";
import type { FieldErrors } from "~/utils/forms";
import { revokeUserSessions } from "~/utils/session.server";
import { listCurrentFocalPoints } from "./focal-points.server";
import type { HandoverInput } from "./schema";
import { personNameSelect } from "~/modules/users/fields";

/** An organisation's current focal points, the whole assignment history, and who could take over. */
export async function getHandoverOverview(organisationId: string) {
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, acronym: true, name: true, active: true },
  });
  if (!organisation) return null;
  const [current, history, candidates] = await Promise.all([
    listCurrentFocalPoints(prisma, [organisationId]),
    prisma.focalPointAssignment.findMany({
      where: { organisationId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        user: { select: { id: true, name: true, email: true, active: true } },
        assignedBy: { select: personNameSelect },
      },
    }),
    prisma.user.findMany({
      where: { active: true, role: { not: "ADMIN" }, NOT: { role: "FOCAL_POINT", organisationId } },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, role: true, organisation: { select: { acronym: true } } },
    }),
  ]);
  return { organisation, current, history, candidates };
}

/**
 * Hands an organisation's focal-point role from `fromUserId` to `toUserId`: the old
 * assignment ends, a new one starts. The outgoing person keeps their account as an
 * observer (deactivated only when asked); the incoming one becomes the organisation's
 * focal point, leaving any other organisation they reported for. Reports, comments and
 * assignments are neither moved nor deleted. Throws DomainError `notFound`, `invalid`
 * (field errors) or `conflict` (someone handed over first).
 */
export async function handOverFocalPoint(actorId: string, input: HandoverInput): Promise<void> {
  const organisationId = input.organisationId;
  const fromUserId = input.fromUserId ?? null;
  const noticeIds = await prisma.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { acronym: true, active: true } });
    if (!organisation) throw notFoundError();
    const errors: FieldErrors = {};
    if (!organisation.active) errors.organisationId = "validation.unknownOrganisation";

    const incoming = await tx.user.findUnique({
      where: { id: input.toUserId },
      select: { id: true, name: true, role: true, organisationId: true, active: true },
    });
    if (!incoming || !incoming.active || incoming.role === "ADMIN") errors.toUserId = "handover.invalidCandidate";
    else if (incoming.role === "FOCAL_POINT" && incoming.organisationId === organisationId) errors.toUserId = "handover.alreadyFocalPoint";

    const current = await listCurrentFocalPoints(tx, [organisationId]);
    if (fromUserId === null && current.length > 0) errors.fromUserId = "handover.fromRequired";
    if (Object.keys(errors).length || !incoming) throw invalidFields(errors);

    const now = new Date();
    let outgoing: { id: string; name: string } | null = null;
    if (fromUserId) {
      const before = await tx.user.findUnique({ where: { id: fromUserId }, select: { id: true, name: true, role: true, active: true } });
      // Only a current focal point can be replaced: anything else means someone handed over first.
      const after = { role: "OBSERVER" as const, active: input.deactivateFrom ? false : (before?.active ?? true) };
      const demoted = await tx.user.updateMany({
        where: { id: fromUserId, role: "FOCAL_POINT", organisationId, active: true },
        data: { ...after, version: { increment: 1 } },
      });
      if (!before || demoted.count === 0) throw conflictError("conflict", "handover.conflict");
      await tx.focalPointAssignment.updateMany({
        where: { userId: fromUserId, organisationId, endedAt: null },
        data: { endedAt: now },
      });
      await recordAudit(
        { actorId, entityType: "User", entityId: fromUserId, action: "handover", changes: diffFields(before, after) },
        tx,
      );
      outgoing = { id: before.id, name: before.name };
    }

    const incomingAfter = { role: "FOCAL_POINT" as const, organisationId };
    await tx.user.update({
      where: { id: incoming.id },
      data: { ...incomingAfter, version: { increment: 1 } },
      select: { id: true },
    });
    // Someone who reported for another organisation leaves it: one organisation per focal point.
    await tx.focalPointAssignment.updateMany({ where: { userId: incoming.id, endedAt: null }, data: { endedAt: now } });
    await tx.focalPointAssignment.create({
      data: { organisationId, userId: incoming.id, startedAt: now, assignedById: actorId },
    });
    await recordAudit(
      {
        actorId,
        entityType: "User",
        entityId: incoming.id,
        action: "handover",
        changes: diffFields({ role: incoming.role, organisationId: incoming.organisationId }, incomingAfter),
      },
      tx,
    );
    await recordAudit(
      {
        actorId,
        entityType: "Organisation",
        entityId: organisationId,
        action: "handover",
        changes: {
          from: outgoing ? { id: outgoing.id, name: outgoing.name } : null,
          to: { id: incoming.id, name: incoming.name },
          deactivated: Boolean(outgoing && input.deactivateFrom),
        },
      },
      tx,
    );
    const notice = await notify(tx, {
      userIds: [incoming.id],
      kind: "focalPointAssigned",
      params: { organisation: organisation.acronym },
      link: "/",
    });
    return notice.ids;
  });
  if (fromUserId && input.deactivateFrom) await revokeUserSessions(fromUserId);
  await emailNotifications(noticeIds);
}
