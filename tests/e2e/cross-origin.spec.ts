// server.js refuses every write that does not come from one of Pacte's own pages (CSRF).
import { DEMO_PASSWORD, demoUsers, expect, matrixCell, signIn, test } from "./fixtures";

const REFUSED = "Requête refusée : elle ne provient pas de Pacte (origine non reconnue).";
const EVIL = "https://evil.example";

function ownOrigin(baseURL: string | undefined) {
  if (!baseURL) throw new Error("baseURL is set in playwright.config.ts");
  return new URL(baseURL).origin;
}

test("a sign-in posted from another site is refused, even with the right password", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: EVIL },
    form: { email: demoUsers.admin.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(REFUSED);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a sign-in posted with no Origin header at all is refused", async ({ request }) => {
  const response = await request.post("/login", {
    form: { email: demoUsers.admin.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(REFUSED);
});

test("a sign-in posted from Pacte's own origin reaches the login check", async ({ request, baseURL }) => {
  const response = await request.post("/login", {
    headers: { Origin: ownOrigin(baseURL) },
    // A made-up address of its own, so this failure never rate-limits the demo accounts.
    form: { email: "origine-ok@e2e.pacte.ml", password: "pas-le-bon-mot-de-passe" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain("Adresse e-mail ou mot de passe incorrect.");
});

test("a matrix save posted from another site, or with no Origin, is refused despite the facilitator's session", async ({ page, baseURL }) => {
  const target = matrixCell(20, 6); // not linked in the seed
  await signIn(page, demoUsers.facilitator);
  await page.goto("/alignment");
  const checkbox = page.getByRole("checkbox", { name: target });
  await expect(checkbox).not.toBeChecked();

  // Exactly what the page's form would send, plus one more ticked cell.
  const fields = await page
    .getByRole("button", { name: "Enregistrer la matrice" })
    .evaluate((button: HTMLButtonElement) =>
      button.form ? [...new FormData(button.form)].map(([name, value]) => [name, String(value)]) : [],
    );
  const body = new URLSearchParams(fields);
  body.append("cells", (await checkbox.getAttribute("value")) ?? "");
  const post = (origin?: string) =>
    page.request.post("/alignment", {
      headers: { ...(origin ? { Origin: origin } : {}), "Content-Type": "application/x-www-form-urlencoded" },
      data: body.toString(),
      maxRedirects: 0,
    });

  const forged = await post(EVIL);
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toBe(REFUSED);
  const withoutOrigin = await post();
  expect(withoutOrigin.status()).toBe(403);
  expect(await withoutOrigin.text()).toBe(REFUSED);
  await page.reload();
  await expect(checkbox).not.toBeChecked();

  // The same request from Pacte's own origin goes through: the Origin alone made the difference.
  const genuine = await post(ownOrigin(baseURL));
  expect(genuine.status()).toBe(200);
  expect(await genuine.text()).toContain("Matrice enregistrée : 1 lien(s) ajouté(s), 0 retiré(s).");
  await page.reload();
  await expect(checkbox).toBeChecked();
});

test("sign-out and language changes posted from another site are refused", async ({ request }) => {
  for (const [path, form] of [
    ["/logout", {}],
    ["/language", { lang: "en", redirectTo: "/" }],
  ] as const) {
    const response = await request.post(path, { headers: { Origin: EVIL }, form, maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).toBe(REFUSED);
  }
});
