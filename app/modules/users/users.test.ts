import { expect, test } from "vitest";
import { createOrganisation, createUser, signedInAs } from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { CreateUserSchema, userFilters } from "./schema";
import { setUserLanguage, updateUser } from "./users.server";

test("setUserLanguage stores the interface language a user chose", async () => {
  const user = await createUser();
  await setUserLanguage(user.id, "en");
  expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { language: true } })).toEqual({ language: "EN" });
  await setUserLanguage(user.id, "fr");
  expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { language: true } })).toEqual({ language: "FR" });
});

test("a focal point who becomes a reviewer keeps their history but no longer holds the assignment", async () => {
  const admin = await signedInAs("ADMIN");
  const organisation = await createOrganisation();
  const user = await createUser({ role: "FOCAL_POINT", organisationId: organisation.id });
  await prisma.focalPointAssignment.create({ data: { organisationId: organisation.id, userId: user.id } });

  await expect(
    updateUser(admin.user.id, user.id, {
      intent: "update",
      name: "Ancien point focal",
      role: "REVIEWER",
      organisationId: organisation.id,
      language: "FR",
      version: 1,
    }),
  ).resolves.toBeUndefined();
  const assignments = await prisma.focalPointAssignment.findMany({ where: { userId: user.id }, select: { endedAt: true } });
  expect(assignments).toHaveLength(1);
  expect(assignments[0]?.endedAt).toBeInstanceOf(Date);
});

test("the create form keeps the password as typed and lower-cases the email", () => {
  const parsed = CreateUserSchema.safeParse({
    name: " Fatoumata Diarra ",
    email: " F.Diarra@Pacte.ML ",
    role: "REVIEWER",
    organisationId: "",
    language: "FR",
    password: "  espaces compris  ",
  });
  expect(parsed.success && parsed.data).toMatchObject({
    name: "Fatoumata Diarra",
    email: "f.diarra@pacte.ml",
    organisationId: undefined,
    password: "  espaces compris  ",
  });
});

test("the list filters ignore an unknown role and a page number that is not a positive integer", () => {
  expect(userFilters(new URLSearchParams("q=  kayes &role=FOCAL_POINT&page=3"))).toEqual({ q: "kayes", role: "FOCAL_POINT", page: 3 });
  expect(userFilters(new URLSearchParams("role=ROI&page=-2"))).toEqual({ q: "", role: undefined, page: 1 });
  expect(userFilters(new URLSearchParams("page=abc"))).toEqual({ q: "", role: undefined, page: 1 });
});
