/**
 * `npm run prisma -- <args>`: the Prisma CLI on the app's database, e.g.
 * `npm run prisma -- migrate dev --name add-something` or `npm run prisma -- migrate status`.
 * Starts the embedded PostgreSQL when DATABASE_URL is not set.
 */
import path from "node:path";
import { createDatabase, projectRoot, run, startDatabaseServer } from "./database";

const server = await startDatabaseServer("app");
const databaseUrl = process.env.DATABASE_URL ?? (await createDatabase(server, "pacte"));
try {
  await run(process.execPath, [path.join(projectRoot, "node_modules", "prisma", "build", "index.js"), ...process.argv.slice(2)], {
    env: { DATABASE_URL: databaseUrl },
  });
} finally {
  await server.stop();
}
