import { expect, test } from "vitest";
import { createOrganisation, createUser, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { prisma } from "~/utils/db.server";
import { action, loader } from "./admin.handover";

test("only administrators see and use the handover page", async () => {
  const organisation = await createOrganisation();
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  const incoming = await createUser({ role: "OBSERVER" });
  for (const role of ["FACILITATOR", "REVIEWER", "OBSERVER", "FOCAL_POINT"] as const) {
    const { cookie } = await signedInAs(role, role === "FOCAL_POINT" ? { organisationId: organisation.id } : {});
    const page = await call(() => loader({ request: getRequest(`/admin/handover?organisation=${organisation.id}`, { cookie }), params: {}, context }));
    expect(page.status, role).toBe(403);
    const posted = await call(() =>
      action({
        request: postRequest("/admin/handover", { organisationId: organisation.id, fromUserId: focalPoint.id, toUserId: incoming.id }, { cookie }),
        params: {},
        context,
      }),
    );
    expect(posted.status, role).toBe(403);
  }
  expect(await prisma.user.findUniqueOrThrow({ where: { id: focalPoint.id }, select: { role: true } })).toEqual({ role: "FOCAL_POINT" });
});

test("an administrator hands over through the page, sees the history, and gets 400 or 409 when it cannot be done", async () => {
  const organisation = await createOrganisation();
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await prisma.focalPointAssignment.create({ data: { organisationId: organisation.id, userId: focalPoint.id } });
  const incoming = await createUser({ role: "OBSERVER" });
  const { cookie } = await signedInAs("ADMIN");

  const page = await call(() => loader({ request: getRequest(`/admin/handover?organisation=${organisation.id}`, { cookie }), params: {}, context }));
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ overview: { current: [{ id: focalPoint.id }], history: [{ user: { id: focalPoint.id }, endedAt: null }] } });

  const missing = await call(() =>
    action({ request: postRequest("/admin/handover", { organisationId: organisation.id, fromUserId: focalPoint.id, toUserId: "" }, { cookie }), params: {}, context }),
  );
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ errors: { toUserId: "validation.required" } });

  const fields = { organisationId: organisation.id, fromUserId: focalPoint.id, toUserId: incoming.id };
  const done = await call(() => action({ request: postRequest("/admin/handover", fields, { cookie }), params: {}, context }));
  expect(done.status).toBe(302);
  expect(done.location).toBe(`/admin/handover?organisation=${organisation.id}&notice=done`);

  const latecomer = await createUser();
  const again = await call(() => action({ request: postRequest("/admin/handover", { ...fields, toUserId: latecomer.id }, { cookie }), params: {}, context }));
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ errors: { form: "handover.conflict" } });

  const after = await call(() => loader({ request: getRequest(`/admin/handover?organisation=${organisation.id}`, { cookie }), params: {}, context }));
  expect(after.body).toMatchObject({ overview: { current: [{ id: incoming.id }] } });
  const unknown = await call(() => loader({ request: getRequest("/admin/handover?organisation=nope", { cookie }), params: {}, context }));
  expect(unknown.status).toBe(404);
});
