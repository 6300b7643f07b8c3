// What a user may do on a plan: the role table (permissions.ts) and the plan's state, in one
// pure function asked by the plan's pages and, for actions, by actions/abilities.ts.
import { can, type PermissionSubject } from "~/utils/permissions";

export type PlanFacts = { status: "DRAFT" | "ADOPTED" | "ARCHIVED" };

export function planAbilities(user: PermissionSubject | null | undefined, plan: PlanFacts) {
  return {
    read: can(user, "plan:read"),
    /** Change the plan's content (its title, period, actions, indicators): drafts only. */
    edit: can(user, "plan:edit") && plan.status === "DRAFT",
    adopt: can(user, "plan:adopt") && plan.status === "DRAFT",
    revise: can(user, "plan:adopt") && plan.status === "ADOPTED",
    archive: can(user, "plan:adopt") && plan.status === "ADOPTED",
    /** See the lifecycle section (adopt, revise, archive) at all. */
    manageLifecycle: can(user, "plan:adopt"),
  };
}
