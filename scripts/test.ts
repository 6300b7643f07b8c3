/**
 * `npm test`: everything, on a real PostgreSQL and a real Chromium.
 *  1. Vitest: unit and integration tests (each file on its own copy of a seeded database).
 *  2. Playwright: end-to-end tests in Debian's Chromium against the production build,
 *     served on a fresh seeded database.
 * `--only=integration` or `--only=e2e` runs one half. Other arguments pass through: spec files
 * under tests/e2e/ (and Playwright options after them) to Playwright, the rest to Vitest, e.g.
 * `npm run test:e2e -- tests/e2e/sign-in.spec.ts`. Uses DATABASE_URL's server when set,
 * otherwise an embedded PostgreSQL; never the demo database. Chromium is checked first; the app
 * is built once, first: the e2e suite and the integration tests that start the production server use it.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ensureChromium } from "./chromium";
import { createDatabase, dropDatabase, migrate, projectRoot, run, seedDatabase, startDatabaseServer } from "./database";

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const passed = args.filter((arg) => !arg.startsWith("--only="));
const e2eStart = only === "e2e" ? 0 : only === "integration" ? -1 : passed.findIndex((arg) => arg.includes("tests/e2e"));
const vitestArgs = e2eStart === -1 ? passed : passed.slice(0, e2eStart);
const playwrightArgs = e2eStart === -1 ? [] : passed.slice(e2eStart);
// With arguments, only the half they are for runs.
const runIntegration = only !== "e2e" && (passed.length === 0 || vitestArgs.length > 0);
const runE2e = only !== "integration" && (passed.length === 0 || playwrightArgs.length > 0 || only === "e2e");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

async function integration() {
  await run(bin("vitest"), ["run", ...vitestArgs], { env: { PACTE_BUILD_READY: "1" } });
}

async function endToEnd() {
  const server = await startDatabaseServer("test");
  const name = `pacte_e2e_${randomBytes(4).toString("hex")}`;
  try {
    const url = await createDatabase(server, name);
    await migrate(url);
    await seedDatabase(url);
    await run(bin("playwright"), ["test", ...playwrightArgs], { env: { E2E_DATABASE_URL: url } });
  } finally {
    await dropDatabase(server, name).catch(() => {});
    await server.stop();
  }
}

const started = Date.now();
// Before anything else: a missing browser should not surface after minutes of other tests.
if (runE2e) await ensureChromium();
await run(bin("remix"), ["build"], { env: { NODE_ENV: "production" } });
if (runIntegration) await integration();
if (runE2e) await endToEnd();
console.log(`Tous les tests sont passés en ${Math.round((Date.now() - started) / 1000)} s.`);
