import { expect, test } from "vitest";
import { signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { getAlignmentMatrix } from "~/modules/alignment/alignment.server";
import { cellKey } from "~/modules/alignment/schema";
import { prisma } from "~/utils/db.server";
import { action, loader } from "./alignment";

async function matrix() {
  const found = await getAlignmentMatrix();
  if (!found) throw new Error("the seed has no current framework");
  return found;
}

function firstUncheckedCell(current: Awaited<ReturnType<typeof matrix>>) {
  for (const objective of current.objectives) {
    for (const axis of current.axes) {
      const key = cellKey(objective.number, axis.id);
      if (!current.cells.includes(key)) return key;
    }
  }
  throw new Error("matrix full");
}

test("a facilitator adds and removes links, and an audit entry records them", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const before = await matrix();
  const added = firstUncheckedCell(before);
  const removed = before.cells[0] ?? "";
  const cells = [...before.cells.filter((cell) => cell !== removed), added];
  const result = await call(() =>
    action({
      request: postRequest("/alignment", { frameworkId: before.framework.id, fingerprint: before.fingerprint, cells }, { cookie }),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ status: "saved", added: 1, removed: 1 });
  const after = await matrix();
  expect(after.cells).toContain(added);
  expect(after.cells).not.toContain(removed);
  const audit = await prisma.auditEvent.findFirst({ where: { entityType: "AlignmentMatrix", actorId: user.id } });
  expect(audit?.changes).toEqual({ added: [added], removed: [removed] });
});

test("a save based on an outdated matrix gets 409, keeps the editor's choices and changes nothing", async () => {
  const first = await signedInAs("FACILITATOR");
  const second = await signedInAs("ADMIN");
  const opened = await matrix();
  const mine = firstUncheckedCell(opened);
  await action({
    request: postRequest(
      "/alignment",
      { frameworkId: opened.framework.id, fingerprint: opened.fingerprint, cells: opened.cells.slice(1) },
      { cookie: first.cookie },
    ),
    params: {},
    context,
  });
  const afterFirst = await matrix();
  const result = await call(() =>
    action({
      request: postRequest(
        "/alignment",
        { frameworkId: opened.framework.id, fingerprint: opened.fingerprint, cells: [...opened.cells, mine] },
        { cookie: second.cookie },
      ),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ status: "conflict", errors: { form: "alignment.conflict" } });
  expect(result.body).toMatchObject({ cells: [...opened.cells, mine] });
  expect((await matrix()).cells.sort()).toEqual(afterFirst.cells.sort());
});

test("an observer, a reviewer and a focal point cannot change the matrix", async () => {
  const before = await matrix();
  for (const role of ["OBSERVER", "REVIEWER", "FOCAL_POINT"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() =>
      action({
        request: postRequest("/alignment", { frameworkId: before.framework.id, fingerprint: before.fingerprint, cells: [] }, { cookie }),
        params: {},
        context,
      }),
    );
    expect(result.status, role).toBe(403);
  }
  expect((await matrix()).cells).toEqual(before.cells);
});

test("a malformed cell gets 400 with a French message and changes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const before = await matrix();
  const result = await call(() =>
    action({
      request: postRequest(
        "/alignment",
        { frameworkId: before.framework.id, fingerprint: before.fingerprint, cells: ["99:<script>"] },
        { cookie },
      ),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { "cells.0": "validation.alignmentUnknownCell" } });
  expect((await matrix()).cells).toEqual(before.cells);
});

test("an axis of another framework is refused with 400", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const before = await matrix();
  const other = await prisma.policyFramework.create({
    data: { code: "PONAM-REV", nameFr: "PONAM révisée", nameEn: "Revised PONAM", axes: { create: { number: 1, titleFr: "Axe", titleEn: "Axis" } } },
    select: { axes: { select: { id: true } } },
  });
  const foreignAxis = other.axes[0]?.id ?? "";
  const result = await call(() =>
    action({
      request: postRequest(
        "/alignment",
        { frameworkId: before.framework.id, fingerprint: before.fingerprint, cells: [`3:${foreignAxis}`] },
        { cookie },
      ),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(400);
  expect((await matrix()).cells).toEqual(before.cells);
});

test("a missing fingerprint gets 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const before = await matrix();
  const result = await call(() =>
    action({ request: postRequest("/alignment", { frameworkId: before.framework.id, cells: [] }, { cookie }), params: {}, context }),
  );
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { fingerprint: "validation.required" } });
});

test("every signed-in role can read the matrix; editing is offered to facilitators and admins only", async () => {
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => loader({ request: getRequest("/alignment", { cookie }), params: {}, context }));
    expect(result.status, role).toBe(200);
    expect(result.body).toMatchObject({ canEdit: role === "ADMIN" || role === "FACILITATOR" });
  }
});

test("signed out, the matrix redirects to the login page", async () => {
  const result = await call(() => loader({ request: getRequest("/alignment"), params: {}, context }));
  expect(result.status).toBe(302);
  expect(result.location).toBe("/login?redirectTo=%2Falignment");
});

test("a conflicting save sent with the loaded matrix offers the editor's changes merged onto the newer matrix", async () => {
  const first = await signedInAs("FACILITATOR");
  const second = await signedInAs("ADMIN");
  const opened = await matrix();
  const theirRemoval = opened.cells[0] ?? "";
  const myAddition = firstUncheckedCell(opened);
  await action({
    request: postRequest(
      "/alignment",
      { frameworkId: opened.framework.id, fingerprint: opened.fingerprint, cells: opened.cells.filter((cell) => cell !== theirRemoval) },
      { cookie: first.cookie },
    ),
    params: {},
    context,
  });
  const result = await call(() =>
    action({
      request: postRequest(
        "/alignment",
        { frameworkId: opened.framework.id, fingerprint: opened.fingerprint, base: opened.cells.join(","), cells: [...opened.cells, myAddition] },
        { cookie: second.cookie },
      ),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(409);
  const body = result.body as { cells: string[]; changedByOthers: string[] };
  expect(body.changedByOthers).toEqual([theirRemoval]);
  expect(body.cells).toContain(myAddition);
  expect(body.cells).not.toContain(theirRemoval);
});

test("a forged base that does not match the fingerprint is ignored", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const opened = await matrix();
  await prisma.objectiveAxisAlignment.deleteMany({});
  const result = await call(() =>
    action({
      request: postRequest("/alignment", { frameworkId: opened.framework.id, fingerprint: opened.fingerprint, base: "1:zzz", cells: ["2:abc"] }, { cookie }),
      params: {},
      context,
    }),
  );
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ cells: ["2:abc"], changedByOthers: [] });
});
