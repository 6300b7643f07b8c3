// The Ségou workshop's core exercise: which PONAM axes serve which GCM objective.
import { createHash } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { cellKey, type AlignmentInput } from "./schema";

export async function getCurrentFramework() {
  return prisma.policyFramework.findFirst({
    where: { isCurrent: true },
    orderBy: { createdAt: "desc" },
    select: { id: true, code: true, nameFr: true, nameEn: true },
  });
}

function fingerprintOf(cells: string[]) {
  return createHash("sha256").update([...cells].sort().join("|")).digest("hex").slice(0, 32);
}

type Reader = Pick<typeof prisma, "objectiveAxisAlignment">;

async function readCells(frameworkId: string, client: Reader = prisma) {
  const rows = await client.objectiveAxisAlignment.findMany({
    where: { axis: { frameworkId } },
    select: { objectiveNumber: true, axisId: true },
  });
  return rows.map((row) => cellKey(row.objectiveNumber, row.axisId));
}

export async function getAlignmentMatrix() {
  const framework = await getCurrentFramework();
  if (!framework) return null;
  const [objectives, axes, cells] = await Promise.all([
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.policyAxis.findMany({
      where: { frameworkId: framework.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true, titleFr: true, titleEn: true, confirmed: true },
    }),
    readCells(framework.id),
  ]);
  return { framework, objectives, axes, cells, fingerprint: fingerprintOf(cells) };
}

export type SaveAlignmentResult =
  | { ok: true; added: number; removed: number }
  | { ok: false; reason: "conflict"; merged: string[]; changedByOthers: string[] }
  | { ok: false; reason: "unknownCell" | "unknownFramework" };

/**
 * When someone saved the matrix in between: the editor's own ticks and unticks applied
 * on top of the matrix as it now stands, and the cells the other person changed.
 */
export function mergeAlignment(base: string[], mine: string[], current: string[]) {
  const baseSet = new Set(base);
  const mineSet = new Set(mine);
  const added = mine.filter((cell) => !baseSet.has(cell));
  const removed = new Set(base.filter((cell) => !mineSet.has(cell)));
  const merged = [...new Set([...current, ...added])].filter((cell) => !removed.has(cell));
  const currentSet = new Set(current);
  const changedByOthers = [
    ...current.filter((cell) => !baseSet.has(cell)),
    ...base.filter((cell) => !currentSet.has(cell)),
  ];
  return { merged: merged.sort(), changedByOthers: changedByOthers.sort() };
}

/**
 * Replaces the matrix with the checked cells, in one transaction. Refused when the
 * matrix changed since the editor loaded it (their fingerprint no longer matches).
 */
export async function saveAlignment(actorId: string, input: AlignmentInput): Promise<SaveAlignmentResult> {
  return prisma.$transaction(async (tx) => {
    // Serialises concurrent saves of the same framework's matrix.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PolicyFramework" WHERE id = ${input.frameworkId} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "unknownFramework" };

    const current = await readCells(input.frameworkId, tx);
    if (fingerprintOf(current) !== input.fingerprint) {
      // Without the loaded cells (or if they don't match the fingerprint) the editor's own
      // choices are all we can offer back.
      const base = input.base?.split(",").filter(Boolean) ?? [];
      const trustedBase = fingerprintOf(base) === input.fingerprint ? base : null;
      const { merged, changedByOthers } = trustedBase
        ? mergeAlignment(trustedBase, input.cells, current)
        : { merged: input.cells, changedByOthers: [] };
      return { ok: false, reason: "conflict", merged, changedByOthers };
    }

    const axes = await tx.policyAxis.findMany({ where: { frameworkId: input.frameworkId }, select: { id: true } });
    const axisIds = new Set(axes.map((axis) => axis.id));
    const wanted = new Set(input.cells);
    const parsed = [...wanted].map((cell) => {
      const [objective, axisId] = cell.split(":");
      return { objectiveNumber: Number(objective), axisId: axisId ?? "" };
    });
    if (parsed.some((cell) => !axisIds.has(cell.axisId))) return { ok: false, reason: "unknownCell" };

    const existing = new Set(current);
    const toAdd = parsed.filter((cell) => !existing.has(cellKey(cell.objectiveNumber, cell.axisId)));
    const toRemove = current.filter((cell) => !wanted.has(cell));

    if (toAdd.length) {
      await tx.objectiveAxisAlignment.createMany({
        data: toAdd.map((cell) => ({ ...cell, updatedById: actorId })),
      });
    }
    for (const cell of toRemove) {
      const [objective, axisId] = cell.split(":");
      await tx.objectiveAxisAlignment.delete({
        where: { objectiveNumber_axisId: { objectiveNumber: Number(objective), axisId: axisId ?? "" } },
      });
    }
    if (toAdd.length || toRemove.length) {
      await recordAudit(
        {
          actorId,
          entityType: "AlignmentMatrix",
          entityId: input.frameworkId,
          action: "update",
          changes: { added: toAdd.map((cell) => cellKey(cell.objectiveNumber, cell.axisId)), removed: toRemove },
        },
        tx,
      );
    }
    return { ok: true, added: toAdd.length, removed: toRemove.length };
  });
}
