import { expect, test } from "vitest";
import { createUser, uniqueSuffix } from "../../../tests/factories";
import { getCurrentFramework } from "~/modules/alignment/alignment.server";
import { prisma } from "~/utils/db.server";
import { removeAxis, saveTitles, setCurrentFramework } from "./reference.server";
import { AddAxisSchema, CreateFrameworkSchema, nestRows, titlesSchema, UpdateFrameworkSchema } from "./schema";

async function createFramework(axisNumbers: number[] = [1, 2]) {
  const suffix = uniqueSuffix().toUpperCase();
  return prisma.policyFramework.create({
    data: {
      code: `TEST-${suffix}`,
      nameFr: `Cadre ${suffix}`,
      nameEn: `Framework ${suffix}`,
      axes: { create: axisNumbers.map((number) => ({ number, titleFr: `Axe ${number}`, titleEn: `Axis ${number}` })) },
    },
    select: { id: true, code: true, axes: { orderBy: { number: "asc" }, select: { id: true } } },
  });
}

test("framework codes are upper-cased before their format is checked", () => {
  const parsed = CreateFrameworkSchema.safeParse({ code: " ponam-rev-2025 ", nameFr: "PONAM révisée 2025", nameEn: "Revised PONAM 2025", adoptedYear: "", copyFromId: "" });
  expect(parsed.success && parsed.data).toEqual({
    code: "PONAM-REV-2025",
    nameFr: "PONAM révisée 2025",
    nameEn: "Revised PONAM 2025",
    adoptedYear: undefined,
    copyFromId: undefined,
  });
  const accented = CreateFrameworkSchema.safeParse({ code: "PONAM-RÉVISÉE", nameFr: "x", nameEn: "x" });
  expect(accented.success ? null : accented.error.issues[0]?.message).toBe("reference.codeFormat");
});

test("axis rows read the same from the browser's flat keys and from react-hook-form's nested values", () => {
  const flat = { nameFr: "PONAM", "axes.1.titleFr": "Deux", "axes.0.titleFr": "Un", "axes.0.id": "a", "axes.1.id": "b" };
  const nested = { nameFr: "PONAM", axes: [{ titleFr: "Un", id: "a" }, { titleFr: "Deux", id: "b" }] };
  expect(nestRows(flat, "axes")).toEqual(nested);
  expect(nestRows(nested, "axes")).toEqual(nested);
  // A forged index far away does not make a huge array.
  expect(nestRows({ "axes.100000.titleFr": "x" }, "axes")).toEqual({ axes: [] });
});

test("the framework form refuses two axes with one number, a bad year and a missing updatedAt", () => {
  const row = (id: string, number: string, confirmed?: string) => ({ [`axes.${id}.id`]: `axis${id}`, [`axes.${id}.number`]: number, [`axes.${id}.titleFr`]: "Titre", [`axes.${id}.titleEn`]: "Title", ...(confirmed ? { [`axes.${id}.confirmed`]: confirmed } : {}) });
  const fields = { nameFr: "PONAM", nameEn: "PONAM", updatedAt: new Date().toISOString(), ...row("0", "1", "on"), ...row("1", "2") };
  const parsed = UpdateFrameworkSchema.safeParse(fields);
  expect(parsed.success && parsed.data.axes.map((axis) => [axis.number, axis.confirmed])).toEqual([
    [1, true],
    [2, false],
  ]);

  const clash = UpdateFrameworkSchema.safeParse({ ...fields, "axes.1.number": "1", adoptedYear: "14", updatedAt: "" });
  const issues = clash.success ? [] : clash.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  expect(issues).toEqual(
    expect.arrayContaining([
      ["axes.1.number", "reference.axisNumberTaken"],
      ["adoptedYear", "reference.yearFormat"],
      ["updatedAt", "validation.invalidForm"],
    ]),
  );
});

test("a new axis is unconfirmed unless the box is ticked, and its number is 1 to 99", () => {
  expect(AddAxisSchema.safeParse({ number: "9", titleFr: "Neuf", titleEn: "Nine" }).data).toEqual({ number: 9, titleFr: "Neuf", titleEn: "Nine", confirmed: false });
  expect(AddAxisSchema.safeParse({ number: "100", titleFr: "Cent", titleEn: "Hundred" }).success).toBe(false);
});

test("title numbers are fixed to 1-23 for objectives and 1-10 for principles", () => {
  const row = (number: string) => ({ "principles.0.number": number, "principles.0.titleFr": "Titre", "principles.0.titleEn": "Title" });
  expect(titlesSchema("principles").safeParse(row("10")).success).toBe(true);
  expect(titlesSchema("principles").safeParse(row("11")).success).toBe(false);
  expect(titlesSchema("objectives").safeParse({ "objectives.0.number": "23", "objectives.0.titleFr": "T", "objectives.0.titleEn": "T" }).success).toBe(true);
});

test("switching the current framework twice in a row leaves exactly one current", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const original = await getCurrentFramework();
  const [first, second] = [await createFramework(), await createFramework()];

  await Promise.all([setCurrentFramework(admin.id, first.id), setCurrentFramework(admin.id, second.id)]);
  const current = await prisma.policyFramework.findMany({ where: { isCurrent: true }, select: { id: true } });
  expect(current).toHaveLength(1);
  expect([first.id, second.id]).toContain(current[0]?.id);
  expect(await setCurrentFramework(admin.id, current[0]?.id ?? "")).toEqual({ ok: true, changed: false });

  if (original) await setCurrentFramework(admin.id, original.id);
  expect((await getCurrentFramework())?.id).toBe(original?.id);
});

test("an axis linked by the alignment matrix is kept, with the counts of what uses it", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const framework = await createFramework([1]);
  const axisId = framework.axes[0]?.id ?? "";
  await prisma.objectiveAxisAlignment.createMany({ data: [{ objectiveNumber: 1, axisId }, { objectiveNumber: 2, axisId }] });

  expect(await removeAxis(admin.id, framework.id, axisId)).toEqual({ ok: false, reason: "inUse", number: 1, actions: 0, alignments: 2 });
  expect(await prisma.policyAxis.count({ where: { id: axisId } })).toBe(1);
});

test("saving titles writes only what the admin changed from what their form showed", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const [one, two] = await prisma.guidingPrinciple.findMany({ where: { number: { in: [1, 2] } }, orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } });
  if (!one || !two) throw new Error("the seed has the 10 principles");
  // Someone else renames principle 2 after our form was loaded.
  await prisma.guidingPrinciple.update({ where: { number: 2 }, data: { titleFr: "Renommé ailleurs" } });

  const result = await saveTitles(admin.id, "principles", [
    { number: 1, titleFr: "Centré sur la personne", titleEn: one.titleEn, loadedFr: one.titleFr, loadedEn: one.titleEn },
    { number: 2, titleFr: two.titleFr, titleEn: two.titleEn, loadedFr: two.titleFr, loadedEn: two.titleEn },
  ]);
  expect(result).toEqual({ ok: true, changed: 1 });
  const after = await prisma.guidingPrinciple.findMany({ where: { number: { in: [1, 2] } }, orderBy: { number: "asc" }, select: { titleFr: true } });
  expect(after).toEqual([{ titleFr: "Centré sur la personne" }, { titleFr: "Renommé ailleurs" }]);
  expect(await saveTitles(admin.id, "principles", [{ number: 1, titleFr: "a", titleEn: "b" }, { number: 1, titleFr: "a", titleEn: "b" }])).toEqual({
    ok: false,
    errors: { form: "validation.invalidForm" },
  });
});
