import { demoUsers, expect, signIn, test } from "./fixtures";

test("the objectives page lists the 23 objectives of the Compact in order", async ({ page }) => {
  await signIn(page, demoUsers.observer);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Objectifs du Pacte" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les 23 objectifs du Pacte mondial");
  const objectiveLinks = page.getByRole("main").getByRole("link", { name: /^Objectif \d+ – / });
  await expect(objectiveLinks).toHaveCount(23);
  await expect(objectiveLinks.first()).toHaveText(/^Objectif 1 – /);
  await expect(objectiveLinks.nth(20)).toHaveText(/^Objectif 21 – /);
  await expect(objectiveLinks.last()).toHaveText(/^Objectif 23 – /);
});

test("a focal point opens Objectif 21 and sees its actions, their own organisation's marked", async ({ page }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  await page.goto("/objectives");
  await page.getByRole("link", { name: /^Objectif 21 – / }).click();

  await expect(page).toHaveURL(/\/objectives\/21$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Objectif 21 – /);
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Code", "Action", "Chef de file", "Statut", "Avancement"]);

  // O21-01 of the demo plan, led by the MMEIA: the focal point's own organisation.
  const row = table.getByRole("row", { name: /O21-01/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("O21-01");
  await expect(row).toContainText("Accompagner la réintégration durable des migrants maliens de retour");
  await expect(row.getByRole("cell").nth(2)).toHaveText("MMEIA");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/En cours/);
  await expect(row.getByRole("cell").nth(4)).toHaveText("45 %");
  await expect(row.getByText("Votre organisation")).toBeVisible();

  await page.getByRole("link", { name: "← Tous les objectifs" }).click();
  await expect(page).toHaveURL(/\/objectives$/);
});

test("only the focal point's own organisation's actions are marked as theirs", async ({ page }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  // Objective 7 gathers actions of three organisations in the demo plan.
  await page.goto("/objectives/7");

  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /O03-01/ }).getByText("Votre organisation")).toBeVisible();
  await expect(table.getByRole("row", { name: /O10-01/ })).toContainText("MJDH");
  await expect(table.getByRole("row", { name: /O10-01/ }).getByText("Votre organisation")).toHaveCount(0);
  await expect(table.getByRole("row", { name: /O12-01/ })).toContainText("MSPC");
  await expect(table.getByRole("row", { name: /O12-01/ }).getByText("Votre organisation")).toHaveCount(0);
});
