import { createPrismaClient } from "./prisma-client.server";
import { singleton } from "./singleton.server";

function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it.");
  return url;
}

/** The process's one Prisma client, kept across dev reloads. */
export const prisma = singleton("prisma", () => createPrismaClient(databaseUrl()));
