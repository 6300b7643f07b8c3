/**
 * `npm test`: everything, on a real PostgreSQL and a real Chromium.
 *  1. Vitest: unit and integration tests (each file on its own copy of a seeded database).
 *  2. Playwright: end-to-end tests in Debian's Chromium against the production build,
 *     served on a fresh seeded database.
 * `--only=integration` or `--only=e2e` runs one half; other arguments go to Vitest or
 * Playwright (e.g. `npm run test:e2e -- tests/e2e/accessibility.spec.ts`). Uses DATABASE_URL's
 * server when set, otherwise an embedded PostgreSQL; never the demo database. The app is built
 * once, first: the e2e suite and the integration tests that start the production server use it.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDatabase, dropDatabase, migrate, projectRoot, run, seedDatabase, startDatabaseServer } from "./database";

const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
// Anything else (file names, -g filters) goes to the runner: Vitest, or Playwright with --only=e2e.
const passed = process.argv.slice(2).filter((arg) => !arg.startsWith("--only="));
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

async function integration() {
  await run(bin("vitest"), ["run", ...(only === "integration" ? passed : [])], { env: { PACTE_BUILD_READY: "1" } });
}

async function endToEnd() {
  const server = await startDatabaseServer("test");
  const name = `pacte_e2e_${randomBytes(4).toString("hex")}`;
  try {
    const url = await createDatabase(server, name);
    await migrate(url);
    await seedDatabase(url);
    await run(bin("playwright"), ["test", ...(only === "e2e" ? passed : [])], { env: { E2E_DATABASE_URL: url } });
  } finally {
    await dropDatabase(server, name).catch(() => {});
    await server.stop();
  }
}

const started = Date.now();
await run(bin("remix"), ["build"], { env: { NODE_ENV: "production" } });
if (only !== "e2e") await integration();
if (only !== "integration") await endToEnd();
console.log(`Tous les tests sont passés en ${Math.round((Date.now() - started) / 1000)} s.`);
