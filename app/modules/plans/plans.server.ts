import { prisma } from "~/utils/db.server";

/** The plan people follow: the latest adopted one, else the latest draft. */
export async function getCurrentPlan() {
  const select = { id: true, title: true, status: true, startDate: true, endDate: true } as const;
  return (
    (await prisma.actionPlan.findFirst({ where: { status: "ADOPTED" }, orderBy: { adoptedAt: "desc" }, select })) ??
    (await prisma.actionPlan.findFirst({ where: { status: "DRAFT" }, orderBy: { createdAt: "desc" }, select }))
  );
}
