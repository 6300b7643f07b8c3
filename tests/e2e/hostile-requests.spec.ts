// What server.js refuses before any page runs: the honest status, a French line, never a 500.
import { expect, test } from "@playwright/test";

const origin = (baseURL: string | undefined) => ({ Origin: baseURL ?? "" });

test("a URL with a NUL byte or a broken escape is a 400, not a 500", async ({ request }) => {
  for (const path of ["/plans/%00", "/objectives?q=%00", "/workshops/%E0%A4%A"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain("Adresse invalide");
  }
});

test("a write that is not a form (JSON, plain text) gets 415", async ({ request, baseURL }) => {
  const json = await request.post("/login", { headers: { ...origin(baseURL), "Content-Type": "application/json" }, data: '{"email":"a@b.ml"}' });
  expect(json.status()).toBe(415);
  expect(await json.text()).toContain("Type de contenu non accepté");
  const text = await request.post("/login", { headers: { ...origin(baseURL), "Content-Type": "text/plain" }, data: "email=a@b.ml" });
  expect(text.status()).toBe(415);
  const multipart = await request.post("/login", { headers: origin(baseURL), multipart: { email: "a@b.ml" } });
  expect(multipart.status()).toBe(415);
});

test("a form body over the limit gets 413 before it is read", async ({ request, baseURL }) => {
  const response = await request.post("/login", {
    headers: { ...origin(baseURL), "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(1_100_000)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("Formulaire trop volumineux");
});

test("a well-formed but hostile sign-in form gets the page back with a 400, not a 500", async ({ request, baseURL }) => {
  const response = await request.post("/login", {
    headers: { ...origin(baseURL), "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${encodeURIComponent("nul\u0000@pacte.ml")}&password=${"x".repeat(10_000)}&email=deux@pacte.ml`,
  });
  expect(response.status()).toBe(400);
});
