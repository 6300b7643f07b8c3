import { expect, test } from "vitest";
import { createOrganisation } from "../../../tests/factories";
import { listOrganisationChoices } from "./organisations.server";
import { CreateOrganisationSchema, UpdateOrganisationSchema } from "./schema";

test("an account can be attached to active organisations, and keeps an inactive one it already has", async () => {
  const active = await createOrganisation();
  const inactive = await createOrganisation({ active: false });
  const forNewAccount = (await listOrganisationChoices()).map((organisation) => organisation.id);
  expect(forNewAccount).toContain(active.id);
  expect(forNewAccount).not.toContain(inactive.id);
  expect((await listOrganisationChoices(inactive.id)).map((organisation) => organisation.id)).toContain(inactive.id);
});

test("acronyms are upper-cased before their format is checked", () => {
  const parsed = CreateOrganisationSchema.safeParse({ acronym: " mmeia ", name: "Ministère", kind: "MINISTRY", note: "" });
  expect(parsed.success && parsed.data).toEqual({ acronym: "MMEIA", name: "Ministère", kind: "MINISTRY", note: undefined });
});

test("the edit form reads an unticked active box as inactive and refuses a missing version", () => {
  const fields = { acronym: "MMEIA", name: "Ministère", kind: "MINISTRY" };
  const parsed = UpdateOrganisationSchema.safeParse({ ...fields, version: "3" });
  expect(parsed.success && parsed.data).toMatchObject({ active: false, version: 3 });
  const missing = UpdateOrganisationSchema.safeParse(fields);
  expect(missing.success).toBe(false);
});
