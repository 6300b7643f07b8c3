// The action form's values as the browser sends them: to fill the form, and to fill it
// again with what was typed after a refused save.
import type { FormValues } from "~/utils/forms";

export type ActionFormValues = {
  code: string;
  title: string;
  description: string;
  expectedResult: string;
  mainObjectiveNumber: string;
  otherObjectives: string[];
  axisIds: string[];
  principleNumbers: string[];
  leadOrganisationId: string;
  partnerIds: string[];
  startDate: string;
  endDate: string;
  estimatedBudget: string;
  securedFunding: string;
  priority: string;
};

export function emptyActionFormValues(overrides: Partial<ActionFormValues> = {}): ActionFormValues {
  return {
    code: "",
    title: "",
    description: "",
    expectedResult: "",
    mainObjectiveNumber: "",
    otherObjectives: [],
    axisIds: [],
    principleNumbers: [],
    leadOrganisationId: "",
    partnerIds: [],
    startDate: "",
    endDate: "",
    estimatedBudget: "",
    securedFunding: "",
    priority: "MEDIUM",
    ...overrides,
  };
}

function text(values: FormValues, name: string) {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

function list(values: FormValues, name: string) {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** What was submitted, in the form's shape. */
export function actionFormValues(values: FormValues): ActionFormValues {
  return {
    code: text(values, "code"),
    title: text(values, "title"),
    description: text(values, "description"),
    expectedResult: text(values, "expectedResult"),
    mainObjectiveNumber: text(values, "mainObjectiveNumber"),
    otherObjectives: list(values, "otherObjectives"),
    axisIds: list(values, "axisIds"),
    principleNumbers: list(values, "principleNumbers"),
    leadOrganisationId: text(values, "leadOrganisationId"),
    partnerIds: list(values, "partnerIds"),
    startDate: text(values, "startDate"),
    endDate: text(values, "endDate"),
    estimatedBudget: text(values, "estimatedBudget"),
    securedFunding: text(values, "securedFunding"),
    priority: text(values, "priority"),
  };
}
