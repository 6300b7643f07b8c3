// What each role finds waiting on the home page: the to-do comes first (UI.md).
import { getCurrentPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { can, type PermissionSubject } from "~/utils/permissions";

const QUEUE_PREVIEW = 5;

/** Reviewers: the reports waiting for review, oldest first. */
async function reviewTodo() {
  const [count, oldest] = await Promise.all([
    prisma.progressReport.count({ where: { reviewState: "SUBMITTED" } }),
    prisma.progressReport.findMany({
      where: { reviewState: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      take: QUEUE_PREVIEW,
      select: {
        id: true,
        submittedAt: true,
        action: { select: { code: true, title: true } },
        organisation: { select: { acronym: true } },
        period: { select: { label: true } },
      },
    }),
  ]);
  return { count, oldest };
}

/** Facilitators: draft plans, proposals not yet consolidated, and the current plan's gaps. */
async function draftingTodo() {
  const current = await getCurrentPlan();
  const [drafts, pendingProposals, covered] = await Promise.all([
    prisma.actionPlan.findMany({
      where: { status: "DRAFT" },
      orderBy: { updatedAt: "desc" },
      select: { id: true, title: true, _count: { select: { actions: true } } },
    }),
    prisma.workshop.findMany({
      where: { workingGroups: { some: { proposals: { some: { status: "PENDING" } } } } },
      select: {
        id: true,
        title: true,
        _count: { select: { workingGroups: true } },
        workingGroups: { select: { _count: { select: { proposals: { where: { status: "PENDING" } } } } } },
      },
    }),
    current
      ? prisma.action.findMany({ where: { planId: current.id }, distinct: ["mainObjectiveNumber"], select: { mainObjectiveNumber: true } })
      : Promise.resolve([]),
  ]);
  const coveredNumbers = new Set(covered.map((row) => row.mainObjectiveNumber));
  return {
    drafts: drafts.map((plan) => ({ id: plan.id, title: plan.title, actionCount: plan._count.actions })),
    workshops: pendingProposals.map((workshop) => ({
      id: workshop.id,
      title: workshop.title,
      pending: workshop.workingGroups.reduce((sum, group) => sum + group._count.proposals, 0),
    })),
    currentPlan: current ? { id: current.id, title: current.title } : null,
    objectivesWithoutAction: Array.from({ length: 23 }, (_, index) => index + 1).filter((number) => !coveredNumbers.has(number)),
  };
}

export async function getHomeTodo(user: PermissionSubject) {
  const [review, drafting] = await Promise.all([
    can(user, "report:review") ? reviewTodo() : null,
    can(user, "plan:edit") ? draftingTodo() : null,
  ]);
  return { review, drafting };
}
