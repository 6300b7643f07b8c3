/**
 * Once per Vitest run: a PostgreSQL server (DATABASE_URL's, or an embedded one),
 * and a template database with the migrations and the seed applied. Each test
 * file then gets its own copy of the template (tests/setup/test-database.ts).
 */
import { randomBytes } from "node:crypto";
import {
  createDatabase,
  dropDatabase,
  migrate,
  seedDatabase,
  startDatabaseServer,
  type DatabaseServer,
} from "../../scripts/database";

let server: DatabaseServer | undefined;
let template: string | undefined;

export async function setup() {
  server = await startDatabaseServer("test");
  template = `pacte_test_template_${randomBytes(4).toString("hex")}`;
  const url = await createDatabase(server, template);
  await migrate(url);
  await seedDatabase(url);
  process.env.TEST_DATABASE_TEMPLATE = template;
  process.env.TEST_DATABASE_SERVER_URL = server.urlFor("postgres");
}

export async function teardown() {
  if (server && template) await dropDatabase(server, template);
  await server?.stop();
}
