import type { ServerBuild } from "@remix-run/node";
import { expect, test, vi } from "vitest";
import { prisma } from "./db.server";
import { guardDatabaseOutages, isDatabaseUnavailable } from "./database-outage.server";
import { createPrismaClient } from "./prisma-client.server";

async function errorOf(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

// Port 9 (discard) has nothing listening on loopback: the connection is refused.
const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:9/postgres");

test("an unreachable server is an outage, for model queries, raw queries and transactions alike", async () => {
  expect(isDatabaseUnavailable(await errorOf(() => unreachable.user.findFirst()))).toBe(true);
  expect(isDatabaseUnavailable(await errorOf(() => unreachable.$queryRaw`SELECT 1`))).toBe(true);
  expect(isDatabaseUnavailable(await errorOf(() => unreachable.$transaction(async (tx) => tx.user.count())))).toBe(true);
});

test("a query the database refuses is not an outage", async () => {
  const existing = await prisma.organisation.findFirstOrThrow({ select: { acronym: true } });
  const duplicate = await errorOf(() => prisma.organisation.create({ data: { acronym: existing.acronym, name: "Doublon", kind: "MINISTRY" } }));
  expect(isDatabaseUnavailable(duplicate)).toBe(false);
  expect(isDatabaseUnavailable(await errorOf(() => prisma.$queryRaw`SELECT * FROM "NoSuchTable"`))).toBe(false);
  expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  expect(isDatabaseUnavailable(new Response("Introuvable", { status: 404 }))).toBe(false);
});

function buildWith(loader: () => Promise<unknown>) {
  const route: ServerBuild["routes"][string] = { id: "routes/x", path: "x", module: { default: () => null, loader } };
  return { routes: { "routes/x": route } };
}

async function runGuardedLoader(loader: () => Promise<unknown>) {
  const guarded = guardDatabaseOutages(buildWith(loader)).routes["routes/x"]?.module.loader;
  if (!guarded) throw new Error("loader lost");
  return errorOf(() => Promise.resolve(guarded({ request: new Request("http://localhost/x"), params: {}, context: {} })));
}

test("the guarded build turns an outage in a loader into a 503 response with Retry-After, logged once", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const thrown = await runGuardedLoader(() => unreachable.user.findMany());
  await runGuardedLoader(() => unreachable.user.findMany());
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0]?.[0]).toContain("Base de données injoignable");
  warn.mockRestore();
  expect(thrown).toBeInstanceOf(Response);
  if (!(thrown instanceof Response)) return;
  expect(thrown.status).toBe(503);
  expect(thrown.headers.get("Retry-After")).toBe("5");
});

test("the guarded build lets every other error through unchanged", async () => {
  const notFound = new Response("Introuvable", { status: 404 });
  expect(await runGuardedLoader(() => Promise.reject(notFound))).toBe(notFound);
  const bug = new TypeError("bug");
  expect(await runGuardedLoader(() => Promise.reject(bug))).toBe(bug);
});
