// What a user may do on one of the plan's actions: built on the plan's abilities (content
// changes only while the plan is a draft) and on the action's lead organisation.
import { planAbilities, type PlanFacts } from "~/modules/plans/abilities";
import type { PermissionSubject } from "~/utils/permissions";

export type ActionFacts = { plan: PlanFacts; leadOrganisation: { id: string } };

export function actionAbilities(user: PermissionSubject | null | undefined, action: ActionFacts) {
  const plan = planAbilities(user, action.plan);
  return {
    read: plan.read,
    /** Edit or delete the action and its indicators. */
    edit: plan.edit,
    /** The user's own organisation leads it (its focal point reports on it). */
    own: Boolean(user?.organisationId) && user?.organisationId === action.leadOrganisation.id,
  };
}
