import { expect, test } from "vitest";
import { createOrganisation, createUser, signedInAs, uniqueSuffix } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action as editAction, loader as editLoader } from "./admin.organisations.$organisationId";
import { loader as listLoader } from "./admin.organisations._index";
import { action as createAction } from "./admin.organisations.new";

function create(fields: Record<string, string>, cookie: string) {
  return call(() => createAction({ request: postRequest("/admin/organisations/new", fields, { cookie }), params: {}, context }));
}

function edit(organisationId: string, fields: Record<string, string>, cookie: string) {
  return call(() =>
    editAction({
      request: postRequest(`/admin/organisations/${organisationId}`, fields, { cookie }),
      params: { organisationId },
      context,
    }),
  );
}

async function stored(organisationId: string) {
  return prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { acronym: true, name: true, kind: true, note: true, active: true, version: true },
  });
}

async function writes() {
  const [organisations, audits] = await Promise.all([prisma.organisation.count(), prisma.auditEvent.count()]);
  return { organisations, audits };
}

test("an admin creates an organisation: the acronym is stored in capitals and an audit entry is written", async () => {
  const admin = await signedInAs("ADMIN");
  const acronym = `dgme-${uniqueSuffix()}`;
  const result = await create(
    { acronym: ` ${acronym} `, name: "Délégation générale des Maliens de l'extérieur", kind: "AGENCY", note: "" },
    admin.cookie,
  );

  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { acronym: acronym.toUpperCase() },
    select: { id: true, name: true, kind: true, note: true, active: true },
  });
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/organisations/${organisation.id}?notice=created`);
  expect(organisation).toMatchObject({ kind: "AGENCY", note: null, active: true });
  const audit = await prisma.auditEvent.findFirstOrThrow({
    where: { entityType: "Organisation", entityId: organisation.id, action: "create" },
  });
  expect(audit.actorId).toBe(admin.user.id);
  expect(audit.changes).toMatchObject({ acronym: acronym.toUpperCase(), kind: "AGENCY" });
});

test("an acronym already in use, in any case, gets 400 with validation.acronymTaken and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const existing = await createOrganisation();
  const before = await writes();
  const result = await create({ acronym: existing.acronym.toLowerCase(), name: "Doublon", kind: "MINISTRY" }, admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { acronym: "validation.acronymTaken" }, values: { name: "Doublon", kind: "MINISTRY" } });
  expect(await writes()).toEqual(before);
});

test("a malformed acronym gets 400 with validation.acronymFormat", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await writes();
  for (const acronym of ["M", "-MMEIA", "MME IA", "MINISTÈRE", "A".repeat(21)]) {
    const result = await create({ acronym, name: "Ministère", kind: "MINISTRY" }, admin.cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { acronym: "validation.acronymFormat" } });
  }
  expect(await writes()).toEqual(before);
});

test("an admin edits an organisation: the version goes up and the audit entry lists what changed", async () => {
  const admin = await signedInAs("ADMIN");
  const organisation = await createOrganisation();
  const before = await stored(organisation.id);
  const result = await edit(
    organisation.id,
    { version: String(before.version), acronym: before.acronym, name: "Nouveau nom", kind: "CIVIL_SOCIETY", note: "Partenaire de Kayes" },
    admin.cookie,
  );

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/organisations/${organisation.id}?notice=saved`);
  // The active box was left unticked: the organisation is now inactive.
  expect(await stored(organisation.id)).toEqual({
    acronym: before.acronym,
    name: "Nouveau nom",
    kind: "CIVIL_SOCIETY",
    note: "Partenaire de Kayes",
    active: false,
    version: before.version + 1,
  });
  const audit = await prisma.auditEvent.findFirstOrThrow({
    where: { entityType: "Organisation", entityId: organisation.id, action: "update" },
  });
  expect(audit.changes).toEqual({
    name: { from: before.name, to: "Nouveau nom" },
    kind: { from: "MINISTRY", to: "CIVIL_SOCIETY" },
    note: { from: null, to: "Partenaire de Kayes" },
    active: { from: true, to: false },
  });
});

test("an edit made from a stale version gets 409 with conflict.stale, keeps the input and changes nothing", async () => {
  const admin = await signedInAs("ADMIN");
  const organisation = await createOrganisation();
  const opened = await stored(organisation.id);
  const fields = { version: String(opened.version), acronym: opened.acronym, kind: "MINISTRY", active: "on" };
  expect((await edit(organisation.id, { ...fields, name: "Première modification" }, admin.cookie)).status).toBe(302);
  const afterFirst = await stored(organisation.id);

  const result = await edit(organisation.id, { ...fields, name: "Seconde modification" }, admin.cookie);
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { name: "Seconde modification", active: true } });
  expect(await stored(organisation.id)).toEqual(afterFirst);
});

test("renaming an organisation to another one's acronym gets 400 with validation.acronymTaken", async () => {
  const admin = await signedInAs("ADMIN");
  const [organisation, other] = [await createOrganisation(), await createOrganisation()];
  const before = await stored(organisation.id);
  const result = await edit(
    organisation.id,
    { version: String(before.version), acronym: other.acronym, name: before.name, kind: before.kind, active: "on" },
    admin.cookie,
  );

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { acronym: "validation.acronymTaken" } });
  expect(await stored(organisation.id)).toEqual(before);
});

test("the list gives each organisation's number of accounts", async () => {
  const admin = await signedInAs("ADMIN");
  const organisation = await createOrganisation();
  await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await createUser({ role: "REVIEWER", organisationId: organisation.id });
  const page = await listLoader({ request: getRequest("/admin/organisations", { cookie: admin.cookie }), params: {}, context });

  expect(page.organisations.find((row) => row.id === organisation.id)).toMatchObject({
    acronym: organisation.acronym,
    kind: "MINISTRY",
    active: true,
    userCount: 2,
  });
});

test("facilitators, focal points, reviewers and observers get 403 on the organisation pages and write nothing", async () => {
  const organisation = await createOrganisation();
  const before = await stored(organisation.id);
  for (const role of ["FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const counts = await writes();
    const list = await call(() => listLoader({ request: getRequest("/admin/organisations", { cookie }), params: {}, context }));
    const page = await call(() =>
      editLoader({ request: getRequest(`/admin/organisations/${organisation.id}`, { cookie }), params: { organisationId: organisation.id }, context }),
    );
    const created = await create({ acronym: `X-${uniqueSuffix().toUpperCase()}`, name: "Intrus", kind: "OTHER" }, cookie);
    const edited = await edit(
      organisation.id,
      { version: String(before.version), acronym: before.acronym, name: "Intrus", kind: "OTHER", active: "on" },
      cookie,
    );
    expect([list.status, page.status, created.status, edited.status]).toEqual([403, 403, 403, 403]);
    expect(await writes()).toEqual(counts);
  }
  expect(await stored(organisation.id)).toEqual(before);
});

test("a signed-out visitor is sent to the sign-in page and nothing is written", async () => {
  const list = await call(() => listLoader({ request: getRequest("/admin/organisations"), params: {}, context }));
  expect(list.status).toBe(302);
  expect(list.location).toBe(`/login?redirectTo=${encodeURIComponent("/admin/organisations")}`);

  const before = await writes();
  const created = await create({ acronym: `X-${uniqueSuffix().toUpperCase()}`, name: "Anonyme", kind: "OTHER" }, "");
  expect(created.status).toBe(302);
  expect(created.location).toMatch(/^\/login/);
  expect(await writes()).toEqual(before);
});

test("an unknown organisation gets 404", async () => {
  const admin = await signedInAs("ADMIN");
  const page = await call(() =>
    editLoader({ request: getRequest("/admin/organisations/nowhere", { cookie: admin.cookie }), params: { organisationId: "nowhere" }, context }),
  );
  expect(page.status).toBe(404);
  const edited = await edit("nowhere", { version: "1", acronym: "NULLE-PART", name: "Nulle part", kind: "OTHER" }, admin.cookie);
  expect(edited.status).toBe(404);
});

