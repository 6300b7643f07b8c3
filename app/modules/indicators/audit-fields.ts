// How an indicator is recorded in the audit trail: flat values, days as "AAAA-MM-JJ".

export type IndicatorAuditFields = {
  name: string;
  definition: string | null;
  unit: string | null;
  kind: string;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  frequency: string;
  dataSource: string | null;
  verificationMeans: string | null;
  /** Dimensions, "SEX, REGION". */
  disaggregation: string;
  /** Global indicators' ids, "SDG-10.7.1, SDG-10.c.1". */
  globalIndicators: string;
};

export type IndicatorAuditField = keyof IndicatorAuditFields;

export const INDICATOR_AUDIT_FIELDS = [
  "name",
  "definition",
  "unit",
  "kind",
  "baselineValue",
  "baselineDate",
  "targetValue",
  "targetDate",
  "frequency",
  "dataSource",
  "verificationMeans",
  "disaggregation",
  "globalIndicators",
] as const satisfies readonly IndicatorAuditField[];

export function isIndicatorAuditField(value: string): value is IndicatorAuditField {
  return INDICATOR_AUDIT_FIELDS.some((field) => field === value);
}
