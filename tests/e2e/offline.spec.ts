// The issue "Field conditions": a focal point's report survives a dropped connection. The
// browser really goes offline (context.setOffline), the service worker serves the pages it
// kept, the report waits in IndexedDB, and the database shows what arrived, and how often.
import type { BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { demoUsers, expect, signIn, test } from "./fixtures";

async function query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

type StoredReport = { version: number; reviewState: string; narrative: string | null; progress: number };

async function storedReport(id: string) {
  const [row] = await query<StoredReport>(`SELECT version, "reviewState", narrative, progress FROM "ProgressReport" WHERE id = $1`, [id]);
  if (!row) throw new Error(`No report ${id}`);
  return row;
}

async function countRows(table: "ReportDeviceSave" | "AuditEvent", column: string, id: string, extra = "") {
  const [row] = await query<{ count: string }>(`SELECT count(*) FROM "${table}" WHERE "${column}" = $1 ${extra}`, [id]);
  return Number(row?.count ?? 0);
}

/** From "Mes actions", opens a report the focal point may edit (starting one when needed). */
async function openEditableReport(page: Page) {
  await page.goto("/my-actions");
  await page.getByRole("button", { name: /^Commencer le rapport/ }).or(page.getByRole("link", { name: /^Continuer le rapport/ })).first().click();
  await expect(page).toHaveURL(/\/reports\/[a-z0-9]+$/);
  await expect(page.getByRole("button", { name: "Enregistrer le brouillon" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  await waitUntilKept(page, ["/my-actions", `/reports/${id}`]);
  return id;
}

/** The service worker controls the page and has kept these pages for offline use. */
async function waitUntilKept(page: Page, paths: string[]) {
  await expect
    .poll(() =>
      page.evaluate(async (wanted) => {
        if (!navigator.serviceWorker.controller) return false;
        const cache = await caches.open("pacte-pages-v1");
        const kept = await Promise.all(wanted.map((path) => cache.match(new URL(path, location.origin).href)));
        return kept.every(Boolean);
      }, paths),
    )
    .toBe(true);
}

/** Keys of what the device keeps in IndexedDB (drafts and outbox). */
async function deviceKeys(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open("pacte-offline");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains("entries")) return resolve([]);
          const keys = db.transaction("entries").objectStore("entries").getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Fills the report form: status, progress, narrative, and every indicator's value for the period. */
async function fillReport(page: Page, narrative: string) {
  await page.getByLabel("Statut de mise en œuvre").selectOption({ label: "En cours" });
  await page.getByLabel("Avancement").fill("35");
  await page.getByLabel("Réalisations de la période").fill(narrative);
  const values = page.getByRole("textbox", { name: /^Valeur pour la période/ });
  for (const input of await values.all()) await input.fill("12");
  for (const group of await page.getByRole("group", { name: /^Valeur pour la période/ }).all()) await group.getByRole("radio", { name: "Oui" }).check();
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "Vous êtes hors ligne." })).toBeVisible();
}

test("offline, a submitted report waits on the device, survives a reload, and arrives once when the connection returns", async ({ page, context }) => {
  const narrative = `Campagne d'information menée hors ligne à Kayes ${Date.now()}`;
  await signIn(page, demoUsers.focalPointMmeia);
  const reportId = await openEditableReport(page);
  const before = await storedReport(reportId);

  await goOffline(context, page);
  await fillReport(page, narrative);
  await page.getByRole("button", { name: "Soumettre le rapport" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré sur cet appareil. Le rapport sera soumis dès que la connexion reviendra." })).toBeVisible();
  const pending = page.getByRole("region", { name: "En attente d'envoi sur cet appareil" });
  await expect(pending).toContainText("Soumission");
  await expect(pending).toContainText("En attente de connexion");
  expect(await storedReport(reportId)).toEqual(before);

  // Still offline: the page comes back from the device, with the draft on offer.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rapport d'avancement");
  await expect(page.getByRole("region", { name: "En attente d'envoi sur cet appareil" })).toBeVisible();
  await expect(page.getByText("Un brouillon de ce rapport est enregistré sur cet appareil")).toBeVisible();
  await page.getByRole("button", { name: "Reprendre le brouillon" }).click();
  await expect(page.getByLabel("Réalisations de la période")).toHaveValue(narrative);
  // "Mes actions" opens offline too.
  await page.getByRole("link", { name: "Mes actions" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes actions");
  await expect(page.getByRole("region", { name: "En attente d'envoi sur cet appareil" })).toContainText("Soumission");

  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Envoyé depuis cet appareil" })).toBeVisible();
  await expect(page.getByRole("region", { name: "En attente d'envoi sur cet appareil" })).toHaveCount(0);
  expect(await storedReport(reportId)).toEqual({ version: before.version + 1, reviewState: "SUBMITTED", narrative, progress: 35 });
  expect(await countRows("ReportDeviceSave", "reportId", reportId)).toBe(1);
  expect(await countRows("AuditEvent", "entityId", reportId, `AND action = 'submit'`)).toBe(1);

  // A later visit finds nothing left to send, and the report was not submitted twice.
  await page.goto(`/reports/${reportId}`);
  await expect(page.getByText("Soumis, en relecture").first()).toBeVisible();
  expect(await deviceKeys(page)).toEqual([]);
  expect(await countRows("AuditEvent", "entityId", reportId, `AND action = 'submit'`)).toBe(1);
});

test("when the server copy changed meanwhile, both versions are shown and the focal point chooses", async ({ page, context }) => {
  const mine = `Ma version, saisie hors ligne ${Date.now()}`;
  const theirs = `Version corrigée par un collègue ${Date.now()}`;
  await signIn(page, demoUsers.focalPointMmeia);
  const reportId = await openEditableReport(page);
  const before = await storedReport(reportId);

  await goOffline(context, page);
  await page.getByLabel("Réalisations de la période").fill(mine);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré sur cet appareil. Le brouillon sera envoyé" })).toBeVisible();
  // A colleague saves the report on the server in the meantime.
  await query(`UPDATE "ProgressReport" SET narrative = $2, version = version + 1 WHERE id = $1`, [reportId, theirs]);

  await context.setOffline(false);
  const chooser = page.getByRole("region", { name: "Deux versions de ce rapport" });
  await expect(chooser).toBeVisible();
  const row = chooser.getByRole("row", { name: /Réalisations de la période/ });
  await expect(row).toContainText(mine);
  await expect(row).toContainText(theirs);
  await expect(row).toContainText("Différent");
  // Nothing was overwritten.
  expect(await storedReport(reportId)).toMatchObject({ version: before.version + 1, narrative: theirs });

  await chooser.getByRole("button", { name: "Garder ma version" }).click();
  await expect.poll(() => storedReport(reportId)).toMatchObject({ version: before.version + 2, narrative: mine, reviewState: before.reviewState });
  await expect(page.getByRole("region", { name: "Deux versions de ce rapport" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Réalisations de la période")).toHaveValue(mine);
  await expect(page.getByRole("region", { name: "En attente d'envoi sur cet appareil" })).toHaveCount(0);
  expect(await countRows("ReportDeviceSave", "reportId", reportId)).toBe(1);
});

test("signing out removes the focal point's drafts and pages from the device; the next person sees none of it", async ({ page, context }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  const reportId = await openEditableReport(page);
  await page.getByLabel("Réalisations de la période").fill(`Brouillon sur un ordinateur partagé ${Date.now()}`);
  await expect.poll(() => deviceKeys(page)).toContainEqual(expect.stringMatching(new RegExp(`^draft:.+:${reportId}$`)));

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await deviceKeys(page)).toEqual([]);
  expect(await page.evaluate(() => caches.has("pacte-pages-v1"))).toBe(false);

  // Offline, the first person's pages are gone from this browser.
  await context.setOffline(true);
  await page.goto(`/reports/${reportId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pas de connexion");
  await context.setOffline(false);

  await signIn(page, demoUsers.focalPointMspc);
  await page.goto("/my-actions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes actions");
  await expect(page.getByRole("region", { name: "En attente d'envoi sur cet appareil" })).toHaveCount(0);
  expect(await deviceKeys(page)).toEqual([]);
});
