import { expect, test } from "vitest";
import { createUser, signedInAs, TEST_PASSWORD } from "../../tests/factories";
import { getRequest } from "../../tests/requests";
import { getOptionalUser, login, requireUser, safeRedirect } from "./auth.server";
import { prisma } from "./db.server";
import { revokeSession } from "./session.server";

test("a correct password opens a session stored in the database", async () => {
  const user = await createUser({ role: "REVIEWER" });
  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.0.0.1", userAgent: "test" });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const cookie = result.cookie.split(";")[0] ?? "";
  const signedIn = await getOptionalUser(getRequest("/", { cookie }));
  expect(signedIn?.id).toBe(user.id);
  expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
});

test("the session cookie is httpOnly and SameSite=Lax", async () => {
  const user = await createUser();
  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.0.0.2", userAgent: null });
  if (!result.ok) throw new Error("login failed");
  expect(result.cookie).toMatch(/HttpOnly/i);
  expect(result.cookie).toMatch(/SameSite=Lax/i);
});

test("email is matched whatever its case", async () => {
  const user = await createUser();
  const result = await login({ email: user.email.toUpperCase(), password: TEST_PASSWORD, ipAddress: "10.0.0.3", userAgent: null });
  expect(result.ok).toBe(true);
});

test("a wrong password is refused", async () => {
  const user = await createUser();
  const result = await login({ email: user.email, password: "not-the-password", ipAddress: "10.0.0.4", userAgent: null });
  expect(result).toEqual({ ok: false, reason: "invalid" });
});

test("a deactivated account cannot sign in, even with the right password", async () => {
  const user = await createUser({ active: false });
  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.0.0.5", userAgent: null });
  expect(result).toEqual({ ok: false, reason: "invalid" });
});

test("five failures on one account block it, even with the right password", async () => {
  const user = await createUser();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await login({ email: user.email, password: "wrong", ipAddress: `10.1.0.${attempt}`, userAgent: null });
  }
  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.1.0.99", userAgent: null });
  expect(result).toEqual({ ok: false, reason: "rateLimited" });
});

test("twenty failures from one address block that address for every account", async () => {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await login({ email: `nobody-${attempt}@test.ml`, password: "wrong", ipAddress: "10.2.0.1", userAgent: null });
  }
  const user = await createUser();
  const blocked = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.2.0.1", userAgent: null });
  expect(blocked).toEqual({ ok: false, reason: "rateLimited" });
  const elsewhere = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.2.0.2", userAgent: null });
  expect(elsewhere.ok).toBe(true);
});

test("failures older than the window no longer count", async () => {
  const user = await createUser();
  const old = new Date(Date.now() - 16 * 60 * 1000);
  await prisma.loginAttempt.createMany({
    data: Array.from({ length: 5 }, () => ({ email: user.email, ipAddress: "10.3.0.1", success: false, createdAt: old })),
  });
  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.3.0.1", userAgent: null });
  expect(result.ok).toBe(true);
});

test("an expired session no longer signs the user in", async () => {
  const { cookie, sessionId } = await signedInAs("OBSERVER");
  expect(await getOptionalUser(getRequest("/", { cookie }))).not.toBeNull();
  await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await getOptionalUser(getRequest("/", { cookie }))).toBeNull();
});

test("a revoked session no longer signs the user in", async () => {
  const { cookie, sessionId } = await signedInAs("OBSERVER");
  await revokeSession(sessionId);
  expect(await getOptionalUser(getRequest("/", { cookie }))).toBeNull();
});

test("a tampered cookie is ignored", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const [name, value] = cookie.split("=");
  const tampered = `${name}=${(value ?? "").slice(0, -4)}abcd`;
  expect(await getOptionalUser(getRequest("/", { cookie: tampered }))).toBeNull();
});

test("a signed-out request to a protected page redirects to the login page with the way back", async () => {
  const thrown = await requireUser(getRequest("/objectives/21")).catch((error: unknown) => error);
  expect(thrown).toBeInstanceOf(Response);
  if (!(thrown instanceof Response)) return;
  expect(thrown.status).toBe(302);
  expect(thrown.headers.get("Location")).toBe("/login?redirectTo=%2Fobjectives%2F21");
});

test("redirects after sign-in stay on this site", () => {
  expect(safeRedirect("/objectives")).toBe("/objectives");
  expect(safeRedirect("//evil.example")).toBe("/");
  expect(safeRedirect("https://evil.example")).toBe("/");
  expect(safeRedirect(null)).toBe("/");
});

test("signing in prunes that account's day-old attempts and month-old ended sessions, and nothing recent", async () => {
  const user = await createUser();
  const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  await prisma.loginAttempt.create({ data: { email: user.email, ipAddress: "10.9.0.1", success: false, createdAt: old } });
  await prisma.loginAttempt.create({ data: { email: "someone-else@test.ml", ipAddress: "10.9.0.2", success: false, createdAt: old } });
  const longGone = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
  await prisma.session.create({ data: { userId: user.id, expiresAt: longGone } });
  const recentlyRevoked = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 1000), revokedAt: new Date() } });

  const result = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "10.9.0.3", userAgent: null });
  expect(result.ok).toBe(true);
  expect(await prisma.loginAttempt.count({ where: { email: user.email, createdAt: { lt: new Date(Date.now() - 60_000) } } })).toBe(0);
  expect(await prisma.loginAttempt.count({ where: { email: "someone-else@test.ml" } })).toBe(1);
  const sessions = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
  expect(sessions.map((session) => session.id)).toContain(recentlyRevoked.id);
  expect(sessions).toHaveLength(2);
});
