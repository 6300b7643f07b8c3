// A PostgreSQL restart under a running production server: requests in the gap get the French
// 503 page with Retry-After (not a 500), and the same server process answers 200 again once
// PostgreSQL is back, without being restarted. The cluster is an embedded one of this test's own.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildApp, signInOverHttp, startAppServer, waitFor, type AppServer } from "../../scripts/app-server";
import { createDatabase, migrate, projectRoot, seedDatabase, startEmbedded, usableDataDir, type DatabaseServer } from "../../scripts/database";

const PG_PORT = 54331;
const APP_PORT = 3221;
const dataDir = path.join(projectRoot, ".data", `restart-test-${process.pid}`);

let database: DatabaseServer | undefined;
let app: AppServer | undefined;
let databaseUrl = "";

const startPostgres = () => startEmbedded({ dataDir, port: PG_PORT });

beforeAll(async () => {
  await buildApp({ reuse: process.env.PACTE_BUILD_READY === "1" });
  database = await startPostgres();
  databaseUrl = await createDatabase(database, "pacte_restart");
  await migrate(databaseUrl);
  await seedDatabase(databaseUrl);
  app = await startAppServer({ port: APP_PORT, databaseUrl });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.stop();
  rmSync(usableDataDir(dataDir), { recursive: true, force: true });
}, 60_000);

test("while PostgreSQL restarts, pages answer a French 503 with Retry-After, then 200 again without restarting the app", async () => {
  if (!app) throw new Error("no server");
  const cookie = await signInOverHttp(app.origin, "pf.mmeia@pacte.ml", "pacte-demo-2019");
  const myActions = () => fetch(`${app?.origin}/my-actions`, { headers: { Cookie: cookie } });
  const before = await myActions();
  expect(before.status, app.output()).toBe(200);

  await database?.stop();
  database = undefined;

  const page = await myActions();
  expect(page.status).toBe(503);
  expect(page.headers.get("Retry-After")).toBe("5");
  const html = await page.text();
  expect(html).toContain("Service momentanément indisponible");
  expect(html).toContain('lang="fr"');
  // A write in the gap is refused the same way, never half done.
  const write = await fetch(`${app.origin}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin },
    body: new URLSearchParams({ email: "pf.mmeia@pacte.ml", password: "pacte-demo-2019" }),
  });
  expect(write.status).toBe(503);
  expect((await fetch(`${app.origin}/healthz`)).status).toBe(503);

  database = await startPostgres();
  await waitFor(async () => (await myActions()).status === 200, 30_000, "the app to reach PostgreSQL again");
  const again = await myActions();
  expect(again.status).toBe(200);
  expect(await again.text()).toContain("Fatoumata Diarra");
  expect(app.output()).not.toMatch(/Error:|Unexpected Server Error/);
}, 120_000);
