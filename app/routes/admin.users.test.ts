import { expect, test } from "vitest";
import { createOrganisation, createUser, signedInAs, TEST_PASSWORD, uniqueSuffix } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { getOptionalUser, login } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { action as userAction, loader as userLoader } from "./admin.users.$userId";
import { loader as listLoader } from "./admin.users._index";
import { action as createAction, loader as newLoader } from "./admin.users.new";

const NEW_PASSWORD = "mot-de-passe-tout-neuf";

function newUserFields(overrides: Record<string, string> = {}) {
  return {
    name: "Aminata Traoré",
    email: `aminata.${uniqueSuffix()}@pacte.ml`,
    role: "OBSERVER",
    organisationId: "",
    language: "FR",
    password: NEW_PASSWORD,
    ...overrides,
  };
}

function create(fields: Record<string, string>, cookie: string) {
  return call(() => createAction({ request: postRequest("/admin/users/new", fields, { cookie }), params: {}, context }));
}

function post(userId: string, fields: Record<string, string>, cookie: string) {
  return call(() =>
    userAction({ request: postRequest(`/admin/users/${userId}`, fields, { cookie }), params: { userId }, context }),
  );
}

async function stored(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, role: true, organisationId: true, language: true, active: true, version: true, passwordHash: true },
  });
}

function signIn(email: string, password: string) {
  return login({ email, password, ipAddress: "127.0.0.1", userAgent: null });
}

async function writes() {
  const [users, audits, assignments] = await Promise.all([
    prisma.user.count(),
    prisma.auditEvent.count(),
    prisma.focalPointAssignment.count(),
  ]);
  return { users, audits, assignments };
}

test("an admin creates a user who can then sign in, with an audit entry that holds no password", async () => {
  const admin = await signedInAs("ADMIN");
  const fields = newUserFields({ email: `  Aminata.${uniqueSuffix()}@PACTE.ml ` });
  const result = await create(fields, admin.cookie);

  const email = fields.email.trim().toLowerCase();
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, role: true, passwordHash: true } });
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/users/${user.id}?notice=created`);
  expect(user).toMatchObject({ name: "Aminata Traoré", role: "OBSERVER" });
  expect(user.passwordHash).not.toContain(NEW_PASSWORD);
  expect((await signIn(email, NEW_PASSWORD)).ok).toBe(true);

  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "create" } });
  expect(audit.actorId).toBe(admin.user.id);
  expect(audit.changes).toMatchObject({ email, role: "OBSERVER" });
  const logged = JSON.stringify(audit.changes);
  expect(logged).not.toContain(NEW_PASSWORD);
  expect(logged).not.toContain(user.passwordHash);
});

test("creating a focal point assigns them to their organisation, assigned by the admin", async () => {
  const admin = await signedInAs("ADMIN");
  const organisation = await createOrganisation();
  const fields = newUserFields({ role: "FOCAL_POINT", organisationId: organisation.id });
  const result = await create(fields, admin.cookie);

  expect(result.status).toBe(302);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: fields.email }, select: { id: true, organisationId: true } });
  expect(user.organisationId).toBe(organisation.id);
  const assignments = await prisma.focalPointAssignment.findMany({
    where: { userId: user.id },
    select: { organisationId: true, assignedById: true, endedAt: true },
  });
  expect(assignments).toEqual([{ organisationId: organisation.id, assignedById: admin.user.id, endedAt: null }]);
});

test("an email already in use, in any case, gets 400 with validation.emailTaken and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const existing = await createUser();
  const before = await writes();
  const result = await create(newUserFields({ email: existing.email.toUpperCase() }), admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { email: "validation.emailTaken" }, values: { name: "Aminata Traoré" } });
  expect(await writes()).toEqual(before);
});

test("a focal point without an organisation gets 400 with validation.organisationRequired", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await writes();
  const result = await create(newUserFields({ role: "FOCAL_POINT", organisationId: "" }), admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { organisationId: "validation.organisationRequired" } });
  expect(await writes()).toEqual(before);
});

test("an inactive or unknown organisation is refused with validation.unknownOrganisation", async () => {
  const admin = await signedInAs("ADMIN");
  const inactive = await createOrganisation({ active: false });
  const before = await writes();
  for (const organisationId of [inactive.id, "no-such-organisation"]) {
    const result = await create(newUserFields({ role: "FOCAL_POINT", organisationId }), admin.cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { organisationId: "validation.unknownOrganisation" } });
  }
  expect(await writes()).toEqual(before);
});

test("a password under 10 characters gets 400 and is never sent back", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await writes();
  const result = await create(newUserFields({ password: "court-123" }), admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { password: "validation.passwordTooShort" } });
  expect(JSON.stringify(result.body)).not.toContain("court-123");
  expect(await writes()).toEqual(before);
});

test("facilitators, focal points, reviewers and observers get 403 on the user pages and write nothing", async () => {
  const target = await createUser({ role: "OBSERVER" });
  const targetBefore = await stored(target.id);
  for (const role of ["FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const before = await writes();
    const list = await call(() => listLoader({ request: getRequest("/admin/users", { cookie }), params: {}, context }));
    const form = await call(() => newLoader({ request: getRequest("/admin/users/new", { cookie }), params: {}, context }));
    const created = await create(newUserFields(), cookie);
    const reset = await post(target.id, { intent: "resetPassword", password: NEW_PASSWORD }, cookie);
    const deactivated = await post(target.id, { intent: "deactivate" }, cookie);
    expect([list.status, form.status, created.status, reset.status, deactivated.status]).toEqual([403, 403, 403, 403, 403]);
    expect(await writes()).toEqual(before);
  }
  expect(await stored(target.id)).toEqual(targetBefore);
});

test("a signed-out visitor is sent to the sign-in page", async () => {
  const list = await call(() => listLoader({ request: getRequest("/admin/users?role=ADMIN"), params: {}, context }));
  expect(list.status).toBe(302);
  expect(list.location).toBe(`/login?redirectTo=${encodeURIComponent("/admin/users?role=ADMIN")}`);

  const before = await writes();
  const created = await create(newUserFields(), "");
  expect(created.status).toBe(302);
  expect(created.location).toMatch(/^\/login/);
  expect(await writes()).toEqual(before);
});

test("the list filters by role and by text in the name, email or organisation acronym", async () => {
  const admin = await signedInAs("ADMIN");
  const suffix = uniqueSuffix();
  const organisation = await createOrganisation({ acronym: `FILTRE-${suffix.toUpperCase()}` });
  const reviewer = await createUser({ role: "REVIEWER", email: `relecteur.${suffix}@test.ml` });
  const observer = await createUser({ role: "OBSERVER", email: `observateur.${suffix}@test.ml` });
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });

  const list = async (query: string) => {
    const page = await listLoader({ request: getRequest(`/admin/users?${query}`, { cookie: admin.cookie }), params: {}, context });
    return page.users.map((user) => user.id).sort();
  };

  const everyone = [reviewer.id, observer.id, focalPoint.id].sort();
  expect(await list(`q=${suffix}`)).toEqual(everyone);
  expect(await list(`q=${suffix.toUpperCase()}&role=REVIEWER`)).toEqual([reviewer.id]);
  expect(await list(`q=filtre-${suffix}`)).toEqual([focalPoint.id]);
  expect(await list(`q=observateur.${suffix}`)).toEqual([observer.id]);
  // An unknown role is ignored rather than refused.
  expect(await list(`q=${suffix}&role=KING`)).toEqual(everyone);
});

test("an admin edits a user: the version goes up and the audit entry lists what changed", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await createUser({ role: "OBSERVER" });
  const before = await stored(target.id);
  const result = await post(
    target.id,
    { intent: "update", version: String(before.version), name: "Moussa Keïta", role: "REVIEWER", organisationId: "", language: "EN" },
    admin.cookie,
  );

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/users/${target.id}?notice=saved`);
  expect(await stored(target.id)).toMatchObject({ name: "Moussa Keïta", role: "REVIEWER", language: "EN", version: before.version + 1 });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: target.id, action: "update" } });
  expect(audit.changes).toEqual({
    name: { from: before.name, to: "Moussa Keïta" },
    role: { from: "OBSERVER", to: "REVIEWER" },
    language: { from: "FR", to: "EN" },
  });
});

test("an edit made from a stale version gets 409 with conflict.stale, keeps the input and changes nothing", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await createUser({ role: "OBSERVER" });
  const opened = await stored(target.id);
  const fields = { intent: "update", version: String(opened.version), role: "OBSERVER", organisationId: "", language: "FR" };
  const first = await post(target.id, { ...fields, name: "Première modification" }, admin.cookie);
  expect(first.status).toBe(302);
  const afterFirst = await stored(target.id);

  const second = await post(target.id, { ...fields, name: "Seconde modification" }, admin.cookie);
  expect(second.status).toBe(409);
  expect(second.body).toMatchObject({ intent: "update", errors: { form: "conflict.stale" }, values: { name: "Seconde modification" } });
  expect(await stored(target.id)).toEqual(afterFirst);
});

test("moving a focal point to another organisation ends the old assignment and opens a new one", async () => {
  const admin = await signedInAs("ADMIN");
  const [first, second] = [await createOrganisation(), await createOrganisation()];
  const fields = newUserFields({ role: "FOCAL_POINT", organisationId: first.id });
  await create(fields, admin.cookie);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: fields.email }, select: { id: true, version: true } });

  const result = await post(
    user.id,
    { intent: "update", version: String(user.version), name: fields.name, role: "FOCAL_POINT", organisationId: second.id, language: "FR" },
    admin.cookie,
  );
  expect(result.status).toBe(302);
  const assignments = await prisma.focalPointAssignment.findMany({
    where: { userId: user.id },
    orderBy: { startedAt: "asc" },
    select: { organisationId: true, endedAt: true },
  });
  expect(assignments.map((assignment) => [assignment.organisationId, assignment.endedAt !== null])).toEqual([
    [first.id, true],
    [second.id, false],
  ]);
});

test("an admin cannot change their own role", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await stored(admin.user.id);
  const result = await post(
    admin.user.id,
    { intent: "update", version: String(before.version), name: before.name, role: "OBSERVER", organisationId: "", language: "FR" },
    admin.cookie,
  );
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { role: "admin.users.cannotChangeOwnRole" } });
  expect(await stored(admin.user.id)).toEqual(before);
});

test("deactivating a user closes their sessions: their cookie no longer signs them in", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await signedInAs("REVIEWER");
  expect(await getOptionalUser(getRequest("/", { cookie: target.cookie }))).not.toBeNull();

  const result = await post(target.user.id, { intent: "deactivate" }, admin.cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/users/${target.user.id}?notice=deactivated`);
  expect(await getOptionalUser(getRequest("/", { cookie: target.cookie }))).toBeNull();
  expect(await prisma.session.count({ where: { userId: target.user.id, revokedAt: null } })).toBe(0);
  expect((await stored(target.user.id)).active).toBe(false);
  expect((await signIn(target.user.email, TEST_PASSWORD)).ok).toBe(false);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: target.user.id, action: "deactivate" } });
  expect(audit.changes).toEqual({ active: { from: true, to: false } });
});

test("a reactivated user can sign in again", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await createUser({ role: "OBSERVER", active: false });
  const result = await post(target.id, { intent: "reactivate" }, admin.cookie);

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/users/${target.id}?notice=reactivated`);
  expect((await signIn(target.email, TEST_PASSWORD)).ok).toBe(true);
});

test("an admin cannot deactivate their own account", async () => {
  const admin = await signedInAs("ADMIN");
  const result = await post(admin.user.id, { intent: "deactivate" }, admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { form: "admin.users.cannotDeactivateSelf" } });
  expect((await stored(admin.user.id)).active).toBe(true);
  expect(await getOptionalUser(getRequest("/", { cookie: admin.cookie }))).not.toBeNull();
});

test("resetting a password closes the user's sessions and only the new password signs in", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await signedInAs("FACILITATOR");
  const result = await post(target.user.id, { intent: "resetPassword", password: NEW_PASSWORD }, admin.cookie);

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/users/${target.user.id}?notice=passwordReset`);
  expect(await getOptionalUser(getRequest("/", { cookie: target.cookie }))).toBeNull();
  expect((await signIn(target.user.email, TEST_PASSWORD)).ok).toBe(false);
  expect((await signIn(target.user.email, NEW_PASSWORD)).ok).toBe(true);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: target.user.id, action: "resetPassword" } });
  expect(JSON.stringify(audit.changes)).not.toContain(NEW_PASSWORD);
});

test("a new password under 10 characters gets 400, is not sent back and keeps the sessions", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await signedInAs("OBSERVER");
  const before = await stored(target.user.id);
  const result = await post(target.user.id, { intent: "resetPassword", password: "court-123" }, admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ intent: "resetPassword", errors: { password: "validation.passwordTooShort" } });
  expect(JSON.stringify(result.body)).not.toContain("court-123");
  expect(await stored(target.user.id)).toEqual(before);
  expect(await getOptionalUser(getRequest("/", { cookie: target.cookie }))).not.toBeNull();
});

test("an unknown intent gets 400 and an unknown user 404", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await createUser();
  const unknownIntent = await post(target.id, { intent: "delete" }, admin.cookie);
  expect(unknownIntent.status).toBe(400);
  expect(unknownIntent.body).toMatchObject({ errors: { form: "validation.invalidForm" } });
  expect(await prisma.user.count({ where: { id: target.id } })).toBe(1);

  const page = await call(() =>
    userLoader({ request: getRequest("/admin/users/nobody", { cookie: admin.cookie }), params: { userId: "nobody" }, context }),
  );
  expect(page.status).toBe(404);
  const reset = await post("nobody", { intent: "resetPassword", password: NEW_PASSWORD }, admin.cookie);
  expect(reset.status).toBe(404);
});

test("the user page shows the notice named in the address and never the password hash", async () => {
  const admin = await signedInAs("ADMIN");
  const target = await createUser();
  const page = await call(() =>
    userLoader({
      request: getRequest(`/admin/users/${target.id}?notice=created`, { cookie: admin.cookie }),
      params: { userId: target.id },
      context,
    }),
  );
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ notice: "admin.users.created", isSelf: false, account: { id: target.id, email: target.email } });
  expect(JSON.stringify(page.body)).not.toContain("passwordHash");
});

