/**
 * `npm run measure-3g`: the focal point's first load of a report form on a slow line.
 *
 * Builds nothing itself (the npm script runs `remix build` first). Starts a throwaway seeded
 * database and the production server, signs in as the MMEIA focal point, opens a report from
 * "Mes actions", then opens it again in a fresh browser context (cache empty) on an emulated
 * line of 400 ms latency and 400 kbit/s both ways (Chromium's network emulation through
 * Playwright's CDP session). Prints the bytes (compressed, as sent) and the times; nothing is
 * asserted here: the byte budget is checked by tests/e2e/budget.spec.ts.
 *
 *   npm run measure-3g [-- --port=3190 --runs=3]
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { createDatabase, dropDatabase, migrate, projectRoot, seedDatabase, startDatabaseServer } from "./database";
import { FIRST_LOAD_BUDGET_BYTES, firstLoadBytes, readyTime, recordTransfers, waitUntilReady } from "./first-load";

const option = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const port = option("port", 3190);
const runs = option("runs", 3);
const verbose = process.argv.includes("--verbose");
const origin = `http://localhost:${port}`;
const LINE = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start.");
}

async function signIn(page: Page) {
  await page.goto(`${origin}/login`);
  await page.getByLabel("Adresse e-mail").fill("pf.mmeia@pacte.ml");
  await page.getByLabel("Mot de passe").fill("pacte-demo-2019");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const server = await startDatabaseServer("test");
const name = `pacte_3g_${randomBytes(4).toString("hex")}`;
const databaseUrl = await createDatabase(server, name);
let app: ReturnType<typeof spawn> | null = null;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
  await migrate(databaseUrl);
  await seedDatabase(databaseUrl);
  app = spawn(process.execPath, [path.join(projectRoot, "server.js")], {
    stdio: "ignore",
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", DATABASE_URL: databaseUrl, SESSION_SECRET: randomBytes(24).toString("hex"), COOKIE_SECURE: "false" },
  });
  await waitForHealth();

  // Online and fast: sign in and start a report, as the focal point did once.
  const setup = await browser.newContext({ locale: "fr-FR", serviceWorkers: "block" });
  const setupPage = await setup.newPage();
  await signIn(setupPage);
  await setupPage.goto(`${origin}/my-actions`);
  await setupPage.getByRole("button", { name: /^Commencer le rapport/ }).or(setupPage.getByRole("link", { name: /^Continuer le rapport/ })).first().click();
  await setupPage.waitForURL(/\/reports\/[a-z0-9]+$/);
  const reportUrl = setupPage.url();
  const cookies = await setup.cookies();
  await setup.close();

  console.log(`Formulaire de rapport / report form: ${new URL(reportUrl).pathname}`);
  console.log(`Ligne émulée / emulated line: ${LINE.latency} ms, ${(LINE.downloadThroughput * 8) / 1000} kbit/s descendant et montant / down and up; cache vide / empty cache\n`);

  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ locale: "fr-FR", serviceWorkers: "allow" });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...LINE });
    const stop = recordTransfers(context);
    const started = Date.now();
    await page.goto(reportUrl, { waitUntil: "commit" });
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).waitFor();
    const formShown = Date.now() - started;
    await waitUntilReady(page);
    const ready = Date.now() - started;
    await page.waitForLoadState("load");
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        firstByte: navigation && "responseStart" in navigation ? Number(navigation.responseStart) : 0,
        firstPaint: paint ? paint.startTime : 0,
        domContentLoaded: navigation && "domContentLoadedEventEnd" in navigation ? Number(navigation.domContentLoadedEventEnd) : 0,
        load: navigation && "loadEventEnd" in navigation ? Number(navigation.loadEventEnd) : 0,
      };
    });
    // The service worker's copies for offline use come after, in the background.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(3000);
    const readyAt = await readyTime(page);
    const transfers = await stop();
    const bytes = firstLoadBytes(transfers, readyAt);
    const headers = transfers.filter((transfer) => !transfer.background && transfer.kind !== "other" && transfer.startedAt <= readyAt).reduce((total, transfer) => total + transfer.headers, 0);
    const encodings = [...new Set(transfers.filter((transfer) => transfer.kind !== "other").map((transfer) => transfer.encoding))].join(", ");
    console.log(`Essai / run ${run}:`);
    console.log(`  octets / bytes (corps compressés / compressed bodies): HTML ${kb(bytes.html)} + JS ${kb(bytes.js)} + CSS ${kb(bytes.css)} = ${kb(bytes.total)} en ${bytes.files} fichiers / files (${encodings}); en-têtes / headers ${kb(headers)}`);
    console.log(`  budget ${kb(FIRST_LOAD_BUDGET_BYTES)}: ${bytes.total <= FIRST_LOAD_BUDGET_BYTES ? "respecté / within" : "DÉPASSÉ / EXCEEDED"}`);
    console.log(
      `  temps / times: premier octet / first byte ${seconds(timing.firstByte)}, premier affichage / first paint ${seconds(timing.firstPaint)}, formulaire affiché / form shown ${seconds(formShown)}, DOMContentLoaded ${seconds(timing.domContentLoaded)}, load ${seconds(timing.load)}, utilisable (React actif) / usable (hydrated) ${seconds(ready)}`,
    );
    if (verbose) {
      for (const transfer of [...transfers].sort((a, b) => b.body - a.body)) {
        console.log(`    ${transfer.background ? "(sw) " : transfer.startedAt > readyAt ? "(later) " : ""}${transfer.kind.padEnd(5)} ${kb(transfer.body).padStart(9)}  ${transfer.encoding.padEnd(4)} ${transfer.path.slice(0, 90)}`);
      }
    }
    console.log(`  ensuite, en arrière-plan (catalogue complet, copies hors ligne du service worker) / then, in the background (whole catalogue, offline copies): ${kb(bytes.later)}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  app?.kill("SIGTERM");
  await dropDatabase(server, name).catch(() => {});
  await server.stop();
}
