import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

const planSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  startDate: true,
  endDate: true,
  revision: true,
  version: true,
  adoptedAt: true,
} as const;

/** The plan people follow: the latest adopted one, else the latest draft. */
export async function getCurrentPlan() {
  const select = { id: true, title: true, status: true, startDate: true, endDate: true } as const;
  return (
    (await prisma.actionPlan.findFirst({ where: { status: "ADOPTED" }, orderBy: { adoptedAt: "desc" }, select })) ??
    (await prisma.actionPlan.findFirst({ where: { status: "DRAFT" }, orderBy: { createdAt: "desc" }, select }))
  );
}

export async function getPlan(planId: string) {
  return prisma.actionPlan.findUnique({ where: { id: planId }, select: planSelect });
}

/** The plan's period as form schemas want it ("AAAA-MM-JJ"). */
export function planPeriod(plan: { startDate: Date; endDate: Date }) {
  return { startDate: plan.startDate.toISOString().slice(0, 10), endDate: plan.endDate.toISOString().slice(0, 10) };
}

/**
 * The plan, if its content may change now: 404 when it does not exist, 409 when it is
 * adopted or archived (a new draft revision must be started first).
 */
export async function requireDraftPlan(planId: string) {
  const plan = await getPlan(planId);
  if (!plan) notFound();
  if (plan.status !== "DRAFT") {
    throw new Response("Ce plan est adopté : commencez une nouvelle révision pour le modifier.", {
      status: 409,
      statusText: "Plan not in draft",
    });
  }
  return plan;
}
