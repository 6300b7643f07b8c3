// Test data made to measure: each test creates what it needs, with unique values.
import { randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";

export const TEST_PASSWORD = "correct-horse-battery";
const passwordHash = hashPassword(TEST_PASSWORD);

export function uniqueSuffix() {
  return randomBytes(4).toString("hex");
}

export async function createOrganisation(overrides: { acronym?: string; name?: string; active?: boolean } = {}) {
  const suffix = uniqueSuffix().toUpperCase();
  return prisma.organisation.create({
    data: {
      acronym: overrides.acronym ?? `ORG-${suffix}`,
      name: overrides.name ?? `Ministère de test ${suffix}`,
      kind: "MINISTRY",
      active: overrides.active ?? true,
    },
    select: { id: true, acronym: true, name: true, version: true },
  });
}

export async function createUser(overrides: { role?: Role; organisationId?: string | null; active?: boolean; email?: string } = {}) {
  const role = overrides.role ?? "OBSERVER";
  const organisationId =
    overrides.organisationId !== undefined
      ? overrides.organisationId
      : role === "FOCAL_POINT"
        ? (await createOrganisation()).id
        : null;
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${uniqueSuffix()}@test.ml`,
      name: `Utilisateur ${role.toLowerCase()}`,
      passwordHash: await passwordHash,
      role,
      organisationId,
      active: overrides.active ?? true,
    },
    select: { id: true, email: true, role: true, organisationId: true },
  });
}

/** A user with a live session: the Cookie header to send with requests. */
export async function signedInAs(role: Role, overrides: { organisationId?: string | null } = {}) {
  const user = await createUser({ role, ...overrides });
  const session = await createSession(user.id, { ipAddress: "127.0.0.1" });
  return { user, sessionId: session.id, cookie: session.cookie.split(";")[0] ?? "" };
}
