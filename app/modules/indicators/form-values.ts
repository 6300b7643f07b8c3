// The indicator form's values as the browser sends them.
import type { FormValues } from "~/utils/forms";

export type IndicatorFormValues = {
  name: string;
  definition: string;
  unit: string;
  kind: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  frequency: string;
  dataSource: string;
  verificationMeans: string;
  disaggregation: string[];
  globalIndicators: string[];
};

export function emptyIndicatorFormValues(): IndicatorFormValues {
  return {
    name: "",
    definition: "",
    unit: "",
    kind: "NUMBER",
    baselineValue: "",
    baselineDate: "",
    targetValue: "",
    targetDate: "",
    frequency: "ANNUAL",
    dataSource: "",
    verificationMeans: "",
    disaggregation: [],
    globalIndicators: [],
  };
}

/** What was submitted, in the form's shape. */
export function indicatorFormValues(values: FormValues): IndicatorFormValues {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => {
    const value = values[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  return {
    name: text("name"),
    definition: text("definition"),
    unit: text("unit"),
    kind: text("kind"),
    baselineValue: text("baselineValue"),
    baselineDate: text("baselineDate"),
    targetValue: text("targetValue"),
    targetDate: text("targetDate"),
    frequency: text("frequency"),
    dataSource: text("dataSource"),
    verificationMeans: text("verificationMeans"),
    disaggregation: list("disaggregation"),
    globalIndicators: list("globalIndicators"),
  };
}
