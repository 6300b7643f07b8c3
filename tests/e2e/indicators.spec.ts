// Issue 10, indicators: a reviewer goes from the dashboard to the list of indicators off track or
// not reported, filters it by ministry, opens an indicator's page (chart, formula, judgement,
// break-down) and downloads the indicators as CSV. The monitored data (two closed years with
// approved reports) is written straight into the database: building two past periods through
// the forms is what monitoring.spec.ts already covers, and the dates must be in the past here.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { demoUsers, expect, signIn, test } from "./fixtures";

type Seeded = { planId: string; planTitle: string; victims: string; prosecutions: string; label2021: string; label2022: string };

/**
 * A plan 2020-2027 adopted before the demo plan (so it does not become the current plan), one
 * action of the MJDH under objective 10, two indicators from 2020-01-01 to 2024-01-01, and two
 * closed years. Victims assisted (180 → 600, by sex, SDG 16.2.2): 400 approved for 2021 (on
 * track), 480 for 2022, behind the ≈ 494,784 the path expects at the end of 2022: off track.
 * Prosecutions (12 → 40): never reported.
 */
async function seedMonitoredPlan(stamp: number): Promise<Seeded> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const id = (name: string) => `e2e${stamp}${name}`;
  const seeded: Seeded = {
    planId: id("plan"),
    planTitle: `Plan indicateurs e2e ${stamp}`,
    victims: `Victimes de traite assistées e2e ${stamp}`,
    prosecutions: `Poursuites pour traite e2e ${stamp}`,
    label2021: `Année 2021 (${stamp})`,
    label2022: `Année 2022 (${stamp})`,
  };
  try {
    await client.query("BEGIN");
    const lead = await client.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE acronym = 'MJDH'`);
    const leadId = lead.rows[0]?.id;
    if (!leadId) throw new Error("MJDH missing from the demo data");
    await client.query(
      `INSERT INTO "ActionPlan" (id, title, "startDate", "endDate", status, "adoptedAt", "updatedAt") VALUES ($1, $2, '2020-01-01', '2027-12-31', 'ADOPTED', '2019-01-01', now())`,
      [seeded.planId, seeded.planTitle],
    );
    await client.query(
      `INSERT INTO "Action" (id, "planId", code, title, "mainObjectiveNumber", "leadOrganisationId", status, progress, "updatedAt") VALUES ($1, $2, 'O10-01', $3, 10, $4, 'IN_PROGRESS', 50, now())`,
      [id("action"), seeded.planId, `Protéger les victimes de traite e2e ${stamp}`, leadId],
    );
    const indicator = `INSERT INTO "Indicator" (id, "actionId", name, unit, kind, "baselineValue", "baselineDate", "targetValue", "targetDate", disaggregation, position, "updatedAt")
      VALUES ($1, $2, $3, $4, 'NUMBER', $5, '2020-01-01', $6, '2024-01-01', $7, $8, now())`;
    await client.query(indicator, [id("victims"), id("action"), seeded.victims, "personnes", 180, 600, ["SEX"], 0]);
    await client.query(indicator, [id("prosecutions"), id("action"), seeded.prosecutions, "procédures", 12, 40, [], 1]);
    await client.query(`INSERT INTO "IndicatorGlobalLink" ("indicatorId", "globalIndicatorId") VALUES ($1, 'SDG-16.2.2')`, [id("victims")]);
    for (const [year, label, value, women, men] of [
      [2021, seeded.label2021, 400, 250, 150],
      [2022, seeded.label2022, 480, 300, 180],
    ] as const) {
      await client.query(
        `INSERT INTO "ReportingPeriod" (id, "planId", label, "startDate", "endDate", "dueDate", status, "closedAt") VALUES ($1, $2, $3, $4, $5, $6, 'CLOSED', now())`,
        [id(`p${year}`), seeded.planId, label, `${year}-01-01`, `${year}-12-31`, `${year + 1}-01-31`],
      );
      await client.query(
        `INSERT INTO "ProgressReport" (id, "actionId", "periodId", "organisationId", status, progress, narrative, "reviewState", "submittedAt", "reviewedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'IN_PROGRESS', 50, 'Assistance aux victimes à Bamako et Kayes.', 'APPROVED', now(), now(), now())`,
        [id(`r${year}`), id("action"), id(`p${year}`), leadId],
      );
      await client.query(`INSERT INTO "IndicatorValue" (id, "reportId", "indicatorId", value, disaggregation) VALUES ($1, $2, $3, $4, $5)`, [
        id(`v${year}`),
        id(`r${year}`),
        id("victims"),
        value,
        JSON.stringify({ SEX: { F: women, M: men } }),
      ]);
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return seeded;
}

test("a reviewer follows the indicators off track from the dashboard to an indicator's chart, and downloads them", async ({ page }) => {
  const seeded = await seedMonitoredPlan(Date.now());
  await signIn(page, demoUsers.reviewer);

  await page.goto(`/dashboard?plan=${seeded.planId}`);
  await expect(page.getByRole("heading", { level: 3, name: "Par indicateur mondial (ODD, Pacte mondial)" })).toBeVisible();
  await expect(page.getByRole("region", { name: /rattachés à chaque indicateur mondial/ }).getByRole("rowheader", { name: /ODD 16\.2\.2/ })).toBeVisible();
  await page.getByRole("link", { name: "Indicateurs en retard ou non renseignés" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs en retard ou non renseignés" })).toBeVisible();
  const table = page.getByRole("region", { name: "Indicateurs, dernière valeur approuvée, avancement et appréciation" });
  await expect(table.getByRole("row", { name: new RegExp(seeded.victims) })).toContainText("En retard sur la trajectoire");
  await expect(table.getByRole("row", { name: new RegExp(seeded.prosecutions) })).toContainText("Non renseigné");

  // Filtered by ministry through the GET form: the filter lands in the URL.
  await page.getByRole("search", { name: "Filtrer les indicateurs" }).getByLabel("Ministère chef de file").selectOption({ label: "MJDH – Ministère de la Justice et des Droits de l'Homme" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/[?&]lead=/);
  await expect(table.getByRole("row")).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath("indicator-list.png"), fullPage: true });

  // The CSV, with French headers and the approved value of each period.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Indicateurs et valeurs (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-indicateurs\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toContain(`Valeur approuvée – ${seeded.label2021}`);
  expect(csv).toContain(seeded.victims);

  await table.getByRole("link", { name: seeded.victims }).click();
  await expect(page.getByRole("heading", { level: 1, name: seeded.victims })).toBeVisible();
  await expect(page.getByRole("img", { name: `${seeded.victims} : référence, valeurs approuvées et cible` })).toBeVisible();
  await expect(page.getByText("(480 − 180) ÷ (600 − 180) × 100 = 71,4 %")).toBeVisible();
  await expect(page.getByText(/La trajectoire attendait 494,784 personnes au 31 décembre 2022/)).toBeVisible();
  await expect(page.getByText("ODD 16.2.2")).toBeVisible();
  const values = page.getByRole("table", { name: /Référence, valeurs approuvées par période/ });
  await expect(values.getByRole("row", { name: new RegExp(seeded.label2021.replace(/[()]/g, "\\$&")) })).toContainText("En bonne voie");
  await expect(values.getByRole("row", { name: new RegExp(seeded.label2022.replace(/[()]/g, "\\$&")) })).toContainText("En retard sur la trajectoire");
  const bySex = page.getByRole("table", { name: "Valeurs approuvées par période et par catégorie – Sexe" });
  await expect(bySex.getByRole("columnheader", { name: "Femmes" })).toBeVisible();
  await expect(bySex.getByRole("row", { name: new RegExp(seeded.label2022.replace(/[()]/g, "\\$&")) })).toContainText("300");
  await page.screenshot({ path: test.info().outputPath("indicator-page.png"), fullPage: true });
});

test("an observer reads an indicator's page but is not offered the coordination's list", async ({ page }) => {
  const seeded = await seedMonitoredPlan(Date.now());
  await signIn(page, demoUsers.observer);
  await page.goto(`/dashboard?plan=${seeded.planId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Indicateurs", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Indicateurs en retard ou non renseignés" })).toHaveCount(0);
  const response = await page.goto(`/indicators?plan=${seeded.planId}`);
  expect(response?.status()).toBe(403);
});
