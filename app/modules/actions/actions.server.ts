import { getCurrentPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";

/** The current plan's actions led by an organisation (a focal point's own actions). */
export async function listOrganisationActions(organisationId: string) {
  const plan = await getCurrentPlan();
  if (!plan) return [];
  return prisma.action.findMany({
    where: { planId: plan.id, leadOrganisationId: organisationId },
    orderBy: { code: "asc" },
    select: { id: true, code: true, title: true, status: true, progress: true, mainObjectiveNumber: true },
  });
}
