import { expect, test } from "vitest";
import { createAction, createPlan, signedInAs, uniqueSuffix } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { getCurrentFramework } from "~/modules/alignment/alignment.server";
import { prisma } from "~/utils/db.server";
import { action as indexAction, loader as indexLoader } from "./admin.reference._index";
import { action as frameworkAction, loader as frameworkLoader } from "./admin.reference.frameworks.$frameworkId";
import { action as createFrameworkAction, loader as newLoader } from "./admin.reference.frameworks.new";
import { action as titlesAction, loader as titlesLoader } from "./admin.reference.objectives";

const PONAM_2014 = "PONAM-2014";

function create(fields: Record<string, string>, cookie: string) {
  return call(() => createFrameworkAction({ request: postRequest("/admin/reference/frameworks/new", fields, { cookie }), params: {}, context }));
}

function post(frameworkId: string, fields: Record<string, string>, cookie: string) {
  return call(() =>
    frameworkAction({ request: postRequest(`/admin/reference/frameworks/${frameworkId}`, fields, { cookie }), params: { frameworkId }, context }),
  );
}

function setCurrent(frameworkId: string, cookie: string) {
  return call(() => indexAction({ request: postRequest("/admin/reference", { intent: "setCurrent", frameworkId }, { cookie }), params: {}, context }));
}

function saveTitles(fields: Record<string, string>, cookie: string) {
  return call(() => titlesAction({ request: postRequest("/admin/reference/objectives", fields, { cookie }), params: {}, context }));
}

async function stored(frameworkId: string) {
  return prisma.policyFramework.findUniqueOrThrow({
    where: { id: frameworkId },
    select: {
      code: true,
      nameFr: true,
      nameEn: true,
      adoptedYear: true,
      isCurrent: true,
      updatedAt: true,
      axes: { orderBy: { number: "asc" }, select: { id: true, number: true, titleFr: true, titleEn: true, confirmed: true } },
    },
  });
}

/** The edit form as the page renders it for the stored framework, with `changes` typed over it. */
async function editForm(frameworkId: string, changes: Record<string, string> = {}) {
  const framework = await stored(frameworkId);
  const fields: Record<string, string> = {
    intent: "save",
    updatedAt: framework.updatedAt.toISOString(),
    nameFr: framework.nameFr,
    nameEn: framework.nameEn,
    adoptedYear: framework.adoptedYear === null ? "" : String(framework.adoptedYear),
  };
  framework.axes.forEach((axis, index) => {
    fields[`axes.${index}.id`] = axis.id;
    fields[`axes.${index}.number`] = String(axis.number);
    fields[`axes.${index}.titleFr`] = axis.titleFr;
    fields[`axes.${index}.titleEn`] = axis.titleEn;
    if (axis.confirmed) fields[`axes.${index}.confirmed`] = "on";
  });
  return { ...fields, ...changes };
}

/** A framework of our own with three axes, so that tests do not depend on each other. */
async function createTestFramework() {
  const suffix = uniqueSuffix().toUpperCase();
  return prisma.policyFramework.create({
    data: {
      code: `TEST-${suffix}`,
      nameFr: `Cadre de test ${suffix}`,
      nameEn: `Test framework ${suffix}`,
      adoptedYear: 2020,
      axes: {
        create: [
          { number: 1, titleFr: "Protection des migrants", titleEn: "Protection of migrants" },
          { number: 2, titleFr: "Migration légale", titleEn: "Legal migration" },
          { number: 3, titleFr: "Réinsertion", titleEn: "Reintegration", confirmed: false },
        ],
      },
    },
    select: { id: true, code: true, axes: { orderBy: { number: "asc" }, select: { id: true, number: true } } },
  });
}

async function writes() {
  const [frameworks, axes, audits, current, objectives] = await Promise.all([
    prisma.policyFramework.count(),
    prisma.policyAxis.count(),
    prisma.auditEvent.count(),
    prisma.policyFramework.findMany({ where: { isCurrent: true }, select: { id: true } }),
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { titleFr: true, titleEn: true } }),
  ]);
  return { frameworks, axes, audits, current, objectives };
}

test("the reference page lists the frameworks with their axes, the current one first, and the 23 objectives and 10 principles", async () => {
  const admin = await signedInAs("ADMIN");
  const page = await indexLoader({ request: getRequest("/admin/reference", { cookie: admin.cookie }), params: {}, context });

  const current = page.frameworks[0];
  expect(current).toMatchObject({ code: PONAM_2014, isCurrent: true, adoptedYear: 2014 });
  expect(current?.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(current?.axes.find((axis) => axis.number === 8)?.confirmed).toBe(false);
  expect(page.frameworks.filter((framework) => framework.isCurrent)).toHaveLength(1);
  expect(page.objectives.map((objective) => objective.number)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
  expect(page.principles).toHaveLength(10);
});

test("an admin adds a new framework version copying the PONAM 2014 axes: the code is upper-cased, the axes copied, the old framework untouched", async () => {
  const admin = await signedInAs("ADMIN");
  const ponam = await prisma.policyFramework.findUniqueOrThrow({ where: { code: PONAM_2014 }, select: { id: true } });
  const before = await stored(ponam.id);
  const code = `ponam-rev-${uniqueSuffix()}`;
  const result = await create(
    { code: ` ${code} `, nameFr: "PONAM révisée 2025", nameEn: "Revised PONAM 2025", adoptedYear: "", copyFromId: ponam.id },
    admin.cookie,
  );

  const framework = await prisma.policyFramework.findUniqueOrThrow({ where: { code: code.toUpperCase() }, select: { id: true } });
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/reference/frameworks/${framework.id}?notice=created`);
  const created = await stored(framework.id);
  expect(created).toMatchObject({ nameFr: "PONAM révisée 2025", adoptedYear: null, isCurrent: false });
  const copy = (axes: typeof created.axes) => axes.map(({ number, titleFr, titleEn, confirmed }) => ({ number, titleFr, titleEn, confirmed }));
  expect(copy(created.axes)).toEqual(copy(before.axes));
  expect(created.axes.map((axis) => axis.id)).not.toContain(before.axes[0]?.id);
  expect(await stored(ponam.id)).toEqual(before);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "PolicyFramework", entityId: framework.id, action: "create" } });
  expect(audit.actorId).toBe(admin.user.id);
  expect(audit.changes).toMatchObject({ code: code.toUpperCase(), copiedFrom: PONAM_2014, axes: [1, 2, 3, 4, 5, 6, 7, 8] });
});

test("a new framework without a source starts with no axis", async () => {
  const admin = await signedInAs("ADMIN");
  const code = `VIDE-${uniqueSuffix().toUpperCase()}`;
  const result = await create({ code, nameFr: "Cadre vide", nameEn: "Empty framework", adoptedYear: "2026", copyFromId: "" }, admin.cookie);

  expect(result.status).toBe(302);
  const framework = await prisma.policyFramework.findUniqueOrThrow({ where: { code }, select: { adoptedYear: true, _count: { select: { axes: true } } } });
  expect(framework).toEqual({ adoptedYear: 2026, _count: { axes: 0 } });
});

test("a code already taken, in any case, gets 400 with reference.codeTaken, the input kept, and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await writes();
  const result = await create({ code: "ponam-2014", nameFr: "Doublon", nameEn: "Duplicate", adoptedYear: "2014" }, admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { code: "reference.codeTaken" }, values: { code: "ponam-2014", nameFr: "Doublon", adoptedYear: "2014" } });
  expect(await writes()).toEqual(before);
});

test("a malformed code, a missing name or a bad year gets 400 with French messages and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const before = await writes();
  for (const code of ["P", "PONAM 2025", "PONAM-RÉVISÉE", "-PONAM", "2025-PONAM", "A".repeat(31)]) {
    const result = await create({ code, nameFr: "Cadre", nameEn: "Framework" }, admin.cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ errors: { code: "reference.codeFormat" } });
  }
  const result = await create({ code: "PONAM-2030", nameFr: " ", nameEn: "Framework", adoptedYear: "25" }, admin.cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { nameFr: "validation.required", adoptedYear: "reference.yearFormat" } });
  const unknownSource = await create({ code: "PONAM-2031", nameFr: "Cadre", nameEn: "Framework", copyFromId: "nowhere" }, admin.cookie);
  expect(unknownSource.status).toBe(400);
  expect(unknownSource.body).toMatchObject({ errors: { copyFromId: "validation.invalidChoice" } });
  expect(await writes()).toEqual(before);
});

test("setting a framework as current leaves exactly one current, which getCurrentFramework returns; actions keep their axes", async () => {
  const admin = await signedInAs("ADMIN");
  const ponam = await prisma.policyFramework.findUniqueOrThrow({ where: { code: PONAM_2014 }, select: { id: true, updatedAt: true } });
  const oldAxis = await prisma.policyAxis.findFirstOrThrow({ where: { frameworkId: ponam.id, number: 3 }, select: { id: true } });
  const plan = await createPlan();
  const action = await createAction(plan.id);
  await prisma.actionAxis.create({ data: { actionId: action.id, axisId: oldAxis.id } });
  const revision = await createTestFramework();

  const result = await setCurrent(revision.id, admin.cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/reference?current=${revision.id}`);
  expect(await prisma.policyFramework.findMany({ where: { isCurrent: true }, select: { id: true } })).toEqual([{ id: revision.id }]);
  expect(await getCurrentFramework()).toMatchObject({ id: revision.id, code: revision.code });
  expect(await prisma.actionAxis.findMany({ where: { actionId: action.id }, select: { axisId: true } })).toEqual([{ axisId: oldAxis.id }]);
  // Being current is not part of the edit form: an edit of PONAM 2014 opened before the switch still saves.
  expect((await stored(ponam.id)).updatedAt).toEqual(ponam.updatedAt);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "PolicyFramework", entityId: revision.id, action: "setCurrent" } });
  expect(audit.changes).toEqual({ previous: PONAM_2014, current: revision.code });

  // And back, from the framework's own page.
  const back = await post(ponam.id, { intent: "setCurrent" }, admin.cookie);
  expect(back.status).toBe(302);
  expect((await getCurrentFramework())?.id).toBe(ponam.id);
  expect(await prisma.policyFramework.count({ where: { isCurrent: true } })).toBe(1);
});

test("a framework without axes cannot become current: 400 with a French message, and the current one stays", async () => {
  const admin = await signedInAs("ADMIN");
  const empty = await prisma.policyFramework.create({ data: { code: `VIDE-${uniqueSuffix().toUpperCase()}`, nameFr: "Vide", nameEn: "Empty" }, select: { id: true } });
  const before = await writes();
  const result = await setCurrent(empty.id, admin.cookie);

  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { form: "reference.noAxesCannotBeCurrent" } });
  expect(await writes()).toEqual(before);
});

test("an admin edits the framework's names and year and its axis titles and confirmation; each change is audited", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const page = await frameworkLoader({
    request: getRequest(`/admin/reference/frameworks/${framework.id}`, { cookie: admin.cookie }),
    params: { frameworkId: framework.id },
    context,
  });
  expect(page.framework.axes.map((axis) => axis.number)).toEqual([1, 2, 3]);
  const loaded = await stored(framework.id);

  const result = await post(
    framework.id,
    await editForm(framework.id, {
      nameFr: "PONAM révisée 2025",
      adoptedYear: "2025",
      "axes.1.titleFr": "Organisation et facilitation de la migration légale",
      "axes.2.confirmed": "on",
    }),
    admin.cookie,
  );

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/reference/frameworks/${framework.id}?notice=saved`);
  const after = await stored(framework.id);
  expect(after).toMatchObject({ nameFr: "PONAM révisée 2025", adoptedYear: 2025 });
  expect(after.updatedAt.getTime()).toBeGreaterThan(loaded.updatedAt.getTime());
  expect(after.axes.map(({ number, titleFr, confirmed }) => ({ number, titleFr, confirmed }))).toEqual([
    { number: 1, titleFr: "Protection des migrants", confirmed: true },
    { number: 2, titleFr: "Organisation et facilitation de la migration légale", confirmed: true },
    { number: 3, titleFr: "Réinsertion", confirmed: true },
  ]);
  const frameworkAudit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "PolicyFramework", entityId: framework.id, action: "update" } });
  expect(frameworkAudit.changes).toEqual({
    nameFr: { from: loaded.nameFr, to: "PONAM révisée 2025" },
    adoptedYear: { from: 2020, to: 2025 },
  });
  const axisAudit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "PolicyAxis", entityId: framework.axes[1]?.id, action: "update" } });
  expect(axisAudit.changes).toEqual({
    frameworkId: framework.id,
    titleFr: { from: "Migration légale", to: "Organisation et facilitation de la migration légale" },
  });
  expect(await prisma.auditEvent.count({ where: { entityType: "PolicyAxis", entityId: framework.axes[0]?.id } })).toBe(0);
});

test("axes can swap numbers in one save; two axes given the same number get 400 and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const swapped = await post(framework.id, await editForm(framework.id, { "axes.0.number": "2", "axes.1.number": "1" }), admin.cookie);
  expect(swapped.status).toBe(302);
  const after = await stored(framework.id);
  expect(after.axes.map((axis) => [axis.number, axis.titleFr])).toEqual([
    [1, "Migration légale"],
    [2, "Protection des migrants"],
    [3, "Réinsertion"],
  ]);

  const before = await writes();
  const clash = await post(framework.id, await editForm(framework.id, { "axes.2.number": "1", "axes.2.titleFr": "" }), admin.cookie);
  expect(clash.status).toBe(400);
  expect(clash.body).toMatchObject({
    intent: "save",
    errors: { "axes.2.number": "reference.axisNumberTaken", "axes.2.titleFr": "validation.required" },
    values: { axes: [{ number: "1" }, { number: "2" }, { number: "1", titleFr: "" }] },
  });
  expect(await writes()).toEqual(before);
  expect(await stored(framework.id)).toEqual(after);
});

test("an edit made from a stale form gets 409 with conflict.stale, keeps the input and changes nothing", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const opened = await editForm(framework.id);
  expect((await post(framework.id, { ...opened, nameFr: "Première modification" }, admin.cookie)).status).toBe(302);
  const afterFirst = await stored(framework.id);

  const result = await post(framework.id, { ...opened, nameFr: "Seconde modification", "axes.0.titleFr": "Titre tapé" }, admin.cookie);
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({
    intent: "save",
    errors: { form: "conflict.stale" },
    values: { nameFr: "Seconde modification", axes: [{ titleFr: "Titre tapé" }, {}, {}] },
  });
  expect(await stored(framework.id)).toEqual(afterFirst);
});

test("adding or removing an axis makes edit forms opened before it stale", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const opened = await editForm(framework.id);
  const added = await post(framework.id, { intent: "addAxis", number: "4", titleFr: "Diaspora", titleEn: "Diaspora", confirmed: "on" }, admin.cookie);
  expect(added.status).toBe(302);

  const result = await post(framework.id, { ...opened, nameFr: "Trop tard" }, admin.cookie);
  expect(result.status).toBe(409);
  expect((await stored(framework.id)).nameFr).not.toBe("Trop tard");
});

test("an admin adds an axis; a number already used in the framework gets 400 and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const result = await post(
    framework.id,
    { intent: "addAxis", number: "4", titleFr: "Valorisation des capacités des diasporas", titleEn: "Harnessing diaspora capacities" },
    admin.cookie,
  );

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/reference/frameworks/${framework.id}?notice=axisAdded#axes`);
  const axis = await prisma.policyAxis.findUniqueOrThrow({
    where: { frameworkId_number: { frameworkId: framework.id, number: 4 } },
    select: { id: true, titleEn: true, confirmed: true },
  });
  expect(axis).toMatchObject({ titleEn: "Harnessing diaspora capacities", confirmed: false });
  expect(await prisma.auditEvent.count({ where: { entityType: "PolicyAxis", entityId: axis.id, action: "create" } })).toBe(1);

  const before = await writes();
  const taken = await post(framework.id, { intent: "addAxis", number: "2", titleFr: "Doublon", titleEn: "Duplicate" }, admin.cookie);
  expect(taken.status).toBe(400);
  expect(taken.body).toMatchObject({ intent: "addAxis", errors: { number: "reference.axisNumberTaken" }, values: { number: "2", titleFr: "Doublon" } });
  const bad = await post(framework.id, { intent: "addAxis", number: "deux", titleFr: "", titleEn: "Two" }, admin.cookie);
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ errors: { number: "reference.axisNumberFormat", titleFr: "validation.required" } });
  expect(await writes()).toEqual(before);
});

test("an unused axis is removed, with an audit entry", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const axis = framework.axes[2];
  if (!axis) throw new Error("the test framework has three axes");
  const result = await post(framework.id, { intent: "removeAxis", axisId: axis.id }, admin.cookie);

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/admin/reference/frameworks/${framework.id}?notice=axisRemoved#axes`);
  expect(await prisma.policyAxis.findUnique({ where: { id: axis.id } })).toBeNull();
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "PolicyAxis", entityId: axis.id, action: "delete" } });
  expect(audit.changes).toMatchObject({ frameworkId: framework.id, number: 3, titleFr: "Réinsertion" });
});

test("an axis used by an action or an alignment cannot be removed: 400 says how many in French, and nothing is deleted", async () => {
  const admin = await signedInAs("ADMIN");
  const framework = await createTestFramework();
  const [first, second] = framework.axes;
  if (!first || !second) throw new Error("the test framework has three axes");
  const plan = await createPlan();
  for (const index of [1, 2]) {
    const action = await createAction(plan.id, { code: `AXE-${index}-${uniqueSuffix().toUpperCase()}` });
    await prisma.actionAxis.create({ data: { actionId: action.id, axisId: first.id } });
  }
  await prisma.objectiveAxisAlignment.createMany({ data: [{ objectiveNumber: 21, axisId: first.id }, { objectiveNumber: 5, axisId: second.id }] });
  const before = await writes();

  const used = await post(framework.id, { intent: "removeAxis", axisId: first.id }, admin.cookie);
  expect(used.status).toBe(400);
  expect(used.body).toEqual({
    intent: "other",
    errors: { form: "L'axe 1 ne peut pas être supprimé : il est utilisé par 2 action(s) et 1 lien(s) de la matrice d'alignement." },
  });
  const linked = await post(framework.id, { intent: "removeAxis", axisId: second.id }, admin.cookie);
  expect(linked.status).toBe(400);
  expect(linked.body).toMatchObject({ errors: { form: expect.stringContaining("0 action(s) et 1 lien(s)") } });

  expect(await writes()).toEqual(before);
  expect(await prisma.policyAxis.count({ where: { id: { in: [first.id, second.id] } } })).toBe(2);
  expect(await prisma.actionAxis.count({ where: { axisId: first.id } })).toBe(2);
  expect(await prisma.objectiveAxisAlignment.count({ where: { axisId: { in: [first.id, second.id] } } })).toBe(2);
});

test("an axis of another framework cannot be removed through this one's page", async () => {
  const admin = await signedInAs("ADMIN");
  const [framework, other] = [await createTestFramework(), await createTestFramework()];
  const axis = other.axes[0];
  if (!axis) throw new Error("the test framework has three axes");
  const result = await post(framework.id, { intent: "removeAxis", axisId: axis.id }, admin.cookie);
  expect(result.status).toBe(404);
  expect(await prisma.policyAxis.count({ where: { id: axis.id } })).toBe(1);
});

test("an admin corrects the French title of objective 18: only that title is written, and audited", async () => {
  const admin = await signedInAs("ADMIN");
  const page = await titlesLoader({ request: getRequest("/admin/reference/objectives", { cookie: admin.cookie }), params: {}, context });
  const fields: Record<string, string> = { list: "objectives" };
  page.objectives.forEach((objective, index) => {
    fields[`objectives.${index}.number`] = String(objective.number);
    fields[`objectives.${index}.titleFr`] = objective.titleFr;
    fields[`objectives.${index}.titleEn`] = objective.titleEn;
    fields[`objectives.${index}.loadedFr`] = objective.titleFr;
    fields[`objectives.${index}.loadedEn`] = objective.titleEn;
  });
  const eighteen = page.objectives.findIndex((objective) => objective.number === 18);
  const newTitle = "Investir dans le développement des compétences et faciliter la reconnaissance mutuelle des aptitudes, des qualifications et des compétences";
  // Meanwhile someone else changes objective 2: this save must not undo it.
  await prisma.gcmObjective.update({ where: { number: 2 }, data: { titleEn: "Changed by someone else" } });

  const result = await saveTitles({ ...fields, [`objectives.${eighteen}.titleFr`]: ` ${newTitle} ` }, admin.cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe("/admin/reference/objectives?saved=objectives#objectives");
  const objective = await prisma.gcmObjective.findUniqueOrThrow({ where: { number: 18 }, select: { titleFr: true, titleEn: true } });
  expect(objective).toEqual({ titleFr: newTitle, titleEn: page.objectives[eighteen]?.titleEn });
  expect((await prisma.gcmObjective.findUniqueOrThrow({ where: { number: 2 }, select: { titleEn: true } })).titleEn).toBe("Changed by someone else");
  const audits = await prisma.auditEvent.findMany({ where: { entityType: "GcmObjective" }, select: { entityId: true, changes: true } });
  expect(audits).toEqual([{ entityId: "18", changes: { titleFr: { from: page.objectives[eighteen]?.titleFr, to: newTitle } } }]);
});

test("a guiding principle's English title is edited; an empty title or an unknown number gets 400 and nothing is written", async () => {
  const admin = await signedInAs("ADMIN");
  const principle = await prisma.guidingPrinciple.findUniqueOrThrow({ where: { number: 4 }, select: { titleFr: true, titleEn: true } });
  const row = { "principles.0.number": "4", "principles.0.titleFr": principle.titleFr, "principles.0.loadedFr": principle.titleFr, "principles.0.loadedEn": principle.titleEn };
  const result = await saveTitles({ list: "principles", ...row, "principles.0.titleEn": "Rule of law and guarantees of due process" }, admin.cookie);
  expect(result.status).toBe(302);
  expect((await prisma.guidingPrinciple.findUniqueOrThrow({ where: { number: 4 }, select: { titleEn: true } })).titleEn).toBe(
    "Rule of law and guarantees of due process",
  );

  const before = await writes();
  const empty = await saveTitles({ list: "principles", ...row, "principles.0.titleEn": "  " }, admin.cookie);
  expect(empty.status).toBe(400);
  expect(empty.body).toMatchObject({ list: "principles", errors: { "principles.0.titleEn": "validation.required" }, values: [{ number: "4", titleEn: "  " }] });
  const unknown = await saveTitles({ list: "principles", ...row, "principles.0.number": "11", "principles.0.titleEn": "Eleven" }, admin.cookie);
  expect(unknown.status).toBe(400);
  expect(unknown.body).toMatchObject({ errors: { "principles.0.number": "validation.invalidForm" } });
  expect(await writes()).toEqual(before);
});

test("facilitators, focal points, reviewers and observers get 403 on every reference page and write nothing", async () => {
  const framework = await createTestFramework();
  const axis = framework.axes[2];
  if (!axis) throw new Error("the test framework has three axes");
  const form = await editForm(framework.id, { nameFr: "Intrus" });
  const before = await stored(framework.id);
  for (const role of ["FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const counts = await writes();
    const pages = await Promise.all([
      call(() => indexLoader({ request: getRequest("/admin/reference", { cookie }), params: {}, context })),
      call(() => newLoader({ request: getRequest("/admin/reference/frameworks/new", { cookie }), params: {}, context })),
      call(() =>
        frameworkLoader({ request: getRequest(`/admin/reference/frameworks/${framework.id}`, { cookie }), params: { frameworkId: framework.id }, context }),
      ),
      call(() => titlesLoader({ request: getRequest("/admin/reference/objectives", { cookie }), params: {}, context })),
    ]);
    const posts = [
      await create({ code: `X-${uniqueSuffix().toUpperCase()}`, nameFr: "Intrus", nameEn: "Intruder" }, cookie),
      await setCurrent(framework.id, cookie),
      await post(framework.id, form, cookie),
      await post(framework.id, { intent: "addAxis", number: "9", titleFr: "Intrus", titleEn: "Intruder" }, cookie),
      await post(framework.id, { intent: "removeAxis", axisId: axis.id }, cookie),
      await post(framework.id, { intent: "setCurrent" }, cookie),
      await saveTitles({ list: "principles", "principles.0.number": "1", "principles.0.titleFr": "Intrus", "principles.0.titleEn": "Intruder" }, cookie),
    ];
    expect([...pages, ...posts].map((response) => response.status)).toEqual(Array(11).fill(403));
    expect(await writes()).toEqual(counts);
  }
  expect(await stored(framework.id)).toEqual(before);
});

test("a signed-out visitor is sent to the sign-in page and nothing is written", async () => {
  const page = await call(() => indexLoader({ request: getRequest("/admin/reference"), params: {}, context }));
  expect(page.status).toBe(302);
  expect(page.location).toBe(`/login?redirectTo=${encodeURIComponent("/admin/reference")}`);

  const framework = await createTestFramework();
  const before = await writes();
  const results = [
    await create({ code: `X-${uniqueSuffix().toUpperCase()}`, nameFr: "Anonyme", nameEn: "Anonymous" }, ""),
    await setCurrent(framework.id, ""),
    await post(framework.id, await editForm(framework.id, { nameFr: "Anonyme" }), ""),
    await saveTitles({ list: "objectives", "objectives.0.number": "1", "objectives.0.titleFr": "Anonyme", "objectives.0.titleEn": "Anonymous" }, ""),
  ];
  for (const result of results) {
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login/);
  }
  expect(await writes()).toEqual(before);
});

test("an unknown framework gets 404", async () => {
  const admin = await signedInAs("ADMIN");
  const page = await call(() =>
    frameworkLoader({ request: getRequest("/admin/reference/frameworks/nowhere", { cookie: admin.cookie }), params: { frameworkId: "nowhere" }, context }),
  );
  expect(page.status).toBe(404);
  const saved = await post("nowhere", { intent: "save", updatedAt: new Date().toISOString(), nameFr: "Nulle part", nameEn: "Nowhere" }, admin.cookie);
  expect(saved.status).toBe(404);
  expect((await setCurrent("nowhere", admin.cookie)).status).toBe(404);
});

