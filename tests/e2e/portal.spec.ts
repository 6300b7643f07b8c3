// The public portal, end to end: closed by default (every address a 404), opened by an admin,
// crawled by an anonymous visitor without JavaScript, who must never meet a draft, a pending
// or sent-back report, a review comment, a person's email or a budget marked internal; then
// closed again. Unapproved data is written straight into the test database with markers.
import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import pg from "pg";
import { demoUsers, expect, test } from "./fixtures";

const marker = `MARK${randomBytes(4).toString("hex")}`;
// Approved content must be published: its text carries a token of its own, not the marker.
const published = `PUBLISHED${randomBytes(4).toString("hex")}`;
const id = (name: string) => `e2e${name}${marker}`.toLowerCase();

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Seeded = { planId: string; internalCode: string; approvedNarrative: string; emails: string[] };

/** Unapproved content with markers on the demo plan, and the facts the crawl checks against. */
async function seedUnapprovedContent(): Promise<Seeded> {
  return withDatabase(async (db) => {
    const plan = await db.query<{ id: string }>(`SELECT p.id FROM "ActionPlan" p WHERE EXISTS (SELECT 1 FROM "PlanVersion" v WHERE v."planId" = p.id) ORDER BY p."createdAt" LIMIT 1`);
    const planId = plan.rows[0]?.id;
    if (!planId) throw new Error("the demo data has no adopted plan");
    // An action and a period of the plan with no report yet.
    const free = await db.query<{ actionId: string; periodId: string; organisationId: string }>(
      `SELECT a.id AS "actionId", r.id AS "periodId", a."leadOrganisationId" AS "organisationId"
         FROM "Action" a CROSS JOIN "ReportingPeriod" r
        WHERE a."planId" = $1 AND r."planId" = $1
          AND NOT EXISTS (SELECT 1 FROM "ProgressReport" x WHERE x."actionId" = a.id AND x."periodId" = r.id)
        ORDER BY r."startDate" DESC, a.code LIMIT 4`,
      [planId],
    );
    const states = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] as const;
    const [approvedSlot, ...unapprovedSlots] = free.rows;
    if (!approvedSlot) throw new Error("no free report slot in the demo plan");
    await db.query(
      `INSERT INTO "ProgressReport" (id, "actionId", "periodId", "organisationId", status, progress, narrative, "reviewState", "submittedAt", "reviewedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'IN_PROGRESS', 35, $5, 'APPROVED', now() - interval '2 days', now() - interval '1 day', now())`,
      [id("approved"), approvedSlot.actionId, approvedSlot.periodId, approvedSlot.organisationId, `Rapport approuvé ${published}`],
    );
    for (const [index, slot] of unapprovedSlots.entries()) {
      const state = states[index] ?? "DRAFT";
      const reportId = id(`report${index}`);
      await db.query(
        `INSERT INTO "ProgressReport" (id, "actionId", "periodId", "organisationId", status, progress, narrative, challenges, "nextSteps", "reviewState", "submittedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'COMPLETED', 97, $5, $6, $7, $8::"ReviewState", CASE WHEN $8 = 'DRAFT' THEN NULL ELSE now() END, now())`,
        [reportId, slot.actionId, slot.periodId, slot.organisationId, `${state}-NARRATIVE-${marker}`, `${state}-CHALLENGE-${marker}`, `${state}-NEXT-${marker}`, state],
      );
      await db.query(`INSERT INTO "ReviewComment" (id, "reportId", kind, body) VALUES ($1, $2, 'COMMENT', $3)`, [id(`comment${index}`), reportId, `COMMENT-${marker}`]);
    }
    // A draft edit of the plan (not in its adopted version) and a plan never adopted.
    const someAction = await db.query<{ leadOrganisationId: string }>(`SELECT "leadOrganisationId" FROM "Action" WHERE "planId" = $1 LIMIT 1`, [planId]);
    await db.query(
      `INSERT INTO "Action" (id, "planId", code, title, "mainObjectiveNumber", "leadOrganisationId", "updatedAt") VALUES ($1, $2, $3, $4, 1, $5, now())`,
      [id("action"), planId, `D${marker}`, `DRAFT-ACTION-${marker}`, someAction.rows[0]?.leadOrganisationId],
    );
    await db.query(`INSERT INTO "ActionPlan" (id, title, "startDate", "endDate", "updatedAt") VALUES ($1, $2, '2026-01-01', '2030-12-31', now())`, [
      id("plan"),
      `DRAFT-PLAN-${marker}`,
    ]);
    // The admin will keep this budget internal: the action with the largest estimated budget in
    // the plan as adopted (its latest version, which the portal shows), not in the live draft that
    // other specs may have edited since.
    const internal = await db.query<{ code: string }>(
      `SELECT action->>'code' AS code
         FROM (SELECT snapshot FROM "PlanVersion" WHERE "planId" = $1 ORDER BY number DESC LIMIT 1) v,
              jsonb_array_elements(v.snapshot->'actions') action
        WHERE action->>'estimatedBudget' IS NOT NULL
        ORDER BY (action->>'estimatedBudget')::numeric DESC LIMIT 1`,
      [planId],
    );
    const emails = await db.query<{ email: string }>(`SELECT email FROM "User"`);
    return {
      planId,
      internalCode: internal.rows[0]?.code ?? "",
      approvedNarrative: `Rapport approuvé ${published}`,
      emails: emails.rows.map((row) => row.email),
    };
  });
}

const normalise = (text: string) => text.replace(/\s+/g, " ");

test("the portal is closed by default, opened by an admin, shows only approved public content, and closes again", async ({ page, browser, newSignedInPage }, testInfo) => {
  test.setTimeout(120_000);
  const seeded = await seedUnapprovedContent();
  const known = ["/public", `/public/plans/${seeded.planId}`, `/public/plans/${seeded.planId}/objectives/1`, `/public/plans/${seeded.planId}/indicators`, `/public/plans/${seeded.planId}/review-report`];
  for (const path of [...known, `/public/plans/${seeded.planId}/review-report.docx`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }

  const admin = await newSignedInPage(demoUsers.admin);
  await admin.goto("/admin/portal");
  await expect(admin.getByText("Fermé", { exact: true })).toBeVisible();
  await admin.getByRole("button", { name: "Ouvrir le portail public" }).click();
  await expect(admin.getByRole("status")).toHaveText("Le portail public est ouvert.");
  await admin.getByRole("checkbox", { name: new RegExp(`^${seeded.internalCode} `) }).check();
  await admin.getByRole("button", { name: "Enregistrer les budgets internes" }).click();
  await expect(admin.getByRole("status")).toHaveText("Budgets internes enregistrés.");

  // An anonymous visitor, without JavaScript: every link from the portal home.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const tab = await visitor.newPage();
  const queue = ["/public"];
  const seen = new Set<string>();
  const downloads = new Set<string>();
  let approvedSeen = false;
  let internalChecked = false;
  while (queue.length) {
    const path = queue.shift() ?? "";
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await tab.goto(path);
    expect(response?.status(), path).toBe(200);
    const text = normalise(await tab.locator("body").innerText());
    // The page's HTML too: it carries the loaders' data for the browser.
    const html = await tab.content();
    for (const content of [text, html]) {
      expect(content, path).not.toContain(marker);
      for (const email of seeded.emails) expect(content, `${path} shows ${email}`).not.toContain(email);
    }
    if (text.includes(seeded.approvedNarrative)) approvedSeen = true;
    const internal = tab.locator("article.report-action", { hasText: seeded.internalCode });
    if (path.startsWith(`/public/plans/${seeded.planId}/objectives/`) && (await internal.count()) > 0) {
      await expect(internal.first()).toContainText("Non publié");
      await expect(internal.first()).not.toContainText("FCFA");
      internalChecked = true;
    }
    for (const href of await tab.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
      const target = new URL(href, "http://portal.test");
      if (target.host !== "portal.test" || !target.pathname.startsWith("/public")) continue;
      if (/\.(pdf|docx)$/.test(target.pathname)) downloads.add(`${target.pathname}${target.search}`);
      else queue.push(target.pathname);
    }
  }
  expect(seen.size).toBeGreaterThan(25);
  expect(approvedSeen, "an approved narrative of the demo plan is published").toBe(true);
  expect(internalChecked, "the action with an internal budget was shown without it").toBe(true);
  await tab.goto(`/public/plans/${seeded.planId}/objectives/21`);
  await tab.screenshot({ path: testInfo.outputPath("portal-objective-21.png"), fullPage: true });

  const docx = [...downloads].find((path) => path.includes(".docx"));
  expect(docx).toBeTruthy();
  const response = await tab.request.get(docx ?? "");
  expect(response.status()).toBe(200);
  const xml = strFromU8(unzipSync(new Uint8Array(await response.body()))["word/document.xml"] ?? new Uint8Array());
  expect(xml).toContain("Annexe statistique");
  expect(xml).not.toContain(marker);
  await visitor.close();

  await admin.goto("/admin/portal");
  await admin.getByRole("button", { name: "Fermer le portail public" }).click();
  await expect(admin.getByRole("status")).toContainText("Le portail public est fermé");
  for (const path of [...seen, ...downloads]) expect((await page.request.get(path)).status(), path).toBe(404);
});

test("a reviewer downloads the voluntary review report as PDF and Word from its page", async ({ newSignedInPage }, testInfo) => {
  test.setTimeout(90_000);
  const reviewer = await newSignedInPage(demoUsers.reviewer);
  await reviewer.goto("/dashboard");
  await reviewer.getByRole("link", { name: "Rapport pour l'examen volontaire" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Rapport pour l'examen volontaire national" })).toBeVisible();
  await expect(reviewer.getByRole("heading", { level: 2, name: "4. Progrès par objectif du Pacte" })).toBeVisible();
  await reviewer.getByLabel("Langue du document").selectOption("en");
  await reviewer.getByRole("button", { name: "Afficher le rapport" }).click();
  await expect(reviewer.getByRole("heading", { level: 2, name: "4. Progress by Global Compact objective" })).toBeVisible();
  await reviewer.screenshot({ path: testInfo.outputPath("review-report-en.png") });

  const [pdf] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("link", { name: "Télécharger en PDF" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/-examen-volontaire\.pdf$/);
  const pdfPath = testInfo.outputPath("report.pdf");
  await pdf.saveAs(pdfPath);
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(pdfPath);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((bytes.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(1);

  const [word] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("link", { name: "Télécharger en Word (DOCX)" }).click()]);
  expect(word.suggestedFilename()).toMatch(/-examen-volontaire\.docx$/);
  const wordPath = testInfo.outputPath("report.docx");
  await word.saveAs(wordPath);
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile(wordPath)))["word/document.xml"] ?? new Uint8Array());
  expect(xml).toContain("1. Summary and key figures");
});
