// Drafting workshops such as Ségou (15 August 2019): who came, the working groups,
// and the actions each group proposed in the room.
import type { Prisma } from "~/generated/prisma/client";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type { ProposalInput, WorkingGroupInput, WorkshopEditInput, WorkshopInput } from "./schema";

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
  leadOrganisation: { select: { id: true, acronym: true, name: true } },
  action: { select: { id: true, code: true, title: true } },
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
        select: { organisation: { select: { id: true, acronym: true, name: true } } },
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
