/**
 * Before each test file: a fresh database copied from the seeded template, so
 * files never see each other's data and never touch the demo database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";

const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
const template = process.env.TEST_DATABASE_TEMPLATE;
if (!serverUrl || !template) throw new Error("Run the tests with `npm test` (the global setup prepares the database).");

const name = `pacte_test_${randomBytes(6).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.SESSION_SECRET ??= "test-session-secret-0123456789";
process.env.NODE_ENV = "test";
// A client cached by an earlier file in this process would point at its database.
delete (globalThis as { __pacteSingletons?: unknown }).__pacteSingletons;

afterAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
