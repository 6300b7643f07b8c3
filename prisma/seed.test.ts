import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { seed } from "./seed";

async function counts() {
  const [objectives, principles, axes, organisations, users, actions, indicators, alignments, globalIndicators, globalLinks] = await Promise.all([
    prisma.gcmObjective.count(),
    prisma.guidingPrinciple.count(),
    prisma.policyAxis.count({ where: { framework: { code: "PONAM-2014" } } }),
    prisma.organisation.count(),
    prisma.user.count(),
    prisma.action.count(),
    prisma.indicator.count(),
    prisma.objectiveAxisAlignment.count(),
    prisma.globalIndicator.count(),
    prisma.indicatorGlobalLink.count(),
  ]);
  return { objectives, principles, axes, organisations, users, actions, indicators, alignments, globalIndicators, globalLinks };
}

test("the seed loads 23 objectives, 10 guiding principles and the 8 PONAM axes", async () => {
  const loaded = await counts();
  expect(loaded.objectives).toBe(23);
  expect(loaded.principles).toBe(10);
  expect(loaded.axes).toBe(8);
  expect(loaded.users).toBeGreaterThanOrEqual(5);
  expect(loaded.actions).toBeGreaterThan(0);
});

test("running the seed twice gives the same counts", async () => {
  const before = await counts();
  await seed(prisma);
  await seed(prisma);
  expect(await counts()).toEqual(before);
});

test("the seed gives every role a demo account", async () => {
  const roles = await prisma.user.groupBy({ by: ["role"], _count: { _all: true } });
  expect(roles.map((row) => row.role).sort()).toEqual(["ADMIN", "FACILITATOR", "FOCAL_POINT", "OBSERVER", "REVIEWER"]);
});

test("the seed keeps an alignment note a user edited", async () => {
  const alignment = await prisma.objectiveAxisAlignment.findFirstOrThrow({ select: { objectiveNumber: true, axisId: true } });
  await prisma.objectiveAxisAlignment.update({
    where: { objectiveNumber_axisId: alignment },
    data: { note: "Note saisie par un facilitateur" },
  });
  await seed(prisma);
  const after = await prisma.objectiveAxisAlignment.findUniqueOrThrow({ where: { objectiveNumber_axisId: alignment } });
  expect(after.note).toBe("Note saisie par un facilitateur");
});

test("the seed loads the seven SDG migration indicators with their French and English titles", async () => {
  const sdg = await prisma.globalIndicator.findMany({ where: { framework: "SDG" }, orderBy: { position: "asc" }, select: { id: true, titleFr: true, titleEn: true } });
  expect(sdg.map((indicator) => indicator.id)).toEqual([
    "SDG-10.7.1",
    "SDG-10.7.2",
    "SDG-10.7.3",
    "SDG-10.7.4",
    "SDG-10.c.1",
    "SDG-16.2.2",
    "SDG-17.3.2",
  ]);
  expect(sdg.find((indicator) => indicator.id === "SDG-10.c.1")).toMatchObject({
    titleFr: "Coût des envois de fonds en proportion du montant transféré",
    titleEn: "Remittance costs as a proportion of the amount remitted",
  });
  // The demo plan's remittance-cost indicator reports towards 10.c.1.
  const linked = await prisma.indicatorGlobalLink.findMany({ where: { globalIndicatorId: "SDG-10.c.1" }, select: { indicator: { select: { name: true } } } });
  expect(linked.map((link) => link.indicator.name)).toContain("Coût moyen d'un envoi de 200 USD vers le Mali");
});

test("the seed keeps a global indicator title an administrator corrected", async () => {
  await prisma.globalIndicator.update({ where: { id: "SDG-10.7.3" }, data: { titleFr: "Titre corrigé" } });
  await seed(prisma);
  expect((await prisma.globalIndicator.findUniqueOrThrow({ where: { id: "SDG-10.7.3" } })).titleFr).toBe("Titre corrigé");
});
