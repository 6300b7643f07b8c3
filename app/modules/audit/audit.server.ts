// The audit trail: who changed what, and when.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { personNameSelect } from "~/modules/users/fields";

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type AuditedValue = string | number | null;

/**
 * What others changed in a versioned record since the editor loaded `version`: the fields of the
 * audited updates made after it. Should the trail be silent (a write from elsewhere), the fields
 * whose stored value differs from what the editor submitted. Each with the value now stored.
 */
export async function fieldsChangedSince<Field extends string>(
  client: AuditClient,
  record: { entityType: string; entityId: string; version: number },
  fields: readonly Field[],
  values: { stored: Record<Field, AuditedValue>; submitted: Record<Field, AuditedValue> },
) {
  const events = await client.auditEvent.findMany({
    where: { entityType: record.entityType, entityId: record.entityId, action: "update" },
    orderBy: { at: "desc" },
    take: 50,
    select: { changes: true },
  });
  const audited = new Set<string>(fields);
  const names = new Set<string>();
  for (const event of events) {
    if (!isRecord(event.changes) || !isRecord(event.changes.version)) continue;
    const from = event.changes.version.from;
    if (typeof from !== "number" || from < record.version) continue;
    for (const key of Object.keys(event.changes)) if (audited.has(key)) names.add(key);
  }
  const changed = names.size
    ? fields.filter((field) => names.has(field))
    : fields.filter((field) => values.stored[field] !== values.submitted[field]);
  return changed.map((field) => ({ field, current: values.stored[field] }));
}

export async function listAuditEvents(entityType: string, entityId: string) {
  return prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { at: "desc" },
    select: { id: true, at: true, action: true, changes: true, actor: { select: personNameSelect } },
    take: 100,
  });
}
