import { DEMO_PASSWORD, demoUsers, expect, signIn, test, type DemoUser } from "./fixtures";

const everyoneLinks = ["Accueil", "Objectifs du Pacte", "Matrice d'alignement"];
const adminLinks = ["Utilisateurs", "Organisations"];

const roles: { title: string; user: DemoUser; seesAdministration: boolean }[] = [
  { title: "an administrator", user: demoUsers.admin, seesAdministration: true },
  { title: "a facilitator", user: demoUsers.facilitator, seesAdministration: false },
  { title: "a focal point", user: demoUsers.focalPointMmeia, seesAdministration: false },
  { title: "a reviewer", user: demoUsers.reviewer, seesAdministration: false },
  { title: "an observer", user: demoUsers.observer, seesAdministration: false },
];

for (const { title, user, seesAdministration } of roles) {
  test(`${title} signs in and sees their name, French role and navigation`, async ({ page }) => {
    await signIn(page, user);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${user.name}`);
    const header = page.getByRole("banner");
    await expect(header.getByText(user.name, { exact: true })).toBeVisible();
    await expect(header.getByText(user.roleLine, { exact: true })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    for (const name of everyoneLinks) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    for (const name of adminLinks) {
      await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(seesAdministration ? 1 : 0);
    }
  });
}

test("signing out returns to the login page and the old session no longer opens the app", async ({ page, context }) => {
  await signIn(page, demoUsers.reviewer);
  const cookiesWhileSignedIn = await context.cookies();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toHaveCount(0);

  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);

  // Replaying the cookie of the closed session must not sign anyone back in.
  await context.addCookies(cookiesWhileSignedIn);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("banner")).not.toContainText(demoUsers.reviewer.name);
});

test("a wrong password shows a French error and stays on the login page", async ({ page }) => {
  // A made-up address of its own, so its failed attempts never rate-limit the demo accounts.
  const email = "mot-de-passe-faux@e2e.pacte.ml";
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
});

test("a visitor sent to the login page from a protected page comes back to it after signing in", async ({ page }) => {
  await page.goto("/alignment");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Falignment$/);

  await page.getByLabel("Adresse e-mail").fill(demoUsers.observer.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page).toHaveURL(/\/alignment$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Matrice d'alignement : objectifs du Pacte × axes de la PONAM",
  );
});
