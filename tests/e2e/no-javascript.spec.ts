// The pages are rendered on the server and their forms post natively: all of this must work
// on a slow phone before (or without) the JavaScript bundle.
import { DEMO_PASSWORD, demoUsers, expect, matrixCell as cell, signIn, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("without JavaScript, a user signs in and browses the objectives", async ({ page }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${demoUsers.focalPointMmeia.name}`);

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Objectifs du Pacte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les 23 objectifs du Pacte mondial");
  await expect(page.getByRole("main").getByRole("link", { name: /^Objectif \d+ – / })).toHaveCount(23);

  await page.getByRole("link", { name: /^Objectif 21 – / }).click();
  await expect(page.getByRole("row", { name: /O21-01/ })).toContainText("Votre organisation");
});

test("without JavaScript, a wrong password shows the French error", async ({ page }) => {
  const email = "sans-javascript@e2e.pacte.ml";
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
});

test("without JavaScript, a visitor sent from a protected page comes back to it after signing in", async ({ page }) => {
  await page.goto("/objectives/21");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fobjectives%2F21$/);
  await page.getByLabel("Adresse e-mail").fill(demoUsers.observer.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page).toHaveURL(/\/objectives\/21$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Objectif 21 – /);
});

test("without JavaScript, a facilitator saves the alignment matrix", async ({ page }) => {
  const added = cell(6, 8); // not linked in the seed
  const removed = cell(22, 1); // linked in the seed
  await signIn(page, demoUsers.facilitator);
  await page.goto("/alignment");

  await page.getByRole("checkbox", { name: added }).check();
  await page.getByRole("checkbox", { name: removed }).uncheck();
  await page.getByRole("button", { name: "Enregistrer la matrice" }).click();

  await expect(page.getByRole("status")).toHaveText("Matrice enregistrée : 1 lien(s) ajouté(s), 1 retiré(s).");
  await page.goto("/alignment");
  await expect(page.getByRole("checkbox", { name: added })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: removed })).not.toBeChecked();
});

test("without JavaScript, the language switch and sign-out work", async ({ page }) => {
  // The account of the language tests, which they too leave in French.
  const user = demoUsers.focalPointMspc;
  await signIn(page, user);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${user.name}`);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${user.name}`);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
});
