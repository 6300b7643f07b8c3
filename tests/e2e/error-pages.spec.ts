import { demoUsers, expect, signIn, test } from "./fixtures";

test("an observer opening the user administration gets the French access-denied page", async ({ page }) => {
  await signIn(page, demoUsers.observer);
  const response = await page.goto("/admin/users");

  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  await expect(page.getByRole("main")).toContainText(
    "Votre rôle ou votre organisation ne vous permet pas d'accéder à cette page ou de faire cette action.",
  );
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${demoUsers.observer.name}`);
});

test("an objective that does not exist gets the French page-not-found page", async ({ page }) => {
  await signIn(page, demoUsers.observer);
  const response = await page.goto("/objectives/99");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("main")).toContainText("Cette page n'existe pas, ou l'élément demandé a été supprimé.");
  // The header and navigation stay, so the user is not stranded.
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
});

test("an address that matches no page gets the French page-not-found page", async ({ page }) => {
  await signIn(page, demoUsers.observer);
  const response = await page.goto("/cette-page-n-existe-pas");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});
