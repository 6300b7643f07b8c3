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
  await expect(page.getByRole("heading", { name: "Actions de votre organisation" })).toBeVisible();

  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
});
