import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { recordQuery } from "./query-count.server";

export type { PrismaClient };

const POOL_WAIT_MS = 30_000;

/** A Prisma client on PostgreSQL through the pg driver (no native engine). */
export function createPrismaClient(databaseUrl: string) {
  // A request waits at most 30 s for a free connection, then fails as "unavailable" (503) rather
  // than hanging: long enough for 200 focal points at once on 2 busy cores (npm run load), short
  // of a proxy's usual 60 s. A server that is down refuses at once, so a restart gives fast 503s;
  // broken connections are dropped by pg and replaced on the next request.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000, connectionTimeoutMillis: POOL_WAIT_MS });
  // An interactive transaction waits as long as a query for its connection (Prisma's default of
  // 2 s gave 500s under that load), and may run past Prisma's 5 s when the CPU is saturated.
  // Query events feed countQueries (query-count.server.ts); outside it they cost a function call.
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: POOL_WAIT_MS, timeout: POOL_WAIT_MS },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => recordQuery(event.query));
  return client;
}
