import { expect, test } from "vitest";
import { fieldErrorsFrom } from "~/utils/forms";
import { actionSchema } from "./schema";

const period = { startDate: "2020-01-01", endDate: "2024-12-31" };
const valid = {
  code: "o21-03",
  title: "Réinsertion des migrants de retour",
  mainObjectiveNumber: "21",
  leadOrganisationId: "org1",
  priority: "HIGH",
  startDate: "15/01/2021",
  endDate: "2023-12-31",
  estimatedBudget: "1 500 000",
  securedFunding: "500 000",
  axisIds: ["a1", "a2"],
  partnerIds: "p1",
};

function errorsOf(input: Record<string, unknown>) {
  const result = actionSchema(period).safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

test("a valid action is normalised: code upper-cased, dates in ISO, amounts as numbers, lists as arrays", () => {
  const result = actionSchema(period).safeParse(valid);
  expect(result.success).toBe(true);
  if (!result.success) return;
  expect(result.data).toMatchObject({
    code: "O21-03",
    mainObjectiveNumber: 21,
    startDate: "2021-01-15",
    estimatedBudget: 1_500_000,
    securedFunding: 500_000,
    axisIds: ["a1", "a2"],
    partnerIds: ["p1"],
    otherObjectives: [],
  });
});

test("an end date before the start date is refused on the end date", () => {
  expect(errorsOf({ ...valid, endDate: "2020-12-31" })).toEqual({ endDate: "validation.endBeforeStart" });
});

test("dates outside the plan period are refused", () => {
  expect(errorsOf({ ...valid, startDate: "2019-06-01" })).toEqual({ startDate: "validation.outsidePlanPeriod" });
});

test("secured funding above the estimated budget is refused with its own message", () => {
  expect(errorsOf({ ...valid, securedFunding: "2 000 000" })).toEqual({ securedFunding: "validation.securedAboveEstimated" });
});

test("negative or decimal amounts are refused", () => {
  expect(errorsOf({ ...valid, estimatedBudget: "-5", securedFunding: "" })).toEqual({ estimatedBudget: "validation.amountNegative" });
  expect(errorsOf({ ...valid, estimatedBudget: "12,5", securedFunding: "" })).toEqual({ estimatedBudget: "validation.amount" });
});

test("missing title, objective and lead organisation are each reported", () => {
  expect(errorsOf({ ...valid, title: " ", mainObjectiveNumber: "", leadOrganisationId: "" })).toEqual({
    title: "validation.required",
    mainObjectiveNumber: "validation.objectiveRequired",
    leadOrganisationId: "validation.required",
  });
});

test("an impossible date is refused", () => {
  expect(errorsOf({ ...valid, startDate: "31/02/2021" })).toEqual({ startDate: "validation.date" });
});
