import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { recordQuery } from "./query-count.server";

export type { PrismaClient };

/** A Prisma client on PostgreSQL through the pg driver (no native engine). */
export function createPrismaClient(databaseUrl: string) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000 });
  // Query events feed countQueries (query-count.server.ts); outside it they cost a function call.
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => recordQuery(event.query));
  return client;
}
