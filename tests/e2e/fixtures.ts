// Shared pieces of the end-to-end tests: the demo accounts, signing in through the
// login form, and a page that fails the test on any console error.
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "pacte-demo-2019";

export type DemoUser = {
  email: string;
  name: string;
  /** The role line of the header, in French: role, then the organisation's acronym. */
  roleLine: string;
};

// The accounts of prisma/data/demo.ts, as the header shows them.
export const demoUsers = {
  admin: { email: "admin@pacte.ml", name: "Awa Traoré", roleLine: "Administrateur · MMEIA" },
  facilitator: { email: "facilitateur@pacte.ml", name: "Moussa Keïta", roleLine: "Facilitateur · MMEIA" },
  focalPointMmeia: { email: "pf.mmeia@pacte.ml", name: "Fatoumata Diarra", roleLine: "Point focal · MMEIA" },
  focalPointMspc: { email: "pf.mspc@pacte.ml", name: "Ibrahim Coulibaly", roleLine: "Point focal · MSPC" },
  reviewer: { email: "revue.oim@pacte.ml", name: "Mariam Sidibé", roleLine: "Relecteur · OIM" },
  observer: { email: "observateur@pacte.ml", name: "Seydou Tangara", roleLine: "Observateur" },
} as const satisfies Record<string, DemoUser>;

/** Signs in through the login form, as a person would, and waits until the header greets them. */
export async function signIn(page: Page, user: DemoUser) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("banner")).toContainText(user.name);
}

/** The accessible name of a cell of the alignment matrix (its checkbox, or its ✓ when read-only). */
export function matrixCell(objective: number, axis: number) {
  return `Objectif ${objective} – axe ${axis}`;
}

// The browser reports every 4xx page or fetch as a console error; the tests that expect
// those statuses check them explicitly, so these messages are let through. A missing
// script or stylesheet (under /build/) is a broken page, not an expected answer.
const HTTP_CLIENT_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

function isExpectedHttpError(message: ConsoleMessage) {
  if (!HTTP_CLIENT_ERROR.test(message.text())) return false;
  return !new URL(message.location().url || "/", "http://localhost").pathname.startsWith("/build/");
}

function collectConsoleErrors(page: Page, errors: string[]) {
  page.on("console", (message) => {
    if (message.type() === "error" && !isExpectedHttpError(message)) {
      errors.push(`${page.url()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

type Fixtures = {
  /** Opens a page in a browser context of its own (its own cookies) and signs `user` in there. */
  newSignedInPage: (user: DemoUser) => Promise<Page>;
};

// Fixture bodies name Playwright's `use` callback `provide`: the React hooks lint rule
// would take a call to `use` for a hook.
export const test = base.extend<Fixtures>({
  // A stray console error is a failure, not noise.
  page: async ({ page }, provide) => {
    const errors: string[] = [];
    collectConsoleErrors(page, errors);
    await provide(page);
    expect(errors, "console errors in the browser").toEqual([]);
  },

  newSignedInPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    // Playwright Test applies the configured options (baseURL, locale, javaScriptEnabled…) to new contexts.
    await provide(async (user) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      collectConsoleErrors(page, errors);
      await signIn(page, user);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
    expect(errors, "console errors in the browser").toEqual([]);
  },
});
