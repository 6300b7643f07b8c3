// Who reports for an organisation today.
import type { Prisma } from "~/generated/prisma/client";

type Client = Prisma.TransactionClient;

/**
 * The people who report for these organisations today: active focal-point accounts
 * attached to them (the same rule that grants "report:edit"; assignments keep the history).
 */
export async function listCurrentFocalPoints(client: Client, organisationIds: string[]) {
  if (!organisationIds.length) return [];
  return client.user.findMany({
    where: { role: "FOCAL_POINT", active: true, organisationId: { in: organisationIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, organisationId: true },
  });
}
