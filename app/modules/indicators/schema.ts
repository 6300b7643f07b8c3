// The indicator form, shared by the browser and the server (and the spreadsheet import).
import * as z from "zod/mini";
import { arrayOf, choice, optionalDay, optionalDecimal, optionalText, plainString, requiredText, versionField } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so the user sees every
// mistake at once; they only compare values that passed their own checks.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

export const INDICATOR_KINDS = ["NUMBER", "PERCENTAGE", "YES_NO"] as const;
export const FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "ONCE"] as const;
export const DISAGGREGATIONS = ["SEX", "AGE_GROUP", "REGION", "NATIONALITY"] as const;

const indicatorFields = {
  name: requiredText(300),
  definition: optionalText(2000),
  unit: optionalText(60),
  kind: choice(INDICATOR_KINDS),
  baselineValue: optionalDecimal(),
  baselineDate: optionalDay(),
  targetValue: optionalDecimal(),
  targetDate: optionalDay(),
  frequency: choice(FREQUENCIES),
  dataSource: optionalText(500),
  verificationMeans: optionalText(500),
  disaggregation: arrayOf(choice(DISAGGREGATIONS)),
  // Ids of GlobalIndicator rows ("SDG-10.7.1"); the server checks they exist.
  globalIndicators: arrayOf(plainString(60, "validation.unknownGlobalIndicator")),
};

type IndicatorRulesInput = {
  kind: (typeof INDICATOR_KINDS)[number];
  baselineValue?: number;
  targetValue?: number;
  baselineDate?: string;
  targetDate?: string;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Cross-field rules look only at fields that passed their own checks.
const indicatorRules = z.superRefine((value: IndicatorRulesInput, ctx) => {
  for (const field of ["baselineValue", "targetValue"] as const) {
    const number = value[field];
    if (typeof number !== "number" || !Number.isFinite(number)) continue;
    if (value.kind === "PERCENTAGE" && (number < 0 || number > 100)) {
      ctx.addIssue({ code: "custom", path: [field], message: "validation.percentageRange", input: number });
    }
    if (value.kind === "YES_NO" && number !== 0 && number !== 1) {
      ctx.addIssue({ code: "custom", path: [field], message: "validation.yesNoValue", input: number });
    }
  }
  const baseline = value.baselineDate && ISO_DAY.test(value.baselineDate) ? value.baselineDate : undefined;
  const target = value.targetDate && ISO_DAY.test(value.targetDate) ? value.targetDate : undefined;
  if (baseline && target && target <= baseline) {
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: "validation.targetBeforeBaseline", input: value.targetDate });
  }
}, RUN_WITH_FIELD_ERRORS);

export const IndicatorSchema = z.object(indicatorFields).check(indicatorRules);
export const IndicatorEditSchema = z.object({ ...indicatorFields, version: versionField() }).check(indicatorRules);
export type IndicatorInput = z.output<typeof IndicatorSchema>;
