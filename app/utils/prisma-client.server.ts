import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

export type { PrismaClient };

/** A Prisma client on PostgreSQL through the pg driver (no native engine). */
export function createPrismaClient(databaseUrl: string) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000 });
  return new PrismaClient({ adapter });
}
