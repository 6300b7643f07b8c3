// The session cookie carries only a signed session id; the row in PostgreSQL
// holds the expiry and can be revoked, so several app instances share sessions.
import { createCookie } from "@remix-run/node";
import { prisma } from "./db.server";
import { env, isProduction } from "./env.server";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function sessionCookie() {
  return createCookie("pacte_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction() && env().COOKIE_SECURE !== "false",
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function createSession(userId: string, meta: { ipAddress?: string; userAgent?: string | null }) {
  const session = await prisma.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return { id: session.id, cookie: await sessionCookie().serialize(session.id) };
}

export async function revokeSession(sessionId: string) {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeUserSessions(userId: string) {
  await prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function clearSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}
