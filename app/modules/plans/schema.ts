import * as z from "zod/mini";
import { optionalText, requiredDay, requiredText, versionField } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so the user sees every
// mistake at once; they only compare values that passed their own checks.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

const planFields = {
  title: requiredText(300),
  description: optionalText(4000),
  startDate: requiredDay(),
  endDate: requiredDay(),
};

const periodRule = z.superRefine((value: { startDate: string; endDate: string }, ctx) => {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (iso.test(value.startDate) && iso.test(value.endDate) && value.endDate <= value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.endBeforeStart", input: value.endDate });
  }
}, RUN_WITH_FIELD_ERRORS);

export const PlanSchema = z.object(planFields).check(periodRule);
export const PlanEditSchema = z.object({ ...planFields, version: versionField() }).check(periodRule);
export type PlanInput = z.output<typeof PlanSchema>;

/** Adopting, revising or archiving: the version the facilitator saw, and an optional note. */
export const PlanTransitionSchema = z.object({
  intent: z.enum(["adopt", "revise", "archive"], { error: "validation.invalidForm" }),
  version: versionField(),
  note: optionalText(1000),
});
