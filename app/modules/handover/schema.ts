import * as z from "zod/mini";
import { checkbox, optionalText, requiredText } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so every mistake shows at once.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

/** Moving an organisation's focal-point role from one account to another. */
export const HandoverSchema = z
  .object({
    organisationId: requiredText(40),
    // Empty only when the organisation has no focal point to replace.
    fromUserId: optionalText(40),
    toUserId: requiredText(40),
    deactivateFrom: checkbox(),
  })
  .check(
    z.superRefine((value: { fromUserId?: string; toUserId?: string }, ctx) => {
      if (value.fromUserId && value.fromUserId === value.toUserId) {
        ctx.addIssue({ code: "custom", path: ["toUserId"], message: "handover.sameUser", input: value.toUserId });
      }
    }, RUN_WITH_FIELD_ERRORS),
  );
export type HandoverInput = z.output<typeof HandoverSchema>;
