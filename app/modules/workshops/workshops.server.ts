// Drafting workshops such as Ségou (15 August 2019): who came, the working groups,
// and the actions each group proposed in the room.
import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type {
  ProposalEditInput,
  ProposalInput,
  WorkingGroupEditInput,
  WorkingGroupInput,
  WorkshopEditInput,
  WorkshopInput,
} from "./schema";
import { actionRefSelect } from "~/modules/actions/fields";
import { organisationRefSelect } from "~/modules/organisations/fields";

type Tx = Prisma.TransactionClient;

const day = (value: string) => new Date(`${value}T00:00:00Z`);

export const proposalSelect = {
  id: true,
  title: true,
  status: true,
  objectiveNumber: true,
  notes: true,
  rejectionReason: true,
  createdAt: true,
  decidedAt: true,
  leadOrganisation: { select: organisationRefSelect },
  action: { select: actionRefSelect },
} as const;

const objectiveSelect = { number: true, titleFr: true, titleEn: true } as const;

export async function listWorkshops() {
  const workshops = await prisma.workshop.findMany({
    orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      startDate: true,
      endDate: true,
      place: true,
      plan: { select: { id: true, title: true, status: true } },
      workingGroups: { select: { proposals: { select: { status: true } } } },
    },
  });
  return workshops.map(({ workingGroups, ...workshop }) => {
    const statuses = workingGroups.flatMap((group) => group.proposals.map((proposal) => proposal.status));
    return {
      ...workshop,
      groupCount: workingGroups.length,
      proposalCount: statuses.length,
      pendingCount: statuses.filter((status) => status === "PENDING").length,
    };
  });
}

/** A workshop with its participants, working groups and every proposal (decided or not). */
export async function getWorkshop(workshopId: string) {
  const workshop = await prisma.workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      startDate: true,
      endDate: true,
      place: true,
      organisers: true,
      notes: true,
      plan: { select: { id: true, title: true, status: true } },
      participants: {
        orderBy: { organisation: { acronym: "asc" } },
        select: { organisation: { select: organisationRefSelect } },
      },
      workingGroups: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          moderator: true,
          objectives: { orderBy: { objectiveNumber: "asc" }, select: { objective: { select: objectiveSelect } } },
          proposals: { orderBy: { createdAt: "asc" }, select: proposalSelect },
        },
      },
    },
  });
  if (!workshop) return null;
  return {
    ...workshop,
    participants: workshop.participants.map((participant) => participant.organisation),
    workingGroups: workshop.workingGroups.map((group) => ({
      ...group,
      objectives: group.objectives.map((link) => link.objective),
    })),
  };
}

/** A workshop's name and plan, for pages about one of its parts. */
export async function getWorkshopSummary(workshopId: string) {
  return prisma.workshop.findUnique({
    where: { id: workshopId },
    select: { id: true, title: true, startDate: true, plan: { select: { id: true, title: true, status: true } } },
  });
}

/** What the edit form changes, and when it was last saved (the conflict check). */
const editableSelect = {
  title: true,
  startDate: true,
  endDate: true,
  place: true,
  organisers: true,
  notes: true,
  planId: true,
  updatedAt: true,
  participants: { select: { organisationId: true } },
} as const;

/** The workshop's fields as its edit form wants them. */
export async function getWorkshopForEdit(workshopId: string) {
  const workshop = await prisma.workshop.findUnique({
    where: { id: workshopId },
    select: { id: true, ...editableSelect },
  });
  if (!workshop) return null;
  return {
    id: workshop.id,
    title: workshop.title,
    startDate: workshop.startDate.toISOString().slice(0, 10),
    endDate: workshop.endDate.toISOString().slice(0, 10),
    place: workshop.place,
    organisers: workshop.organisers,
    notes: workshop.notes ?? "",
    planId: workshop.planId ?? "",
    participantIds: workshop.participants.map((participant) => participant.organisationId),
    updatedAt: workshop.updatedAt.toISOString(),
  };
}

/** The active organisations (plus those already ticked) and the plans a workshop can feed. */
export async function listWorkshopChoices(currentParticipantIds: string[] = []) {
  const [organisations, plans] = await Promise.all([
    listOrganisationChoices(...currentParticipantIds),
    prisma.actionPlan.findMany({
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, status: true, revision: true },
    }),
  ]);
  return { organisations, plans };
}

/** The 23 GCM objectives, for checkboxes and selects. */
export async function listObjectiveChoices() {
  return prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: objectiveSelect });
}

/** Whether an organisation exists and may take new work. */
export async function isActiveOrganisation(client: Pick<Tx, "organisation">, organisationId: string) {
  const organisation = await client.organisation.findUnique({ where: { id: organisationId }, select: { active: true } });
  return organisation?.active === true;
}

async function checkWorkshopReferences(tx: Tx, input: WorkshopInput, keptParticipantIds: string[] = []) {
  const errors: FieldErrors = {};
  if (input.planId) {
    const plan = await tx.actionPlan.findUnique({ where: { id: input.planId }, select: { id: true } });
    if (!plan) errors.planId = "validation.invalidChoice";
  }
  const wanted = [...new Set(input.participantIds)];
  if (wanted.length) {
    const found = await tx.organisation.findMany({
      where: { id: { in: wanted }, OR: [{ active: true }, { id: { in: keptParticipantIds } }] },
      select: { id: true },
    });
    if (found.length !== wanted.length) errors.participantIds = "validation.unknownOrganisation";
  }
  return Object.keys(errors).length ? errors : null;
}

function workshopData(input: WorkshopInput) {
  return {
    title: input.title,
    startDate: day(input.startDate),
    endDate: day(input.endDate),
    place: input.place,
    organisers: input.organisers,
    notes: input.notes ?? null,
    planId: input.planId ?? null,
  };
}

export type CreateResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export async function createWorkshop(actorId: string, input: WorkshopInput): Promise<CreateResult> {
  return prisma.$transaction(async (tx): Promise<CreateResult> => {
    const errors = await checkWorkshopReferences(tx, input);
    if (errors) return { ok: false, errors };
    const participantIds = [...new Set(input.participantIds)];
    const data = workshopData(input);
    const workshop = await tx.workshop.create({
      data: { ...data, participants: { create: participantIds.map((organisationId) => ({ organisationId })) } },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId,
        entityType: "Workshop",
        entityId: workshop.id,
        action: "create",
        changes: { ...data, startDate: input.startDate, endDate: input.endDate, participantIds },
      },
      tx,
    );
    return { ok: true, id: workshop.id };
  });
}

export type UpdateResult =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "conflict" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** Refused as a conflict when someone saved the workshop since the editor loaded it. */
export async function updateWorkshop(actorId: string, workshopId: string, input: WorkshopEditInput): Promise<UpdateResult> {
  return prisma.$transaction(async (tx): Promise<UpdateResult> => {
    const before = await tx.workshop.findUnique({ where: { id: workshopId }, select: editableSelect });
    if (!before) return { ok: false, reason: "notFound" };
    if (before.updatedAt.toISOString() !== input.updatedAt) return { ok: false, reason: "conflict" };
    const current = before.participants.map((participant) => participant.organisationId);
    const errors = await checkWorkshopReferences(tx, input, current);
    if (errors) return { ok: false, reason: "invalid", errors };

    const data = workshopData(input);
    const updated = await tx.workshop.updateMany({ where: { id: workshopId, updatedAt: before.updatedAt }, data });
    if (updated.count === 0) return { ok: false, reason: "conflict" };
    const wanted = [...new Set(input.participantIds)];
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (removed.length) await tx.workshopParticipant.deleteMany({ where: { workshopId, organisationId: { in: removed } } });
    if (added.length) await tx.workshopParticipant.createMany({ data: added.map((organisationId) => ({ workshopId, organisationId })) });

    const { participants: _participants, updatedAt: _updatedAt, ...fields } = before;
    const changes = {
      ...diffFields(fields, data),
      ...(added.length || removed.length ? { participants: { added, removed } } : {}),
    };
    await recordAudit({ actorId, entityType: "Workshop", entityId: workshopId, action: "update", changes }, tx);
    return { ok: true };
  });
}

export type GroupResult = { ok: true; id: string } | { ok: false; reason: "notFound" };

export async function createWorkingGroup(actorId: string, workshopId: string, input: WorkingGroupInput): Promise<GroupResult> {
  return prisma.$transaction(async (tx): Promise<GroupResult> => {
    const workshop = await tx.workshop.findUnique({ where: { id: workshopId }, select: { id: true } });
    if (!workshop) return { ok: false, reason: "notFound" };
    const objectiveNumbers = [...new Set(input.objectiveNumbers)].sort((a, b) => a - b);
    const group = await tx.workingGroup.create({
      data: {
        workshopId,
        name: input.name,
        moderator: input.moderator ?? null,
        objectives: { create: objectiveNumbers.map((objectiveNumber) => ({ objectiveNumber })) },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId,
        entityType: "WorkingGroup",
        entityId: group.id,
        action: "create",
        changes: { workshopId, name: input.name, moderator: input.moderator ?? null, objectiveNumbers },
      },
      tx,
    );
    return { ok: true, id: group.id };
  });
}

/** One working group of a workshop, with its objectives and proposals (latest first, as typed in the room). */
export async function getWorkingGroup(workshopId: string, groupId: string) {
  const group = await prisma.workingGroup.findFirst({
    where: { id: groupId, workshopId },
    select: {
      id: true,
      name: true,
      moderator: true,
      workshop: { select: { id: true, title: true, startDate: true } },
      objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } },
      proposals: { orderBy: { createdAt: "desc" }, select: proposalSelect },
    },
  });
  if (!group) return null;
  return { ...group, objectiveNumbers: group.objectives.map((link) => link.objectiveNumber) };
}

export type ProposalResult =
  | { ok: true; id: string }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** Any objective 1-23 is allowed: a group's objectives are where it starts, not a fence. */
export async function createProposal(
  actorId: string,
  workshopId: string,
  groupId: string,
  input: ProposalInput,
): Promise<ProposalResult> {
  return prisma.$transaction(async (tx): Promise<ProposalResult> => {
    const group = await tx.workingGroup.findFirst({ where: { id: groupId, workshopId }, select: { id: true } });
    if (!group) return { ok: false, reason: "notFound" };
    if (input.leadOrganisationId && !(await isActiveOrganisation(tx, input.leadOrganisationId))) {
      return { ok: false, reason: "invalid", errors: { leadOrganisationId: "validation.unknownOrganisation" } };
    }
    const fields = {
      title: input.title,
      objectiveNumber: input.objectiveNumber,
      leadOrganisationId: input.leadOrganisationId ?? null,
      notes: input.notes ?? null,
    };
    const proposal = await tx.actionProposal.create({
      data: { ...fields, workingGroupId: groupId, createdById: actorId },
      select: { id: true },
    });
    await recordAudit(
      { actorId, entityType: "ActionProposal", entityId: proposal.id, action: "create", changes: { ...fields, workingGroupId: groupId } },
      tx,
    );
    return { ok: true, id: proposal.id };
  });
}

// ---------------------------------------------------------------------------
// Corrections: what was typed in the room, fixed afterwards
// ---------------------------------------------------------------------------

/**
 * A short fingerprint of a record's editable fields. Working groups and proposals have no
 * version column: the edit form posts back the fingerprint of what it loaded, and the update
 * compares it with the locked row's, so a form loaded before someone else's save gets a 409.
 */
function fingerprint(fields: Record<string, string | number | null | number[]>) {
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url").slice(0, 32);
}

const groupEditSelect = {
  id: true,
  name: true,
  moderator: true,
  objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } },
  _count: { select: { proposals: true } },
} as const;

function groupFingerprint(group: { name: string; moderator: string | null; objectiveNumbers: number[] }) {
  return fingerprint({ name: group.name, moderator: group.moderator, objectiveNumbers: [...group.objectiveNumbers].sort((a, b) => a - b) });
}

/** A working group as its edit form wants it, with how many proposals it holds (only an empty one can be deleted). */
export async function getWorkingGroupForEdit(workshopId: string, groupId: string) {
  const group = await prisma.workingGroup.findFirst({
    where: { id: groupId, workshopId },
    select: { ...groupEditSelect, workshop: { select: { id: true, title: true } } },
  });
  if (!group) return null;
  const objectiveNumbers = group.objectives.map((link) => link.objectiveNumber);
  return {
    id: group.id,
    name: group.name,
    moderator: group.moderator ?? "",
    objectiveNumbers,
    proposalCount: group._count.proposals,
    workshop: group.workshop,
    loaded: groupFingerprint({ name: group.name, moderator: group.moderator, objectiveNumbers }),
  };
}

/** The group's row, locked until the transaction ends, with its current fields; null if not in this workshop. */
async function lockWorkingGroup(tx: Tx, workshopId: string, groupId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "WorkingGroup" WHERE id = ${groupId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  if (!locked.length) return null;
  const group = await tx.workingGroup.findUniqueOrThrow({ where: { id: groupId }, select: groupEditSelect });
  return { ...group, objectiveNumbers: group.objectives.map((link) => link.objectiveNumber), proposalCount: group._count.proposals };
}

export type CorrectionResult = { ok: true } | { ok: false; reason: "notFound" } | { ok: false; reason: "conflict" };

/** Renames a working group, changes its moderator and replaces the objectives it covers. */
export async function updateWorkingGroup(
  actorId: string,
  workshopId: string,
  groupId: string,
  input: WorkingGroupEditInput,
): Promise<CorrectionResult> {
  return prisma.$transaction(async (tx): Promise<CorrectionResult> => {
    const before = await lockWorkingGroup(tx, workshopId, groupId);
    if (!before) return { ok: false, reason: "notFound" };
    if (groupFingerprint(before) !== input.loaded) return { ok: false, reason: "conflict" };
    const objectiveNumbers = [...new Set(input.objectiveNumbers)].sort((a, b) => a - b);
    const fields = { name: input.name, moderator: input.moderator ?? null };
    await tx.workingGroup.update({ where: { id: groupId }, data: fields, select: { id: true } });
    const added = objectiveNumbers.filter((number) => !before.objectiveNumbers.includes(number));
    const removed = before.objectiveNumbers.filter((number) => !objectiveNumbers.includes(number));
    if (removed.length) await tx.workingGroupObjective.deleteMany({ where: { workingGroupId: groupId, objectiveNumber: { in: removed } } });
    if (added.length) {
      await tx.workingGroupObjective.createMany({ data: added.map((objectiveNumber) => ({ workingGroupId: groupId, objectiveNumber })) });
    }
    const changes = {
      ...diffFields({ name: before.name, moderator: before.moderator }, fields),
      ...(added.length || removed.length ? { objectiveNumbers: { from: before.objectiveNumbers, to: objectiveNumbers } } : {}),
    };
    await recordAudit({ actorId, entityType: "WorkingGroup", entityId: groupId, action: "update", changes }, tx);
    return { ok: true };
  });
}

export type GroupDeleteResult =
  | { ok: true; name: string }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "hasProposals"; count: number };

/**
 * Deletes a working group created by mistake. Only an empty one: proposals are what the room
 * said, and are never deleted. The row lock makes a proposal saved at the same moment wait.
 */
export async function deleteWorkingGroup(actorId: string, workshopId: string, groupId: string): Promise<GroupDeleteResult> {
  return prisma.$transaction(async (tx): Promise<GroupDeleteResult> => {
    const group = await lockWorkingGroup(tx, workshopId, groupId);
    if (!group) return { ok: false, reason: "notFound" };
    if (group.proposalCount > 0) return { ok: false, reason: "hasProposals", count: group.proposalCount };
    await tx.workingGroup.delete({ where: { id: groupId }, select: { id: true } });
    await recordAudit(
      {
        actorId,
        entityType: "WorkingGroup",
        entityId: groupId,
        action: "delete",
        changes: { workshopId, name: group.name, moderator: group.moderator, objectiveNumbers: group.objectiveNumbers },
      },
      tx,
    );
    return { ok: true, name: group.name };
  });
}

const proposalEditSelect = {
  id: true,
  title: true,
  objectiveNumber: true,
  leadOrganisationId: true,
  notes: true,
  status: true,
} as const;

type EditableProposal = { title: string; objectiveNumber: number; leadOrganisationId: string | null; notes: string | null };

function proposalFingerprint(proposal: EditableProposal) {
  return fingerprint({
    title: proposal.title,
    objectiveNumber: proposal.objectiveNumber,
    leadOrganisationId: proposal.leadOrganisationId,
    notes: proposal.notes,
  });
}

/** A proposal of a working group as its edit form wants it; `status` says whether it may still be corrected. */
export async function getProposalForEdit(workshopId: string, groupId: string, proposalId: string) {
  const proposal = await prisma.actionProposal.findFirst({
    where: { id: proposalId, workingGroup: { id: groupId, workshopId } },
    select: {
      ...proposalEditSelect,
      leadOrganisation: { select: organisationRefSelect },
      workingGroup: {
        select: {
          id: true,
          name: true,
          objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } },
          workshop: { select: { id: true, title: true } },
        },
      },
    },
  });
  if (!proposal) return null;
  const { workingGroup, ...fields } = proposal;
  return {
    ...fields,
    loaded: proposalFingerprint(fields),
    group: { id: workingGroup.id, name: workingGroup.name, objectiveNumbers: workingGroup.objectives.map((link) => link.objectiveNumber) },
    workshop: workingGroup.workshop,
  };
}

export type ProposalUpdateResult =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "decided" }
  | { ok: false; reason: "conflict" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/**
 * Corrects a pending proposal. A decided one is left alone: it became (part of) a plan action,
 * or was set aside with a reason given about what it said.
 */
export async function updateProposal(
  actorId: string,
  workshopId: string,
  groupId: string,
  proposalId: string,
  input: ProposalEditInput,
): Promise<ProposalUpdateResult> {
  return prisma.$transaction(async (tx): Promise<ProposalUpdateResult> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "ActionProposal" p JOIN "WorkingGroup" g ON g.id = p."workingGroupId"
      WHERE p.id = ${proposalId} AND g.id = ${groupId} AND g."workshopId" = ${workshopId}
      FOR UPDATE OF p`;
    if (!locked.length) return { ok: false, reason: "notFound" };
    const before = await tx.actionProposal.findUniqueOrThrow({ where: { id: proposalId }, select: proposalEditSelect });
    if (before.status !== "PENDING") return { ok: false, reason: "decided" };
    if (proposalFingerprint(before) !== input.loaded) return { ok: false, reason: "conflict" };
    const fields = {
      title: input.title,
      objectiveNumber: input.objectiveNumber,
      leadOrganisationId: input.leadOrganisationId ?? null,
      notes: input.notes ?? null,
    };
    // The lead already chosen stays possible even if its organisation has since been deactivated.
    if (fields.leadOrganisationId && fields.leadOrganisationId !== before.leadOrganisationId && !(await isActiveOrganisation(tx, fields.leadOrganisationId))) {
      return { ok: false, reason: "invalid", errors: { leadOrganisationId: "validation.unknownOrganisation" } };
    }
    await tx.actionProposal.update({ where: { id: proposalId }, data: fields, select: { id: true } });
    const { id: _id, status: _status, ...editable } = before;
    await recordAudit(
      { actorId, entityType: "ActionProposal", entityId: proposalId, action: "update", changes: diffFields(editable, fields) },
      tx,
    );
    return { ok: true };
  });
}
