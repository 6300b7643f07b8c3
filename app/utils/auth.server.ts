// Who is asking, and may they? Every protected loader and action starts here.
import { redirect } from "@remix-run/node";
import bcrypt from "bcryptjs";
import { prisma } from "./db.server";
import { forbidden } from "./http.server";
import { can, type Permission, type PermissionTarget } from "./permissions";
import { createSession, readSessionId, revokeSession } from "./session.server";

const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  organisationId: true,
  language: true,
  active: true,
  organisation: { select: { id: true, acronym: true, name: true } },
} as const;

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "FACILITATOR" | "FOCAL_POINT" | "REVIEWER" | "OBSERVER";
  organisationId: string | null;
  language: "FR" | "EN";
  organisation: { id: string; acronym: string; name: string } | null;
  sessionId: string;
};

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { id: true, expiresAt: true, revokedAt: true, user: { select: userSelect } },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.user.active) return null;
  const { active: _active, ...user } = session.user;
  return { ...user, sessionId: session.id };
}

function loginUrl(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const params = new URLSearchParams();
  if (back !== "/" && !back.startsWith("/login")) params.set("redirectTo", back);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw redirect(loginUrl(request));
  return user;
}

/** Throws a 403 unless the user's role (and organisation, for `own` scopes) allows it. */
export function requirePermission(user: SessionUser, permission: Permission, target?: PermissionTarget) {
  if (!can(user, permission, target)) forbidden();
}

/** Signed-in user holding `permission`: the one-line guard for most routes. */
export async function requireUserWith(request: Request, permission: Permission) {
  const user = await requireUser(request);
  requirePermission(user, permission);
  return user;
}

// Sign-in rate limits, counted from LoginAttempt rows so they hold across instances.
export const LOGIN_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

async function isRateLimited(email: string, ipAddress: string) {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ipAddress, success: false, createdAt: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

// Old rows are pruned as people sign in (no scheduler needed), through the indexed columns.
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;
const KEEP_ENDED_SESSIONS_MS = 30 * 24 * 60 * 60 * 1000;

async function forgetOldAttempts(email: string, ipAddress: string) {
  const before = new Date(Date.now() - KEEP_ATTEMPTS_MS);
  await prisma.loginAttempt.deleteMany({
    where: { createdAt: { lt: before }, OR: [{ email }, { ipAddress }] },
  });
}

async function forgetOldSessions(userId: string) {
  const before = new Date(Date.now() - KEEP_ENDED_SESSIONS_MS);
  await prisma.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
  });
}

// Compared against when the account does not exist, so timing does not reveal it.
const DUMMY_HASH = "$2b$10$awjNABo1AhOfwm4ippzAG.J5b2z2xNgrUdTt6jLBpkob5eOU6.PTO";

export type LoginResult =
  | { ok: true; cookie: string; user: { id: string; language: "FR" | "EN" } }
  | { ok: false; reason: "invalid" | "rateLimited" };

export async function login(input: {
  email: string;
  password: string;
  ipAddress: string;
  userAgent: string | null;
}): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  if (await isRateLimited(email, input.ipAddress)) return { ok: false, reason: "rateLimited" };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, language: true },
  });
  const passwordMatches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  const success = Boolean(user && user.active && passwordMatches);
  await prisma.loginAttempt.create({ data: { email, ipAddress: input.ipAddress, success } });
  await forgetOldAttempts(email, input.ipAddress);
  if (!user || !success) return { ok: false, reason: "invalid" };
  await forgetOldSessions(user.id);

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const session = await createSession(user.id, { ipAddress: input.ipAddress, userAgent: input.userAgent });
  return { ok: true, cookie: session.cookie, user: { id: user.id, language: user.language } };
}

export async function logout(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await revokeSession(sessionId);
}

export function hashPassword(password: string) {
  return bcrypt.hash(password, 10);
}

/** Only same-site paths, so a crafted link cannot send users elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // A line break or NUL cannot go in a Location header (the response would fail with a 500).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}
