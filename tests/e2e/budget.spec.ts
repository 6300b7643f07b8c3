// The issue "Field conditions", light on 3G: a focal point's first load of a report form, cache
// empty, stays within 120 KB of compressed HTML, JS and CSS until the form works. Bytes only:
// the times on an emulated 3G line are measured (not asserted) by `npm run measure-3g`.
import { FIRST_LOAD_BUDGET_BYTES, firstLoadBytes, readyTime, recordTransfers, waitUntilReady } from "../../scripts/first-load";
import { demoUsers, expect, signIn, test } from "./fixtures";

test("the first load of a report form, cache empty, fits the 120 KB budget", async ({ page, browser }) => {
  await signIn(page, demoUsers.focalPointMspc);
  await page.goto("/my-actions");
  await page.getByRole("button", { name: /^Commencer le rapport/ }).or(page.getByRole("link", { name: /^(Continuer|Reprendre|Voir) le rapport/ })).first().click();
  await expect(page).toHaveURL(/\/reports\/[a-z0-9]+$/);
  const reportUrl = page.url();

  // A fresh browser context: nothing cached, no service worker yet; only the session cookie.
  const fresh = await browser.newContext({ locale: "fr-FR" });
  await fresh.addCookies(await page.context().cookies());
  const stop = recordTransfers(fresh);
  const formPage = await fresh.newPage();
  await formPage.goto(reportUrl);
  await waitUntilReady(formPage);
  const readyAt = await readyTime(formPage);
  await formPage.waitForLoadState("networkidle");
  const bytes = firstLoadBytes(await stop(), readyAt);
  await fresh.close();

  expect(bytes.html, "the page itself was counted").toBeGreaterThan(0);
  expect(bytes.js, "the scripts were counted").toBeGreaterThan(0);
  expect(bytes.total, `HTML ${bytes.html} + JS ${bytes.js} + CSS ${bytes.css} bytes`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});
