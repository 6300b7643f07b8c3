import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { seed } from "./seed";

async function counts() {
  const [objectives, principles, axes, organisations, users, actions, indicators, alignments] = await Promise.all([
    prisma.gcmObjective.count(),
    prisma.guidingPrinciple.count(),
    prisma.policyAxis.count({ where: { framework: { code: "PONAM-2014" } } }),
    prisma.organisation.count(),
    prisma.user.count(),
    prisma.action.count(),
    prisma.indicator.count(),
    prisma.objectiveAxisAlignment.count(),
  ]);
  return { objectives, principles, axes, organisations, users, actions, indicators, alignments };
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
