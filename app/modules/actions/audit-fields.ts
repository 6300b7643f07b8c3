// How an action is recorded in the audit trail: flat, readable values (acronyms, axis
// numbers, "AAAA-MM-JJ" days, amounts in FCFA), so old entries stay meaningful.

export type ActionAuditFields = {
  code: string;
  title: string;
  description: string | null;
  expectedResult: string | null;
  mainObjectiveNumber: number;
  /** Objective numbers, "3, 21". */
  otherObjectives: string;
  /** PONAM axis numbers, "1, 4". */
  axes: string;
  /** Guiding principle numbers. */
  principles: string;
  /** The lead organisation's acronym. */
  leadOrganisation: string;
  /** Partner acronyms, "HCR, OIM". */
  partners: string;
  startDate: string | null;
  endDate: string | null;
  estimatedBudget: number | null;
  securedFunding: number | null;
  priority: string;
};

export type ActionAuditField = keyof ActionAuditFields;

export const ACTION_AUDIT_FIELDS = [
  "code",
  "title",
  "description",
  "expectedResult",
  "mainObjectiveNumber",
  "otherObjectives",
  "axes",
  "principles",
  "leadOrganisation",
  "partners",
  "startDate",
  "endDate",
  "estimatedBudget",
  "securedFunding",
  "priority",
] as const satisfies readonly ActionAuditField[];

export function isActionAuditField(value: string): value is ActionAuditField {
  return ACTION_AUDIT_FIELDS.some((field) => field === value);
}
