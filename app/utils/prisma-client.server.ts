import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

export type { PrismaClient };

/** A Prisma client on PostgreSQL through the pg driver (no native engine). */
export function createPrismaClient(databaseUrl: string) {
  // A request waits at most 10 s for a connection (all busy, or the server restarting), then
  // fails as "unavailable" (503) rather than hanging; broken connections are replaced on demand.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000 });
  return new PrismaClient({ adapter });
}
