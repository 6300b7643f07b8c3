import * as z from "zod/mini";
import { optionalText, versionField } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so every mistake shows at once.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

export const REVIEW_INTENTS = ["approve", "requestChanges"] as const;
export type ReviewIntent = (typeof REVIEW_INTENTS)[number];

/**
 * A reviewer's decision on a submitted report: the version they read, and a comment
 * (optional to approve, required to send the report back).
 */
export const ReviewDecisionSchema = z
  .object({
    intent: z.enum(REVIEW_INTENTS, { error: "validation.invalidForm" }),
    version: versionField(),
    comment: optionalText(4000),
  })
  .check(
    z.superRefine((value: { intent?: string; comment?: string }, ctx) => {
      if (value.intent === "requestChanges" && !value.comment) {
        ctx.addIssue({ code: "custom", path: ["comment"], message: "validation.required", input: value.comment });
      }
    }, RUN_WITH_FIELD_ERRORS),
  );
export type ReviewDecisionInput = z.output<typeof ReviewDecisionSchema>;

export const REVIEWS_PAGE_SIZE = 25;

/** The queue's filters, from the query string: unknown values are ignored rather than refused. */
export function reviewFilters(params: URLSearchParams) {
  const text = (name: string) => {
    const value = (params.get(name) ?? "").trim();
    return value && value.length <= 40 ? value : undefined;
  };
  const objective = Number(params.get("objective"));
  const page = Number(params.get("page"));
  return {
    organisationId: text("organisation"),
    periodId: text("period"),
    objective: Number.isInteger(objective) && objective >= 1 && objective <= 23 ? objective : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}
export type ReviewFilters = ReturnType<typeof reviewFilters>;
