// axe-core on every main page, in French and in English, for each role that sees it: no
// serious or critical violation. Then a focal point's report from start to submission with
// the keyboard alone (Tab, Shift+Tab, Enter, Space, and typing into fields).
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { demoUsers, expect, test, type DemoUser } from "./fixtures";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  // axe really looked at the page (rules that passed), so an empty list below means something.
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} – ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
  expect(serious, `serious or critical axe violations on ${page.url()}`).toEqual([]);
}

/** Visits each path and checks it; every page must answer (no error page) and have one h1. */
async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectAccessible(page);
  }
}

/** The first link on `path` whose address matches `pattern` (a plan, an action, a workshop…). */
async function firstLink(page: Page, path: string, pattern: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`No link matching ${pattern} on ${path}`);
  return found;
}

async function adminPages(page: Page) {
  const plan = await firstLink(page, "/plans", /^\/plans\/(?!new$)[^/?]+$/);
  const action = await firstLink(page, `${plan}/actions`, /^\/actions\/(?!new$)[^/?]+$/);
  const workshop = await firstLink(page, "/workshops", /^\/workshops\/(?!new$)[^/?]+$/);
  const objective = await firstLink(page, "/objectives", /^\/objectives\/\d+$/);
  return [
    "/",
    "/dashboard",
    "/plans",
    plan,
    `${plan}/actions`,
    action,
    // The demo plan is adopted (its actions are read-only): the plan form stands for the forms.
    "/plans/new",
    `${plan}/periods`,
    `${plan}/review-report`,
    "/objectives",
    objective,
    "/alignment",
    "/workshops",
    workshop,
    "/admin/users",
    "/admin/users/new",
    "/admin/organisations",
    "/admin/reference",
    "/admin/handover",
    "/compliance",
    "/reviews",
    "/notifications",
  ];
}

async function switchLanguage(page: Page, to: "English" | "Français") {
  await page.getByRole("button", { name: to }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "fr");
}

/** Runs `check` in English, then puts the account back to French even if the check failed. */
async function inEnglish(page: Page, check: () => Promise<void>) {
  await switchLanguage(page, "English");
  try {
    await check();
  } finally {
    await page.goto("/");
    await switchLanguage(page, "Français");
  }
}

test("the sign-in page has no serious accessibility violation, in French and in English", async ({ page }) => {
  await checkPages(page, ["/login"]);
  await switchLanguage(page, "English");
  await checkPages(page, ["/login"]);
});

test("every page an administrator reaches has no serious accessibility violation, in French and in English", async ({ newSignedInPage }) => {
  test.setTimeout(300_000);
  const page = await newSignedInPage(demoUsers.admin);
  const paths = await adminPages(page);
  await checkPages(page, paths);
  await inEnglish(page, () => checkPages(page, paths));
});

/** Tabs forward until `target` has the focus (a keyboard user's way to reach it). */
async function tabTo(page: Page, target: Locator, maxPresses = 120) {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function focusedRole(page: Page) {
  return page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? "");
}

/**
 * From "Mes actions", with the keyboard only: start the first report, fill in progress, the
 * narrative and each indicator's value, save the draft, then submit it.
 */
async function reportWithKeyboard(page: Page, user: DemoUser, narrative: string) {
  await page.goto("/my-actions");
  // The skip link comes first and moves the focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  const start = page.getByRole("button", { name: "Commencer le rapport" }).first();
  await tabTo(page, start);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reports\/[^/?]+$/);
  await expect(page.getByRole("banner")).toContainText(user.name);

  await tabTo(page, page.getByLabel(/^Avancement/));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("35");
  await tabTo(page, page.getByLabel(/^Réalisations de la période/));
  await page.keyboard.type(narrative);
  // Each indicator: its value (the first text field of its group; break-downs stay empty), or "Oui".
  for (const entry of await page.locator("fieldset.indicator-entry").all()) {
    const yes = entry.getByRole("radio", { name: "Oui" });
    if (await yes.count()) {
      await tabTo(page, yes);
      await page.keyboard.press("Space");
      await expect(yes).toBeChecked();
    } else {
      await tabTo(page, entry.locator("input[type='text']").first());
      await page.keyboard.type("12");
    }
  }
  await expectAccessible(page);

  await tabTo(page, page.getByRole("button", { name: "Enregistrer le brouillon" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Brouillon enregistré" })).toContainText("Brouillon enregistré");
  await expect(page.getByLabel(/^Réalisations de la période/)).toHaveValue(narrative);

  const submit = page.getByRole("button", { name: "Soumettre le rapport" });
  await tabTo(page, submit);
  expect(await focusedRole(page)).toBe("button");
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "soumis" })).toContainText("soumis");
  await expect(page.getByText(narrative)).toBeVisible();
  await expectAccessible(page);
  return page.url();
}

test("a focal point starts, fills in, saves and submits a report with the keyboard alone; the reviewer's pages pass axe too", async ({
  newSignedInPage,
}) => {
  test.setTimeout(300_000);
  const focalPoint = await newSignedInPage(demoUsers.focalPointMmeia);
  const narrative = `Campagne d'information menée à Kayes (clavier ${Date.now()})`;
  const reportUrl = await reportWithKeyboard(focalPoint, demoUsers.focalPointMmeia, narrative);
  const focalPaths = ["/", "/my-actions", new URL(reportUrl).pathname, "/notifications"];
  await checkPages(focalPoint, focalPaths);
  await inEnglish(focalPoint, () => checkPages(focalPoint, focalPaths));

  const reviewer = await newSignedInPage(demoUsers.reviewer);
  const review = new URL(reportUrl).pathname.replace("/reports/", "/reviews/");
  const reviewerPaths = ["/", "/reviews", review, "/compliance"];
  await checkPages(reviewer, reviewerPaths);
  await reviewer.goto(review);
  await expect(reviewer.getByText(narrative).first()).toBeVisible();
  await inEnglish(reviewer, () => checkPages(reviewer, reviewerPaths));
});
