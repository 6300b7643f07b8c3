import { expect, test } from "vitest";
import { actionAbilities } from "~/modules/actions/abilities";
import { ROLES } from "~/utils/permissions";
import { planAbilities } from "./abilities";

test("only admins and facilitators change a plan, and only while it is a draft; adoption, revision and archiving follow its state", () => {
  for (const role of ROLES) {
    const user = { role, organisationId: "org" };
    const planner = role === "ADMIN" || role === "FACILITATOR";
    expect(planAbilities(user, { status: "DRAFT" }), role).toMatchObject({ read: true, edit: planner, adopt: planner, revise: false, archive: false });
    expect(planAbilities(user, { status: "ADOPTED" }), role).toMatchObject({ edit: false, adopt: false, revise: planner, archive: planner });
    expect(planAbilities(user, { status: "ARCHIVED" }), role).toMatchObject({ edit: false, adopt: false, revise: false, archive: false });
  }
  expect(planAbilities(null, { status: "DRAFT" })).toMatchObject({ read: false, edit: false });
});

test("an action is edited while its plan is a draft, and is 'own' for its lead organisation's users only", () => {
  const facilitator = { role: "FACILITATOR", organisationId: "mmeia" } as const;
  const focal = { role: "FOCAL_POINT", organisationId: "mspc" } as const;
  const action = { plan: { status: "DRAFT" as const }, leadOrganisation: { id: "mspc" } };
  expect(actionAbilities(facilitator, action)).toEqual({ read: true, edit: true, own: false });
  expect(actionAbilities(facilitator, { ...action, plan: { status: "ADOPTED" } })).toMatchObject({ edit: false });
  expect(actionAbilities(focal, action)).toEqual({ read: true, edit: false, own: true });
  expect(actionAbilities({ role: "OBSERVER", organisationId: null }, action)).toMatchObject({ own: false });
});
