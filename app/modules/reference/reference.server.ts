// Reference data kept editable in the app: national policy frameworks (the PONAM and its
// revisions) with their axes, and the titles of the GCM objectives and guiding principles.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type { AddAxisInput, CreateFrameworkInput, TitleInput, TitleList, UpdateFrameworkInput } from "./schema";

type Tx = Prisma.TransactionClient;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function isForeignKeyViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
}

const axisSelect = {
  id: true,
  number: true,
  titleFr: true,
  titleEn: true,
  confirmed: true,
  _count: { select: { actions: true, alignments: true } },
} as const;

function axisRow({ _count, ...axis }: { id: string; number: number; titleFr: string; titleEn: string; confirmed: boolean; _count: { actions: number; alignments: number } }) {
  return { ...axis, actionCount: _count.actions, alignmentCount: _count.alignments };
}

/** Every framework, the current one first, with its axes and how much each axis is used. */
export async function listFrameworks() {
  const frameworks = await prisma.policyFramework.findMany({
    orderBy: [{ isCurrent: "desc" }, { adoptedYear: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      code: true,
      nameFr: true,
      nameEn: true,
      adoptedYear: true,
      isCurrent: true,
      axes: { orderBy: { number: "asc" }, select: axisSelect },
    },
  });
  return frameworks.map((framework) => ({ ...framework, axes: framework.axes.map(axisRow) }));
}

/** The frameworks whose axes a new version may start from. */
export async function listFrameworkChoices() {
  return prisma.policyFramework.findMany({
    orderBy: [{ isCurrent: "desc" }, { createdAt: "desc" }],
    select: { id: true, code: true, nameFr: true, nameEn: true, isCurrent: true, _count: { select: { axes: true } } },
  });
}

export async function getFramework(frameworkId: string) {
  const framework = await prisma.policyFramework.findUnique({
    where: { id: frameworkId },
    select: {
      id: true,
      code: true,
      nameFr: true,
      nameEn: true,
      adoptedYear: true,
      isCurrent: true,
      updatedAt: true,
      axes: { orderBy: { number: "asc" }, select: axisSelect },
    },
  });
  if (!framework) return null;
  return { ...framework, updatedAt: framework.updatedAt.toISOString(), axes: framework.axes.map(axisRow) };
}

export async function listObjectiveTitles() {
  return prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } });
}

export async function listPrincipleTitles() {
  return prisma.guidingPrinciple.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } });
}

/**
 * Locks the framework's row until the transaction ends. The alignment matrix takes the same
 * lock when it saves, so an axis cannot gain a link between our check and our write.
 */
async function lockFramework(tx: Tx, frameworkId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PolicyFramework" WHERE id = ${frameworkId} FOR UPDATE`;
  return rows.length > 0;
}

/** Marks the framework as changed, so that forms opened before this change get a 409. */
async function touchFramework(tx: Tx, frameworkId: string) {
  await tx.policyFramework.update({ where: { id: frameworkId }, data: { updatedAt: new Date() }, select: { id: true } });
}

// ---------------------------------------------------------------------------
// A new framework version
// ---------------------------------------------------------------------------

const CODE_TAKEN: FieldErrors = { code: "reference.codeTaken" };

export type CreateFrameworkResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** Creates a framework (never the current one: that is a separate, deliberate step), copying another's axes if asked. */
export async function createFramework(actorId: string, input: CreateFrameworkInput): Promise<CreateFrameworkResult> {
  const fields = { code: input.code, nameFr: input.nameFr, nameEn: input.nameEn, adoptedYear: input.adoptedYear ?? null };
  try {
    return await prisma.$transaction(async (tx): Promise<CreateFrameworkResult> => {
      const taken = await tx.policyFramework.findUnique({ where: { code: fields.code }, select: { id: true } });
      if (taken) return { ok: false, errors: CODE_TAKEN };
      const source = input.copyFromId
        ? await tx.policyFramework.findUnique({
            where: { id: input.copyFromId },
            select: { code: true, axes: { orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true, confirmed: true } } },
          })
        : null;
      if (input.copyFromId && !source) return { ok: false, errors: { copyFromId: "validation.invalidChoice" } };
      // Only the axes are copied: alignments and actions stay with the axes they were made for.
      const axes = source?.axes ?? [];
      const framework = await tx.policyFramework.create({
        data: { ...fields, isCurrent: false, axes: { create: axes } },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId,
          entityType: "PolicyFramework",
          entityId: framework.id,
          action: "create",
          changes: { ...fields, copiedFrom: source?.code ?? null, axes: axes.map((axis) => axis.number) },
        },
        tx,
      );
      return { ok: true, id: framework.id };
    });
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: CODE_TAKEN };
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Which framework is current
// ---------------------------------------------------------------------------

export type SetCurrentResult = { ok: true; changed: boolean } | { ok: false; reason: "notFound" | "noAxes" };

/**
 * Makes `frameworkId` the current framework and every other one not current, in one
 * transaction. The alignment matrix and plan coverage then use its axes; actions keep
 * their links to the axes they had.
 */
export async function setCurrentFramework(actorId: string, frameworkId: string): Promise<SetCurrentResult> {
  return prisma.$transaction(async (tx): Promise<SetCurrentResult> => {
    // Serialises concurrent switches: without it, two admins could each leave "their" framework current.
    await tx.$queryRaw`SELECT id FROM "PolicyFramework" ORDER BY id FOR UPDATE`;
    const target = await tx.policyFramework.findUnique({
      where: { id: frameworkId },
      select: { code: true, isCurrent: true, _count: { select: { axes: true } } },
    });
    if (!target) return { ok: false, reason: "notFound" };
    const others = await tx.policyFramework.findMany({ where: { isCurrent: true, id: { not: frameworkId } }, select: { code: true } });
    if (target.isCurrent && others.length === 0) return { ok: true, changed: false };
    // A framework without axes would leave the alignment matrix and the action forms empty.
    if (target._count.axes === 0) return { ok: false, reason: "noAxes" };
    // One statement, and without touching updatedAt: being current is not part of what the
    // edit form changes, so an edit opened before the switch can still be saved.
    await tx.$executeRaw`UPDATE "PolicyFramework" SET "isCurrent" = (id = ${frameworkId}) WHERE "isCurrent" OR id = ${frameworkId}`;
    await recordAudit(
      {
        actorId,
        entityType: "PolicyFramework",
        entityId: frameworkId,
        action: "setCurrent",
        changes: { previous: others.map((framework) => framework.code).join(", ") || null, current: target.code },
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

// ---------------------------------------------------------------------------
// Editing a framework and its axes
// ---------------------------------------------------------------------------

export type UpdateFrameworkResult =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "conflict" };

/**
 * Saves the framework's names, year and axes if nobody changed the framework (or added or
 * removed one of its axes) since the form was loaded with `input.updatedAt`.
 */
export async function updateFramework(actorId: string, frameworkId: string, input: UpdateFrameworkInput): Promise<UpdateFrameworkResult> {
  return prisma.$transaction(async (tx): Promise<UpdateFrameworkResult> => {
    if (!(await lockFramework(tx, frameworkId))) return { ok: false, reason: "notFound" };
    const before = await tx.policyFramework.findUniqueOrThrow({
      where: { id: frameworkId },
      select: {
        nameFr: true,
        nameEn: true,
        adoptedYear: true,
        updatedAt: true,
        axes: { select: { id: true, number: true, titleFr: true, titleEn: true, confirmed: true } },
      },
    });
    if (before.updatedAt.getTime() !== input.updatedAt.getTime()) return { ok: false, reason: "conflict" };
    // The form lists exactly the stored axes (adding or removing one changes updatedAt);
    // anything else is a form from another page or another time.
    const submittedIds = new Set(input.axes.map((axis) => axis.id));
    if (submittedIds.size !== before.axes.length || before.axes.some((axis) => !submittedIds.has(axis.id))) {
      return { ok: false, reason: "conflict" };
    }

    const after = { nameFr: input.nameFr, nameEn: input.nameEn, adoptedYear: input.adoptedYear ?? null };
    const frameworkChanges = diffFields({ nameFr: before.nameFr, nameEn: before.nameEn, adoptedYear: before.adoptedYear }, after);
    const stored = new Map(before.axes.map((axis) => [axis.id, axis]));
    const changed = input.axes.flatMap((axis) => {
      const old = stored.get(axis.id);
      if (!old) return [];
      const { id: _id, ...oldFields } = old;
      const changes = diffFields(oldFields, { number: axis.number, titleFr: axis.titleFr, titleEn: axis.titleEn, confirmed: axis.confirmed });
      return Object.keys(changes).length ? [{ axis, changes }] : [];
    });
    if (!Object.keys(frameworkChanges).length && !changed.length) return { ok: true };

    // updatedAt moves even when only axes changed: the framework and its axes are edited as one form.
    await tx.policyFramework.update({ where: { id: frameworkId }, data: { ...after, updatedAt: new Date() }, select: { id: true } });
    if (Object.keys(frameworkChanges).length) {
      await recordAudit({ actorId, entityType: "PolicyFramework", entityId: frameworkId, action: "update", changes: frameworkChanges }, tx);
    }
    // Renumbering (say, swapping axes 2 and 3) would trip the (framework, number) unique
    // index half-way: park the renumbered axes on free negative numbers first.
    const renumbered = changed.filter(({ changes }) => "number" in changes);
    for (const [index, { axis }] of renumbered.entries()) {
      await tx.policyAxis.update({ where: { id: axis.id }, data: { number: -1 - index }, select: { id: true } });
    }
    for (const { axis, changes } of changed) {
      await tx.policyAxis.update({
        where: { id: axis.id },
        data: { number: axis.number, titleFr: axis.titleFr, titleEn: axis.titleEn, confirmed: axis.confirmed },
        select: { id: true },
      });
      await recordAudit({ actorId, entityType: "PolicyAxis", entityId: axis.id, action: "update", changes: { frameworkId, ...changes } }, tx);
    }
    return { ok: true };
  });
}

export type AddAxisResult = { ok: true; id: string } | { ok: false; reason: "notFound" } | { ok: false; reason: "invalid"; errors: FieldErrors };

const AXIS_NUMBER_TAKEN: FieldErrors = { number: "reference.axisNumberTaken" };

export async function addAxis(actorId: string, frameworkId: string, input: AddAxisInput): Promise<AddAxisResult> {
  try {
    return await prisma.$transaction(async (tx): Promise<AddAxisResult> => {
      if (!(await lockFramework(tx, frameworkId))) return { ok: false, reason: "notFound" };
      const taken = await tx.policyAxis.findUnique({
        where: { frameworkId_number: { frameworkId, number: input.number } },
        select: { id: true },
      });
      if (taken) return { ok: false, reason: "invalid", errors: AXIS_NUMBER_TAKEN };
      const fields = { number: input.number, titleFr: input.titleFr, titleEn: input.titleEn, confirmed: input.confirmed };
      const axis = await tx.policyAxis.create({ data: { frameworkId, ...fields }, select: { id: true } });
      await touchFramework(tx, frameworkId);
      await recordAudit({ actorId, entityType: "PolicyAxis", entityId: axis.id, action: "create", changes: { frameworkId, ...fields } }, tx);
      return { ok: true, id: axis.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", errors: AXIS_NUMBER_TAKEN };
    throw error;
  }
}

export type RemoveAxisResult =
  | { ok: true; number: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "inUse"; number: number; actions: number; alignments: number };

/** Removes an axis that no action and no alignment uses; a used axis is kept and the counts returned. */
export async function removeAxis(actorId: string, frameworkId: string, axisId: string): Promise<RemoveAxisResult> {
  try {
    return await prisma.$transaction(async (tx): Promise<RemoveAxisResult> => {
      if (!(await lockFramework(tx, frameworkId))) return { ok: false, reason: "notFound" };
      const axis = await tx.policyAxis.findFirst({
        where: { id: axisId, frameworkId },
        select: { number: true, titleFr: true, titleEn: true, confirmed: true, _count: { select: { actions: true, alignments: true } } },
      });
      if (!axis) return { ok: false, reason: "notFound" };
      const { _count, ...fields } = axis;
      if (_count.actions > 0 || _count.alignments > 0) {
        return { ok: false, reason: "inUse", number: axis.number, actions: _count.actions, alignments: _count.alignments };
      }
      await tx.policyAxis.delete({ where: { id: axisId }, select: { id: true } });
      await touchFramework(tx, frameworkId);
      await recordAudit({ actorId, entityType: "PolicyAxis", entityId: axisId, action: "delete", changes: { frameworkId, ...fields } }, tx);
      return { ok: true, number: axis.number };
    });
  } catch (error) {
    // An action linked to the axis in between (action links do not take the framework lock):
    // the foreign key refuses the delete; report the axis as used.
    if (isForeignKeyViolation(error)) {
      const axis = await prisma.policyAxis.findUnique({
        where: { id: axisId },
        select: { number: true, _count: { select: { actions: true, alignments: true } } },
      });
      if (axis) return { ok: false, reason: "inUse", number: axis.number, actions: axis._count.actions, alignments: axis._count.alignments };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Titles of the GCM objectives and guiding principles
// ---------------------------------------------------------------------------

export type SaveTitlesResult = { ok: true; changed: number } | { ok: false; errors: FieldErrors };

/**
 * Saves the titles this admin changed (those that differ from what their form showed).
 * There is no version on these rows: if two admins change the same title, the last save
 * wins. Acceptable for 33 short texts edited a few times in the plan's life; titles the
 * admin did not touch are never written, so a save cannot undo someone else's edit of them.
 */
export async function saveTitles(actorId: string, list: TitleList, items: TitleInput[]): Promise<SaveTitlesResult> {
  const numbers = new Set(items.map((item) => item.number));
  if (numbers.size !== items.length) return { ok: false, errors: { form: "validation.invalidForm" } };
  return prisma.$transaction(async (tx): Promise<SaveTitlesResult> => {
    const select = { number: true, titleFr: true, titleEn: true } as const;
    const where = { number: { in: [...numbers] } };
    const stored = list === "objectives" ? await tx.gcmObjective.findMany({ where, select }) : await tx.guidingPrinciple.findMany({ where, select });
    if (stored.length !== numbers.size) return { ok: false, errors: { form: "validation.invalidForm" } };
    const byNumber = new Map(stored.map((row) => [row.number, row]));
    let changed = 0;
    for (const item of items) {
      const current = byNumber.get(item.number);
      if (!current) continue;
      const data: { titleFr?: string; titleEn?: string } = {};
      // Without the loaded value (an older form), compare with what is stored.
      if (item.titleFr !== (item.loadedFr ?? current.titleFr) && item.titleFr !== current.titleFr) data.titleFr = item.titleFr;
      if (item.titleEn !== (item.loadedEn ?? current.titleEn) && item.titleEn !== current.titleEn) data.titleEn = item.titleEn;
      if (!Object.keys(data).length) continue;
      if (list === "objectives") await tx.gcmObjective.update({ where: { number: item.number }, data, select: { number: true } });
      else await tx.guidingPrinciple.update({ where: { number: item.number }, data, select: { number: true } });
      await recordAudit(
        {
          actorId,
          entityType: list === "objectives" ? "GcmObjective" : "GuidingPrinciple",
          entityId: String(item.number),
          action: "update",
          changes: diffFields({ titleFr: current.titleFr, titleEn: current.titleEn }, data),
        },
        tx,
      );
      changed += 1;
    }
    return { ok: true, changed };
  });
}
