import { expect, test } from "vitest";
import { createUser, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { notify } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { loader as rootLoader } from "../root";
import { action, loader } from "./notifications";

async function notices(userId: string, count: number) {
  for (let index = 1; index <= count; index += 1) {
    await notify(prisma, { userIds: [userId], kind: "reportApproved", params: { action: `O0${index}-01`, period: "S1 2026" }, link: `/reports/r${index}` });
  }
}

test("the list shows the user's own notices, newest first, in their language; signed out it redirects", async () => {
  const { user, cookie } = await signedInAs("OBSERVER");
  const other = await createUser();
  await notices(user.id, 2);
  await notices(other.id, 1);
  const result = await call(() => loader({ request: getRequest("/notifications", { cookie }), params: {}, context }));
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    unread: 2,
    total: 2,
    notifications: [
      { text: "Le rapport de l'action O02-01 pour « S1 2026 » a été approuvé.", link: "/reports/r2", readAt: null },
      { text: "Le rapport de l'action O01-01 pour « S1 2026 » a été approuvé.", link: "/reports/r1", readAt: null },
    ],
  });
  expect((await call(() => loader({ request: getRequest("/notifications"), params: {}, context }))).status).toBe(302);
});

test("the header's bell counts unread notices in the root loader; marking one then all as read lowers it", async () => {
  const { user, cookie } = await signedInAs("REVIEWER");
  await notices(user.id, 3);
  const counts = async () => {
    const root = await call(() => rootLoader({ request: getRequest("/", { cookie }), params: {}, context }));
    return (root.body as { counts: { unreadNotifications: number } }).counts.unreadNotifications;
  };
  expect(await counts()).toBe(3);

  const [first] = await prisma.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const one = await call(() => action({ request: postRequest("/notifications", { intent: "read", id: first?.id ?? "" }, { cookie }), params: {}, context }));
  expect(one.status).toBe(302);
  expect(one.location).toBe("/notifications");
  expect(await counts()).toBe(2);

  const all = await call(() => action({ request: postRequest("/notifications?page=2", { intent: "readAll" }, { cookie }), params: {}, context }));
  expect(all.location).toBe("/notifications?page=2");
  expect(await counts()).toBe(0);

  const signedOut = await call(() => rootLoader({ request: getRequest("/"), params: {}, context }));
  expect(signedOut.body).toMatchObject({ counts: null });
});

test("nobody marks another person's notice as read, and an unknown intent is a 400", async () => {
  const owner = await createUser();
  await notices(owner.id, 1);
  const notice = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id }, select: { id: true } });
  const { cookie } = await signedInAs("ADMIN");
  await call(() => action({ request: postRequest("/notifications", { intent: "read", id: notice.id }, { cookie }), params: {}, context }));
  expect(await prisma.notification.findUniqueOrThrow({ where: { id: notice.id }, select: { readAt: true } })).toEqual({ readAt: null });
  const bad = await call(() => action({ request: postRequest("/notifications", { intent: "delete" }, { cookie }), params: {}, context }));
  expect(bad.status).toBe(400);
});
