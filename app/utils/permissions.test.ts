import { expect, test } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "./permissions";

const mmeia = { organisationId: "org-mmeia" };
const mspc = { organisationId: "org-mspc" };
const focalPoint = { role: "FOCAL_POINT" as const, organisationId: "org-mmeia" };

test("a focal point may edit reports of their own organisation only", () => {
  expect(can(focalPoint, "report:edit", mmeia)).toBe(true);
  expect(can(focalPoint, "report:edit", mspc)).toBe(false);
  expect(can(focalPoint, "report:submit", mspc)).toBe(false);
});

test("a focal point without an organisation may act on no organisation's records", () => {
  expect(can({ role: "FOCAL_POINT", organisationId: null }, "report:edit", { organisationId: null })).toBe(false);
});

test("an observer has no write permission at all", () => {
  const writes = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => !permission.endsWith(":read"));
  for (const permission of writes) {
    expect(can({ role: "OBSERVER", organisationId: null }, permission), permission).toBe(false);
  }
});

test("only administrators manage users and organisations", () => {
  for (const role of ROLES) {
    const user = { role, organisationId: null };
    expect(can(user, "users:manage")).toBe(role === "ADMIN");
    expect(can(user, "organisations:manage")).toBe(role === "ADMIN");
  }
});

test("facilitators and administrators edit the alignment matrix, nobody else", () => {
  const editors = ROLES.filter((role) => can({ role, organisationId: null }, "alignment:edit"));
  expect(editors).toEqual(["ADMIN", "FACILITATOR"]);
});

test("every role reads the plan and the alignment matrix", () => {
  for (const role of ROLES) {
    expect(can({ role, organisationId: null }, "plan:read")).toBe(true);
    expect(can({ role, organisationId: null }, "alignment:read")).toBe(true);
  }
});

test("nobody signed out may do anything", () => {
  expect(can(null, "plan:read")).toBe(false);
});
