// Consolidation: the facilitator turns what the working groups proposed into plan actions.
// Nothing typed in the room is lost: proposals are never deleted, only decided, and a
// decided proposal keeps its link to the action it became.
import { Prisma } from "~/generated/prisma/client";
import { nextActionCode } from "~/modules/actions/code.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireDraftPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { conflictError, DomainError, isDomainError, notFoundError } from "~/utils/domain-error";
import type { FieldErrors } from "~/utils/forms";
import type { AcceptProposalInput, MergeProposalsInput, RejectProposalInput } from "./schema";
import { isActiveOrganisation, proposalSelect } from "./workshops.server";
import { personNameSelect } from "~/modules/users/fields";

type Tx = Prisma.TransactionClient;

/**
 * The workshop's plan, if consolidation may write into it. Throws DomainError `notFound`
 * without the workshop and `conflict` ("noPlan") when the workshop feeds no plan; the plan
 * being adopted or archived is requireDraftPlan's 409.
 */
export async function requireConsolidationPlan(workshopId: string) {
  const workshop = await prisma.workshop.findUnique({ where: { id: workshopId }, select: { planId: true } });
  if (!workshop) throw notFoundError();
  if (!workshop.planId) throw conflictError("noPlan", "workshops.consolidate.noPlan");
  return requireDraftPlan(workshop.planId);
}

/** The 409 for a decision the plan's state refuses (adopted meanwhile, or unlinked). */
export function planNotDraft(): never {
  throw new Response("Le plan de cet atelier n'est plus un brouillon : commencez une nouvelle révision pour y consolider des propositions.", {
    status: 409,
    statusText: "Plan not in draft",
  });
}

/** What the consolidation page shows: pending proposals by working group, decided ones, the plan's actions. */
export async function getConsolidation(workshopId: string) {
  const workshop = await prisma.workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      startDate: true,
      plan: { select: { id: true, title: true, status: true } },
      workingGroups: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } },
          proposals: { orderBy: { createdAt: "asc" }, select: proposalSelect },
        },
      },
    },
  });
  if (!workshop) return null;
  const actions = workshop.plan ? await listPlanActionChoices(workshop.plan.id) : [];
  const groups = workshop.workingGroups.map((group) => ({
    id: group.id,
    name: group.name,
    objectiveNumbers: group.objectives.map((link) => link.objectiveNumber),
    pending: group.proposals.filter((proposal) => proposal.status === "PENDING"),
  }));
  const decided = workshop.workingGroups.flatMap((group) =>
    group.proposals
      .filter((proposal) => proposal.status !== "PENDING")
      .map((proposal) => ({ ...proposal, groupName: group.name })),
  );
  return {
    workshop: { id: workshop.id, title: workshop.title, startDate: workshop.startDate, plan: workshop.plan },
    groups,
    decided,
    pendingCount: groups.reduce((sum, group) => sum + group.pending.length, 0),
    actions,
  };
}

/** The plan's actions, to merge proposals into one of them. */
export async function listPlanActionChoices(planId: string) {
  return prisma.action.findMany({ where: { planId }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } });
}

/** The proposals ticked for a merge, in the order they were ticked on the page; decided or foreign ones are left out. */
export async function getMergeSelection(workshopId: string, proposalIds: string[]) {
  const ids = [...new Set(proposalIds)].slice(0, 100);
  const found = await prisma.actionProposal.findMany({
    where: { id: { in: ids }, workingGroup: { workshopId } },
    select: { ...proposalSelect, workingGroup: { select: personNameSelect } },
  });
  const ordered = ids.flatMap((id) => found.filter((proposal) => proposal.id === id));
  return {
    proposals: ordered
      .filter((proposal) => proposal.status === "PENDING")
      .map(({ workingGroup, ...proposal }) => ({ ...proposal, groupName: workingGroup.name })),
    leftOut: ids.length - ordered.filter((proposal) => proposal.status === "PENDING").length,
  };
}

type MergedProposal = { title: string; notes: string | null; groupName: string };

/** The new action's description: each merged proposal with its working group and notes, so the room's words stay together. */
export function mergedDescription(proposals: MergedProposal[]) {
  return proposals
    .map((proposal) => `${proposal.groupName} – « ${proposal.title} »${proposal.notes ? ` : ${proposal.notes}` : ""}`)
    .join("\n\n");
}

/** Proposals an action came from, for its page: which workshop and group, and how it was decided. */
export async function listProposalsForAction(actionId: string) {
  const proposals = await prisma.actionProposal.findMany({
    where: { actionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      objectiveNumber: true,
      notes: true,
      createdAt: true,
      decidedAt: true,
      decidedBy: { select: personNameSelect },
      leadOrganisation: { select: { acronym: true, name: true } },
      workingGroup: {
        select: {
          id: true,
          name: true,
          workshop: { select: { id: true, title: true, startDate: true, place: true } },
        },
      },
    },
  });
  return proposals.map(({ workingGroup, ...proposal }) => ({
    ...proposal,
    workingGroup: { id: workingGroup.id, name: workingGroup.name },
    workshop: workingGroup.workshop,
  }));
}

// ---------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------

export type DecisionResult =
  | { ok: true; actionId: string | null }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "alreadyDecided" }
  | { ok: false; reason: "planNotDraft" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** A proposal decided by someone else between the check and the write: the transaction is undone. */
function alreadyDecided() {
  return new DomainError("conflict", "alreadyDecided");
}

function isCodeCollision(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Runs a decision in one transaction holding the plan's row lock, so decisions, adoption
 * and action codes in the same plan are taken one at a time. An action created elsewhere
 * at the same moment can still take the suggested code: then the whole decision is retried.
 */
async function inDraftPlan(
  workshopId: string,
  decide: (tx: Tx, planId: string) => Promise<DecisionResult>,
): Promise<DecisionResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx): Promise<DecisionResult> => {
        const workshop = await tx.workshop.findUnique({ where: { id: workshopId }, select: { planId: true } });
        if (!workshop) return { ok: false, reason: "notFound" };
        if (!workshop.planId) return { ok: false, reason: "planNotDraft" };
        const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "ActionPlan" WHERE id = ${workshop.planId} FOR UPDATE`;
        if (locked[0]?.status !== "DRAFT") return { ok: false, reason: "planNotDraft" };
        return decide(tx, workshop.planId);
      });
    } catch (error) {
      if (isDomainError(error, "alreadyDecided")) return { ok: false, reason: "alreadyDecided" };
      if (isCodeCollision(error) && attempt < 3) continue;
      throw error;
    }
  }
}

type Decision =
  | { status: "ACCEPTED" | "MERGED"; actionId: string }
  | { status: "REJECTED"; rejectionReason: string };

const DECISION_VERBS = { ACCEPTED: "accept", MERGED: "merge", REJECTED: "reject" } as const;

async function decide(tx: Tx, actorId: string, proposalIds: string[], decision: Decision) {
  const updated = await tx.actionProposal.updateMany({
    where: { id: { in: proposalIds }, status: "PENDING" },
    data: { ...decision, decidedById: actorId, decidedAt: new Date() },
  });
  if (updated.count !== proposalIds.length) throw alreadyDecided();
  for (const proposalId of proposalIds) {
    await recordAudit(
      {
        actorId,
        entityType: "ActionProposal",
        entityId: proposalId,
        action: DECISION_VERBS[decision.status],
        changes: { status: { from: "PENDING", to: decision.status }, ...("actionId" in decision ? { actionId: decision.actionId } : { rejectionReason: decision.rejectionReason }) },
      },
      tx,
    );
  }
}

type NewAction = {
  title: string;
  description: string | null;
  mainObjectiveNumber: number;
  leadOrganisationId: string;
  proposalIds: string[];
};

/** A plan action at its first stage (MEDIUM priority, no dates yet): the action form completes it. */
async function createActionFrom(tx: Tx, actorId: string, planId: string, fields: NewAction) {
  const { proposalIds, ...data } = fields;
  const code = await nextActionCode(tx, planId, data.mainObjectiveNumber);
  const action = await tx.action.create({ data: { ...data, planId, code, priority: "MEDIUM" }, select: { id: true } });
  await recordAudit(
    {
      actorId,
      entityType: "Action",
      entityId: action.id,
      action: "create",
      changes: { ...data, planId, code, priority: "MEDIUM", fromProposalIds: proposalIds },
    },
    tx,
  );
  return action.id;
}

async function findProposals(tx: Tx, workshopId: string, proposalIds: string[]) {
  return tx.actionProposal.findMany({
    where: { id: { in: proposalIds }, workingGroup: { workshopId } },
    select: { id: true, title: true, notes: true, objectiveNumber: true, status: true, workingGroup: { select: personNameSelect } },
  });
}

const unknownLead: DecisionResult = { ok: false, reason: "invalid", errors: { leadOrganisationId: "validation.unknownOrganisation" } };

/** Accepts a proposal as a new action of the workshop's plan. */
export async function acceptProposal(actorId: string, workshopId: string, input: AcceptProposalInput) {
  return inDraftPlan(workshopId, async (tx, planId) => {
    const [proposal] = await findProposals(tx, workshopId, [input.proposalId]);
    if (!proposal) return { ok: false, reason: "notFound" };
    if (proposal.status !== "PENDING") return { ok: false, reason: "alreadyDecided" };
    if (!(await isActiveOrganisation(tx, input.leadOrganisationId))) return unknownLead;
    const actionId = await createActionFrom(tx, actorId, planId, {
      title: proposal.title,
      description: proposal.notes,
      mainObjectiveNumber: proposal.objectiveNumber,
      leadOrganisationId: input.leadOrganisationId,
      proposalIds: [proposal.id],
    });
    await decide(tx, actorId, [proposal.id], { status: "ACCEPTED", actionId });
    return { ok: true, actionId };
  });
}

/** Sets a proposal aside, with the reason the room will be given. */
export async function rejectProposal(actorId: string, workshopId: string, input: RejectProposalInput) {
  return inDraftPlan(workshopId, async (tx) => {
    const [proposal] = await findProposals(tx, workshopId, [input.proposalId]);
    if (!proposal) return { ok: false, reason: "notFound" };
    if (proposal.status !== "PENDING") return { ok: false, reason: "alreadyDecided" };
    await decide(tx, actorId, [proposal.id], { status: "REJECTED", rejectionReason: input.rejectionReason });
    return { ok: true, actionId: null };
  });
}

/**
 * Merges proposals of one workshop, all pending, into one action: a new one (two
 * proposals at least; its objective is one of theirs) or one already in the plan.
 */
export async function mergeProposals(actorId: string, workshopId: string, input: MergeProposalsInput) {
  return inDraftPlan(workshopId, async (tx, planId) => {
    const ids = [...new Set(input.proposalIds)];
    const found = await findProposals(tx, workshopId, ids);
    if (found.length !== ids.length) return { ok: false, reason: "invalid", errors: { proposalIds: "workshops.merge.unknownProposal" } };
    if (found.some((proposal) => proposal.status !== "PENDING")) return { ok: false, reason: "alreadyDecided" };
    const proposals = ids.flatMap((id) => found.filter((proposal) => proposal.id === id));

    let actionId: string;
    if (input.target === "new") {
      const { title, objectiveNumber, leadOrganisationId } = input;
      if (!title || objectiveNumber === undefined || !leadOrganisationId || ids.length < 2) {
        return { ok: false, reason: "invalid", errors: { form: "validation.invalidForm" } };
      }
      if (!proposals.some((proposal) => proposal.objectiveNumber === objectiveNumber)) {
        return { ok: false, reason: "invalid", errors: { objectiveNumber: "workshops.merge.objectiveNotAmong" } };
      }
      if (!(await isActiveOrganisation(tx, leadOrganisationId))) return unknownLead;
      actionId = await createActionFrom(tx, actorId, planId, {
        title,
        description: mergedDescription(
          proposals.map((proposal) => ({ title: proposal.title, notes: proposal.notes, groupName: proposal.workingGroup.name })),
        ),
        mainObjectiveNumber: objectiveNumber,
        leadOrganisationId,
        proposalIds: ids,
      });
    } else {
      const existing = input.actionId
        ? await tx.action.findFirst({ where: { id: input.actionId, planId }, select: { id: true } })
        : null;
      if (!existing) return { ok: false, reason: "invalid", errors: { actionId: "validation.invalidChoice" } };
      actionId = existing.id;
    }
    await decide(tx, actorId, ids, { status: "MERGED", actionId });
    return { ok: true, actionId };
  });
}
