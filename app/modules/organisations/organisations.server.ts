// The ministries, agencies and partners that lead or support the plan's actions.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { conflictError, invalidFields, notFoundError } from "~/utils/domain-error";
import type { CreateOrganisationInput, UpdateOrganisationInput } from "./schema";
import { organisationRefSelect } from "./fields";

export async function listOrganisations() {
  const organisations = await prisma.organisation.findMany({
    orderBy: { acronym: "asc" },
    select: { id: true, acronym: true, name: true, kind: true, active: true, _count: { select: { users: true } } },
  });
  return organisations.map(({ _count, ...organisation }) => ({ ...organisation, userCount: _count.users }));
}

export async function getOrganisation(organisationId: string) {
  return prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, acronym: true, name: true, kind: true, note: true, active: true, version: true },
  });
}

/**
 * The organisations a form offers: the active ones, plus those the record already names
 * (an account's organisation, an action's lead and partners), which may have been deactivated since.
 */
export async function listOrganisationChoices(...alreadyChosenIds: (string | null | undefined)[]) {
  const kept = alreadyChosenIds.filter((id): id is string => Boolean(id));
  return prisma.organisation.findMany({
    where: kept.length ? { OR: [{ active: true }, { id: { in: kept } }] } : { active: true },
    orderBy: { acronym: "asc" },
    select: organisationRefSelect,
  });
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function acronymTaken(client: Prisma.TransactionClient, acronym: string, exceptId?: string) {
  const found = await client.organisation.findUnique({ where: { acronym }, select: { id: true } });
  return found !== null && found.id !== exceptId;
}

const acronymTakenError = () => invalidFields({ acronym: "validation.acronymTaken" });

/** Throws DomainError `invalid` when the acronym is taken. */
export async function createOrganisation(actorId: string, input: CreateOrganisationInput): Promise<{ id: string }> {
  const fields = { acronym: input.acronym, name: input.name, kind: input.kind, note: input.note ?? null };
  try {
    return await prisma.$transaction(async (tx) => {
      if (await acronymTaken(tx, fields.acronym)) throw acronymTakenError();
      const organisation = await tx.organisation.create({ data: fields, select: { id: true } });
      await recordAudit(
        { actorId, entityType: "Organisation", entityId: organisation.id, action: "create", changes: fields },
        tx,
      );
      return { id: organisation.id };
    });
  } catch (error) {
    // Two admins creating the same acronym at once: the unique index decides.
    if (isUniqueViolation(error)) throw acronymTakenError();
    throw error;
  }
}

/**
 * Saves the organisation if nobody else changed it since `input.version` was read.
 * Throws DomainError `notFound`, `conflict` (stale) or `invalid` (acronym taken).
 */
export async function updateOrganisation(
  actorId: string,
  organisationId: string,
  input: UpdateOrganisationInput,
): Promise<void> {
  const after = { acronym: input.acronym, name: input.name, kind: input.kind, note: input.note ?? null, active: input.active };
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { acronym: true, name: true, kind: true, note: true, active: true },
      });
      if (!before) throw notFoundError();
      if (after.acronym !== before.acronym && (await acronymTaken(tx, after.acronym, organisationId))) {
        throw acronymTakenError();
      }
      const updated = await tx.organisation.updateMany({
        where: { id: organisationId, version: input.version },
        data: { ...after, version: { increment: 1 } },
      });
      if (updated.count === 0) throw conflictError("stale", "conflict.stale");
      const changes = diffFields(before, after);
      if (Object.keys(changes).length) {
        await recordAudit({ actorId, entityType: "Organisation", entityId: organisationId, action: "update", changes }, tx);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw acronymTakenError();
    throw error;
  }
}
