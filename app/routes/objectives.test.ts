import { expect, test } from "vitest";
import { signedInAs } from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { loader as objectiveLoader } from "./objectives.$number";
import { loader as listLoader } from "./objectives._index";

test("the objectives list has the 23 objectives with their PONAM axes and action counts", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const result = await call(() => listLoader({ request: getRequest("/objectives", { cookie }), params: {}, context }));
  expect(result.status).toBe(200);
  const body = result.body as { objectives: { number: number; axes: unknown[]; actionCount: number }[] };
  expect(body.objectives.map((objective) => objective.number)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
  const totalActions = body.objectives.reduce((sum, objective) => sum + objective.actionCount, 0);
  expect(totalActions).toBe(await prisma.action.count());
  expect(body.objectives.some((objective) => objective.axes.length > 0)).toBe(true);
});

test("an objective's page lists the plan's actions under it, main or secondary", async () => {
  const { cookie } = await signedInAs("REVIEWER");
  const action = await prisma.action.findFirstOrThrow({ select: { code: true, mainObjectiveNumber: true } });
  const result = await call(() =>
    objectiveLoader({
      request: getRequest(`/objectives/${action.mainObjectiveNumber}`, { cookie }),
      params: { number: String(action.mainObjectiveNumber) },
      context,
    }),
  );
  expect(result.status).toBe(200);
  const body = result.body as { actions: { code: string }[] };
  expect(body.actions.map((row) => row.code)).toContain(action.code);
});

test("an objective outside 1-23 is a 404", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  for (const number of ["0", "24", "abc"]) {
    const result = await call(() =>
      objectiveLoader({ request: getRequest(`/objectives/${number}`, { cookie }), params: { number }, context }),
    );
    expect(result.status, number).toBe(404);
  }
});

test("signed out, objectives redirect to the login page", async () => {
  const result = await call(() => listLoader({ request: getRequest("/objectives"), params: {}, context }));
  expect(result.status).toBe(302);
});
