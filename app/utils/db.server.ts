import { databaseUrl } from "./env.server";
import { createPrismaClient } from "./prisma-client.server";
import { singleton } from "./singleton.server";

/** The process's one Prisma client, kept across dev reloads. */
export const prisma = singleton("prisma", () => createPrismaClient(databaseUrl()));
