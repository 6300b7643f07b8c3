import { demoUsers, expect, signIn, test } from "./fixtures";

test("a visitor switches the login page to English, keeps it while browsing, and switches back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: "English" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Email address")).toBeVisible();

  // Remembered in a cookie for visitors who are not signed in.
  await page.goto("/objectives");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fobjectives$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fobjectives$/);
});

test("a signed-in user's English choice follows them across pages and into a new sign-in, until they pick French", async ({
  page,
  newSignedInPage,
}) => {
  // Only the language tests use this account, so a failure here cannot leave other tests in English.
  const user = demoUsers.focalPointMspc;
  await signIn(page, user);
  await page.getByRole("button", { name: "English" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${user.name}`);
  await expect(page.getByRole("banner").getByText("Focal point · MSPC", { exact: true })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: "Compact objectives" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The 23 objectives of the Global Compact");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await nav.getByRole("link", { name: "Alignment matrix" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alignment matrix: Compact objectives × PONAM axes");

  // A fresh browser (no language cookie) shows the login page in French, then the profile's English.
  const elsewhere = await newSignedInPage(user);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "en");
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${user.name}`);
  await expect(elsewhere.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Compact objectives" })).toBeVisible();

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(/\/alignment$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice d'alignement : objectifs du Pacte × axes de la PONAM");
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Objectifs du Pacte" })).toBeVisible();

  await elsewhere.reload();
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "fr");
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${user.name}`);
});
