import { expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action, loader } from "./login";

test("signing in redirects to the requested page and sets the session cookie", async () => {
  const user = await createUser({ role: "FACILITATOR" });
  const request = postRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "/alignment" });
  const response = await action({ request, params: {}, context }).catch((thrown: unknown) => thrown);
  expect(response).toBeInstanceOf(Response);
  if (!(response instanceof Response)) return;
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/alignment");
  expect(response.headers.get("Set-Cookie")).toContain("pacte_session=");
});

test("an empty form gets 400 with a French message per field and opens no session", async () => {
  const sessionsBefore = await prisma.session.count();
  const result = await call(() => action({ request: postRequest("/login", { email: "", password: "" }), params: {}, context }));
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { email: "validation.required", password: "validation.required" } });
  expect(await prisma.session.count()).toBe(sessionsBefore);
});

test("a malformed email gets 400 with the email message", async () => {
  const result = await call(() =>
    action({ request: postRequest("/login", { email: "pas-une-adresse", password: "x" }), params: {}, context }),
  );
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { email: "validation.email" }, values: { email: "pas-une-adresse" } });
});

test("a wrong password gets 401 with the generic message and keeps the email typed", async () => {
  const user = await createUser();
  const result = await call(() =>
    action({ request: postRequest("/login", { email: user.email, password: "wrong-password" }), params: {}, context }),
  );
  expect(result.status).toBe(401);
  expect(result.body).toMatchObject({ errors: { form: "auth.invalid" }, values: { email: user.email } });
});

test("a rate-limited sign-in gets 429 with a French message", async () => {
  const user = await createUser();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await call(() => action({ request: postRequest("/login", { email: user.email, password: "wrong" }), params: {}, context }));
  }
  const result = await call(() =>
    action({ request: postRequest("/login", { email: user.email, password: TEST_PASSWORD }), params: {}, context }),
  );
  expect(result.status).toBe(429);
  expect(JSON.stringify(result.body)).toContain("Trop de tentatives de connexion");
});

test("a signed-in user visiting the login page is sent on", async () => {
  const user = await createUser();
  const signIn = await action({ request: postRequest("/login", { email: user.email, password: TEST_PASSWORD }), params: {}, context }).catch(
    (thrown: unknown) => thrown,
  );
  if (!(signIn instanceof Response)) throw new Error("expected a redirect");
  const cookie = (signIn.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  const result = await call(() => loader({ request: getRequest("/login?redirectTo=/objectives", { cookie }), params: {}, context }));
  expect(result.status).toBe(302);
  expect(result.location).toBe("/objectives");
});
