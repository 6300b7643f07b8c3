// The action form: one schema for the browser (react-hook-form) and the server.
import * as z from "zod/mini";
import {
  arrayOf,
  choice,
  intInRange,
  optionalAmount,
  optionalDay,
  optionalText,
  plainString,
  requiredText,
  versionField,
} from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so the user sees every
// mistake at once; they only compare values that passed their own checks.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

export const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const ACTION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{1,19}$/;

/** The plan's period: an action's dates must fall inside it. */
export type PlanPeriod = { startDate: string; endDate: string };

const actionFields = {
  code: z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value)),
    z.string({ error: "validation.required" }).check(z.minLength(1, "validation.required"), z.regex(ACTION_CODE_PATTERN, "validation.actionCode")),
  ),
  title: requiredText(300),
  description: optionalText(4000),
  expectedResult: optionalText(2000),
  mainObjectiveNumber: intInRange(1, 23, "validation.objectiveRequired"),
  otherObjectives: arrayOf(intInRange(1, 23)),
  axisIds: arrayOf(plainString(40).check(z.minLength(1))),
  principleNumbers: arrayOf(intInRange(1, 10)),
  leadOrganisationId: requiredText(40),
  partnerIds: arrayOf(plainString(40).check(z.minLength(1))),
  startDate: optionalDay(),
  endDate: optionalDay(),
  estimatedBudget: optionalAmount(),
  securedFunding: optionalAmount(),
  priority: choice(PRIORITIES),
};

type ActionFieldsOutput = {
  startDate?: string;
  endDate?: string;
  estimatedBudget?: number;
  securedFunding?: number;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === "string" && ISO_DAY.test(value);
const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

// Cross-field rules run only on fields that passed their own checks, so one mistake gives one message.
function crossFieldRules(period: PlanPeriod | null) {
  return z.superRefine((value: ActionFieldsOutput, ctx) => {
    const start = isDay(value.startDate) ? value.startDate : undefined;
    const end = isDay(value.endDate) ? value.endDate : undefined;
    if (start && end && end < start) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.endBeforeStart", input: end });
    }
    if (period) {
      for (const [field, day] of [["startDate", start], ["endDate", end]] as const) {
        if (day && (day < period.startDate || day > period.endDate)) {
          ctx.addIssue({ code: "custom", path: [field], message: "validation.outsidePlanPeriod", input: day });
        }
      }
    }
    if (isAmount(value.securedFunding)) {
      if (value.estimatedBudget === undefined) {
        ctx.addIssue({ code: "custom", path: ["estimatedBudget"], message: "validation.budgetRequiredForFunding", input: undefined });
      } else if (isAmount(value.estimatedBudget) && value.securedFunding > value.estimatedBudget) {
        ctx.addIssue({ code: "custom", path: ["securedFunding"], message: "validation.securedAboveEstimated", input: value.securedFunding });
      }
    }
  }, RUN_WITH_FIELD_ERRORS);
}

/** The create form; `period` is the plan's, so dates are checked against it. */
export function actionSchema(period: PlanPeriod | null) {
  return z.object(actionFields).check(crossFieldRules(period));
}

/** The edit form: the same, plus the version the editor started from. */
export function actionEditSchema(period: PlanPeriod | null) {
  return z.object({ ...actionFields, version: versionField() }).check(crossFieldRules(period));
}

export type ActionInput = z.output<ReturnType<typeof actionSchema>>;

export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const;
export const ACTION_SORTS = ["code", "-code", "title", "-title"] as const;
export const ACTIONS_PAGE_SIZE = 25;

/** The list's filters, from the query string: unknown values are ignored rather than refused. */
export function actionFilters(params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const objective = Number(params.get("objective"));
  const status = ACTION_STATUSES.find((candidate) => candidate === params.get("status"));
  const sort = ACTION_SORTS.find((candidate) => candidate === params.get("sort")) ?? "code";
  const page = Number(params.get("page"));
  const id = (name: string) => {
    const value = (params.get(name) ?? "").trim();
    return /^[a-z0-9]{1,40}$/i.test(value) ? value : undefined;
  };
  return {
    q,
    objective: Number.isInteger(objective) && objective >= 1 && objective <= 23 ? objective : undefined,
    axis: id("axis"),
    lead: id("lead"),
    status,
    sort,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}
export type ActionFilters = ReturnType<typeof actionFilters>;
