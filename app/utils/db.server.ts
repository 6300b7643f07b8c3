import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { singleton } from "./singleton.server";

export type { PrismaClient };

/** A Prisma client on PostgreSQL through the pg driver (no native engine). */
export function createPrismaClient(databaseUrl: string) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000 });
  return new PrismaClient({ adapter });
}

function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it.");
  return url;
}

/** The process's one Prisma client, kept across dev reloads. */
export const prisma = singleton("prisma", () => createPrismaClient(databaseUrl()));
