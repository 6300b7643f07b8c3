import type { Prisma } from "~/generated/prisma/client";

type Reader = Pick<Prisma.TransactionClient, "action">;

/** The next free code under an objective, e.g. "O21-03" after O21-01 and O21-02. */
export async function nextActionCode(client: Reader, planId: string, objectiveNumber: number) {
  const prefix = `O${String(objectiveNumber).padStart(2, "0")}-`;
  const existing = await client.action.findMany({
    where: { planId, code: { startsWith: prefix } },
    select: { code: true },
  });
  const used = new Set(existing.map((row) => row.code));
  for (let sequence = 1; ; sequence += 1) {
    const code = `${prefix}${String(sequence).padStart(2, "0")}`;
    if (!used.has(code)) return code;
  }
}
