// The ministries, agencies and partners that lead or support the plan's actions.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
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

const ACRONYM_TAKEN: FieldErrors = { acronym: "validation.acronymTaken" };

export type CreateOrganisationResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export async function createOrganisation(actorId: string, input: CreateOrganisationInput): Promise<CreateOrganisationResult> {
  const fields = { acronym: input.acronym, name: input.name, kind: input.kind, note: input.note ?? null };
  try {
    return await prisma.$transaction(async (tx): Promise<CreateOrganisationResult> => {
      if (await acronymTaken(tx, fields.acronym)) return { ok: false, errors: ACRONYM_TAKEN };
      const organisation = await tx.organisation.create({ data: fields, select: { id: true } });
      await recordAudit(
        { actorId, entityType: "Organisation", entityId: organisation.id, action: "create", changes: fields },
        tx,
      );
      return { ok: true, id: organisation.id };
    });
  } catch (error) {
    // Two admins creating the same acronym at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: ACRONYM_TAKEN };
    throw error;
  }
}

export type UpdateOrganisationResult =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "conflict" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** Saves the organisation if nobody else changed it since `input.version` was read. */
export async function updateOrganisation(
  actorId: string,
  organisationId: string,
  input: UpdateOrganisationInput,
): Promise<UpdateOrganisationResult> {
  const after = { acronym: input.acronym, name: input.name, kind: input.kind, note: input.note ?? null, active: input.active };
  try {
    return await prisma.$transaction(async (tx): Promise<UpdateOrganisationResult> => {
      const before = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { acronym: true, name: true, kind: true, note: true, active: true },
      });
      if (!before) return { ok: false, reason: "notFound" };
      if (after.acronym !== before.acronym && (await acronymTaken(tx, after.acronym, organisationId))) {
        return { ok: false, reason: "invalid", errors: ACRONYM_TAKEN };
      }
      const updated = await tx.organisation.updateMany({
        where: { id: organisationId, version: input.version },
        data: { ...after, version: { increment: 1 } },
      });
      if (updated.count === 0) return { ok: false, reason: "conflict" };
      const changes = diffFields(before, after);
      if (Object.keys(changes).length) {
        await recordAudit({ actorId, entityType: "Organisation", entityId: organisationId, action: "update", changes }, tx);
      }
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", errors: ACRONYM_TAKEN };
    throw error;
  }
}
