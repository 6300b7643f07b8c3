// The 23 GCM objectives, their PONAM axes and the plan's actions under each.
import { getCurrentFramework } from "~/modules/alignment/alignment.server";
import { getCurrentPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { organisationRefSelect } from "~/modules/organisations/fields";

export async function listObjectives() {
  const [framework, plan] = await Promise.all([getCurrentFramework(), getCurrentPlan()]);
  const objectives = await prisma.gcmObjective.findMany({
    orderBy: { number: "asc" },
    select: {
      number: true,
      titleFr: true,
      titleEn: true,
      alignments: {
        where: { axis: { frameworkId: framework?.id ?? "" } },
        orderBy: { axis: { number: "asc" } },
        select: { axis: { select: { id: true, number: true, titleFr: true, titleEn: true } } },
      },
    },
  });
  const counts = plan
    ? await prisma.action.groupBy({ by: ["mainObjectiveNumber"], where: { planId: plan.id }, _count: { _all: true } })
    : [];
  const countByObjective = new Map(counts.map((row) => [row.mainObjectiveNumber, row._count._all]));
  return {
    plan,
    framework,
    objectives: objectives.map((objective) => ({
      number: objective.number,
      titleFr: objective.titleFr,
      titleEn: objective.titleEn,
      axes: objective.alignments.map((alignment) => alignment.axis),
      actionCount: countByObjective.get(objective.number) ?? 0,
    })),
  };
}

export async function getObjective(number: number) {
  const [framework, plan] = await Promise.all([getCurrentFramework(), getCurrentPlan()]);
  const objective = await prisma.gcmObjective.findUnique({
    where: { number },
    select: {
      number: true,
      titleFr: true,
      titleEn: true,
      alignments: {
        where: { axis: { frameworkId: framework?.id ?? "" } },
        orderBy: { axis: { number: "asc" } },
        select: { note: true, axis: { select: { id: true, number: true, titleFr: true, titleEn: true } } },
      },
    },
  });
  if (!objective) return null;
  const actions = plan
    ? await prisma.action.findMany({
        where: {
          planId: plan.id,
          OR: [{ mainObjectiveNumber: number }, { otherObjectives: { some: { objectiveNumber: number } } }],
        },
        orderBy: { code: "asc" },
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          progress: true,
          mainObjectiveNumber: true,
          leadOrganisation: { select: organisationRefSelect },
        },
      })
    : [];
  return {
    plan,
    objective: {
      number: objective.number,
      titleFr: objective.titleFr,
      titleEn: objective.titleEn,
      axes: objective.alignments.map((alignment) => ({ ...alignment.axis, note: alignment.note })),
    },
    actions,
  };
}

export async function countObjectivesWithoutAction() {
  const plan = await getCurrentPlan();
  if (!plan) return { plan, actionCount: 0, withoutAction: 23 };
  const [actionCount, covered] = await Promise.all([
    prisma.action.count({ where: { planId: plan.id } }),
    prisma.action.findMany({ where: { planId: plan.id }, distinct: ["mainObjectiveNumber"], select: { mainObjectiveNumber: true } }),
  ]);
  const total = await prisma.gcmObjective.count();
  return { plan, actionCount, withoutAction: total - covered.length };
}
