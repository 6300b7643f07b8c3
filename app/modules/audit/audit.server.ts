// The audit trail: who changed what, and when.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

type AuditClient = Pick<typeof prisma, "auditEvent">;

export type AuditEntry = {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes?: Prisma.InputJsonValue;
};

/** Records one entry; pass the transaction client so it commits with the change. */
export async function recordAudit(entry: AuditEntry, client: AuditClient = prisma) {
  await client.auditEvent.create({
    data: {
      actorId: entry.actorId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      changes: entry.changes ?? {},
    },
  });
}

type Comparable = string | number | boolean | null | undefined | Date;

/** The fields that differ between two versions of a record, as {field: {from, to}}. */
export function diffFields<T extends Record<string, Comparable>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: Comparable; to: Comparable }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[key] = { from: from instanceof Date ? from.toISOString() : from, to: to instanceof Date ? to.toISOString() : to };
  }
  return changes;
}

export async function listAuditEvents(entityType: string, entityId: string) {
  return prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { at: "desc" },
    select: { id: true, at: true, action: true, changes: true, actor: { select: { name: true } } },
    take: 100,
  });
}
