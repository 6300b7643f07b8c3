// Accounts: who may sign in to Pacte, with which role and for which organisation.
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { conflictError, DomainError, invalidFields, notFoundError } from "~/utils/domain-error";
import type { FieldErrors } from "~/utils/forms";
import type { Lang } from "~/utils/i18n";
import { toDbLanguage } from "~/utils/language.server";
import { revokeUserSessions } from "~/utils/session.server";
import { USERS_PAGE_SIZE, type CreateUserInput, type UpdateUserInput, type UserFilters } from "./schema";
import { organisationRefSelect } from "~/modules/organisations/fields";

type Client = Prisma.TransactionClient;

export async function listUsers(filters: UserFilters) {
  const where: Prisma.UserWhereInput = {
    role: filters.role,
    ...(filters.q
      ? {
          OR: [
            { name: { contains: filters.q, mode: "insensitive" } },
            { email: { contains: filters.q, mode: "insensitive" } },
            { organisation: { acronym: { contains: filters.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (filters.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        lastLoginAt: true,
        organisation: { select: organisationRefSelect },
      },
    }),
  ]);
  return { users, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export async function getUser(userId: string) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organisationId: true,
      language: true,
      active: true,
      lastLoginAt: true,
      passwordChangedAt: true,
      createdAt: true,
      version: true,
      organisation: { select: { id: true, acronym: true, name: true, active: true } },
    },
  });
}

async function isActiveOrganisation(client: Client, organisationId: string) {
  const found = await client.organisation.findFirst({ where: { id: organisationId, active: true }, select: { id: true } });
  return found !== null;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates the account and, for a focal point, their assignment to the organisation.
 * Throws DomainError `invalid` (email taken, unknown organisation) with the field errors.
 */
export async function createUser(actorId: string, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  const organisationId = input.organisationId ?? null;
  try {
    return await prisma.$transaction(async (tx) => {
      const errors: FieldErrors = {};
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        errors.email = "validation.emailTaken";
      }
      if (organisationId && !(await isActiveOrganisation(tx, organisationId))) {
        errors.organisationId = "validation.unknownOrganisation";
      }
      if (Object.keys(errors).length) throw invalidFields(errors);

      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          organisationId,
          language: input.language,
          passwordHash,
        },
        select: { id: true },
      });
      if (input.role === "FOCAL_POINT" && organisationId) {
        await tx.focalPointAssignment.create({ data: { organisationId, userId: user.id, assignedById: actorId } });
      }
      await recordAudit(
        {
          actorId,
          entityType: "User",
          entityId: user.id,
          action: "create",
          changes: { name: input.name, email: input.email, role: input.role, organisationId, language: input.language },
        },
        tx,
      );
      return { id: user.id };
    });
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw invalidFields({ email: "validation.emailTaken" });
    throw error;
  }
}

/**
 * Saves the profile if nobody else changed the account since `input.version` was read.
 * Throws DomainError `notFound`, `conflict` (stale) or `invalid` (field errors).
 */
export async function updateUser(actorId: string, userId: string, input: UpdateUserInput): Promise<void> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, role: true, organisationId: true, language: true },
    });
    if (!before) throw notFoundError();

    const after = {
      name: input.name,
      role: input.role,
      organisationId: input.organisationId ?? null,
      language: input.language,
    };
    const errors: FieldErrors = {};
    // An admin demoting themselves could leave nobody able to manage accounts.
    if (actorId === userId && after.role !== before.role) errors.role = "admin.users.cannotChangeOwnRole";
    // Keeping an organisation that was deactivated since is allowed; moving to one is not.
    if (after.organisationId && after.organisationId !== before.organisationId && !(await isActiveOrganisation(tx, after.organisationId))) {
      errors.organisationId = "validation.unknownOrganisation";
    }
    if (Object.keys(errors).length) throw invalidFields(errors);

    const updated = await tx.user.updateMany({
      where: { id: userId, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (updated.count === 0) throw conflictError("stale", "conflict.stale");

    await syncFocalPointAssignment(tx, actorId, userId, before, after);
    const changes = diffFields(before, after);
    if (Object.keys(changes).length) {
      await recordAudit({ actorId, entityType: "User", entityId: userId, action: "update", changes }, tx);
    }
  });
}

type Placement = { role: Role; organisationId: string | null };

/** Ends the assignment a focal point leaves and opens the one they take, keeping the history. */
async function syncFocalPointAssignment(tx: Client, actorId: string, userId: string, before: Placement, after: Placement) {
  const wasFocalPoint = before.role === "FOCAL_POINT" ? before.organisationId : null;
  const isFocalPoint = after.role === "FOCAL_POINT" ? after.organisationId : null;
  if (wasFocalPoint === isFocalPoint) return;
  if (wasFocalPoint) {
    await tx.focalPointAssignment.updateMany({
      where: { userId, organisationId: wasFocalPoint, endedAt: null },
      data: { endedAt: new Date() },
    });
  }
  if (isFocalPoint) {
    await tx.focalPointAssignment.create({ data: { organisationId: isFocalPoint, userId, assignedById: actorId } });
  }
}

/**
 * Deactivating closes every session of the account at once. Throws DomainError `notFound`,
 * or `invalid` ("self") when an admin would deactivate their own account.
 */
export async function setUserActive(actorId: string, userId: string, active: boolean): Promise<void> {
  if (!active && actorId === userId) throw new DomainError("invalid", "self", { messageKey: "admin.users.cannotDeactivateSelf" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!before) throw notFoundError();
    if (before.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active, version: { increment: 1 } }, select: { id: true } });
    await recordAudit(
      {
        actorId,
        entityType: "User",
        entityId: userId,
        action: active ? "reactivate" : "deactivate",
        changes: diffFields(before, { active }),
      },
      tx,
    );
  });
  if (!active) await revokeUserSessions(userId);
}

/**
 * Sets a new password and closes the account's sessions: whoever knew the old one is signed
 * out. Throws DomainError `notFound`.
 */
export async function resetUserPassword(actorId: string, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    if (updated.count === 0) throw notFoundError();
    // Says that it happened, never what the password is.
    await recordAudit({ actorId, entityType: "User", entityId: userId, action: "resetPassword" }, tx);
  });
  await revokeUserSessions(userId);
}

/** The interface language a signed-in user chose for themselves. */
export async function setUserLanguage(userId: string, lang: Lang) {
  await prisma.user.update({ where: { id: userId }, data: { language: toDbLanguage(lang) }, select: { id: true } });
}
