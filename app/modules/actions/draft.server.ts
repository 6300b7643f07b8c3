// Writes to a plan's actions and indicators happen only while the plan is a draft.
import type { Prisma } from "~/generated/prisma/client";
import { planStateError } from "~/modules/plans/plans.server";
import { isDomainError } from "~/utils/domain-error";

/**
 * Holds the plan's row until the transaction ends, and refuses unless the plan is a draft:
 * an adoption then cannot slip between the route's check and the write (it waits, or is seen).
 */
export async function lockDraftPlan(tx: Prisma.TransactionClient, planId: string) {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "ActionPlan" WHERE id = ${planId} FOR SHARE`;
  if (rows[0]?.status !== "DRAFT") throw planStateError("notDraft");
}

/** For routes: a plan adopted meanwhile gets the same 409 as `requireDraftPlan`. */
export function rethrowPlanNotDraft(error: unknown): never {
  if (isDomainError(error, "notDraft")) {
    throw new Response("Ce plan est adopté : commencez une nouvelle révision pour le modifier.", {
      status: 409,
      statusText: "Plan not in draft",
    });
  }
  throw error;
}
