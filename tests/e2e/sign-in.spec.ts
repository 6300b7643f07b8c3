import { expect, test } from "@playwright/test";

test("an administrator signs in and sees the administration menu", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Adresse e-mail").fill("admin@pacte.ml");
  await page.getByLabel("Mot de passe").fill("pacte-demo-2019");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bonjour");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link", { name: "Utilisateurs" })).toBeVisible();
});
