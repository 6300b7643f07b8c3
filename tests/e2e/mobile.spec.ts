import type { Page } from "@playwright/test";
import { demoUsers, expect, signIn, test } from "./fixtures";

// A small Android phone, the most common screen among Pacte's users in the regions.
test.use({ viewport: { width: 360, height: 640 } });

async function pageWidth(page: Page) {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
}

test("on a 360 px phone the home page of a focal point does not scroll sideways", async ({ page }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour, ${demoUsers.focalPointMmeia.name}`);
  await expect(page.getByRole("heading", { name: "Vos rapports d'avancement" })).toBeVisible();

  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
});

test("on a 360 px phone a focal point's list of reports to do does not scroll sideways", async ({ page }) => {
  await signIn(page, demoUsers.focalPointMmeia);
  await page.getByRole("link", { name: "Ouvrir Mes actions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
});
