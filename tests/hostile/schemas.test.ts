// Every form schema, field by field, against hostile values: parsing never throws, and
// whatever it lets through can be stored (no control characters, real calendar days,
// integers the columns hold). These are the checks that keep a 500 from reaching users.
import fc from "fast-check";
import { expect, test } from "vitest";
import type * as z from "zod/mini";
import { actionEditSchema, actionSchema } from "~/modules/actions/schema";
import { AlignmentSchema } from "~/modules/alignment/schema";
import { LoginSchema } from "~/modules/auth/schema";
import { HandoverSchema } from "~/modules/handover/schema";
import { IndicatorEditSchema, IndicatorSchema } from "~/modules/indicators/schema";
import { CreateOrganisationSchema, UpdateOrganisationSchema } from "~/modules/organisations/schema";
import { PlanEditSchema, PlanSchema, PlanTransitionSchema } from "~/modules/plans/schema";
import {
  AddAxisSchema,
  CreateFrameworkSchema,
  RemoveAxisSchema,
  titlesSchema,
  UpdateFrameworkSchema,
} from "~/modules/reference/schema";
import {
  ContributionSchema,
  GeneratePeriodsSchema,
  PeriodRefSchema,
  PeriodSchema,
  ReplySchema,
  reportSchema,
  StartReportSchema,
} from "~/modules/reporting/schema";
import { ReviewDecisionSchema } from "~/modules/reviews/schema";
import { RawImportSchema } from "~/modules/spreadsheet/schema";
import { CreateUserSchema, ResetPasswordSchema, SetActiveSchema, UpdateUserSchema } from "~/modules/users/schema";
import {
  AcceptProposalSchema,
  MergeProposalsSchema,
  ProposalEditSchema,
  ProposalSchema,
  RejectProposalSchema,
  WorkingGroupEditSchema,
  WorkingGroupSchema,
  WorkshopEditSchema,
  WorkshopSchema,
} from "~/modules/workshops/schema";
import { hasNoControlCharacters, INT4_MAX, isCalendarDay } from "~/utils/validation";
import { hostileValue } from "./arbitraries";

const planPeriod = { startDate: "2026-01-01", endDate: "2030-12-31" };

const SCHEMAS: Record<string, z.ZodMiniType> = {
  action: actionSchema(null),
  actionEdit: actionEditSchema(planPeriod),
  alignment: AlignmentSchema,
  login: LoginSchema,
  handover: HandoverSchema,
  indicator: IndicatorSchema,
  indicatorEdit: IndicatorEditSchema,
  organisationCreate: CreateOrganisationSchema,
  organisationUpdate: UpdateOrganisationSchema,
  plan: PlanSchema,
  planEdit: PlanEditSchema,
  planTransition: PlanTransitionSchema,
  frameworkCreate: CreateFrameworkSchema,
  frameworkUpdate: UpdateFrameworkSchema,
  axisAdd: AddAxisSchema,
  axisRemove: RemoveAxisSchema,
  objectiveTitles: titlesSchema("objectives"),
  principleTitles: titlesSchema("principles"),
  period: PeriodSchema,
  periodsGenerate: GeneratePeriodsSchema,
  periodRef: PeriodRefSchema,
  report: reportSchema([{ id: "ind1", kind: "NUMBER", disaggregation: ["SEX"] }]),
  reportStart: StartReportSchema,
  reply: ReplySchema,
  contribution: ContributionSchema,
  review: ReviewDecisionSchema,
  importRows: RawImportSchema,
  userCreate: CreateUserSchema,
  userUpdate: UpdateUserSchema,
  passwordReset: ResetPasswordSchema,
  userActive: SetActiveSchema,
  workshop: WorkshopSchema,
  workshopEdit: WorkshopEditSchema,
  group: WorkingGroupSchema,
  groupEdit: WorkingGroupEditSchema,
  proposal: ProposalSchema,
  proposalEdit: ProposalEditSchema,
  proposalAccept: AcceptProposalSchema,
  proposalReject: RejectProposalSchema,
  proposalsMerge: MergeProposalsSchema,
};

// Amounts in FCFA are BIGINT columns, indicator values DOUBLE PRECISION; every other whole number is an INTEGER.
const BIGINT_FIELDS = new Set(["estimatedBudget", "securedFunding"]);
const FLOAT_FIELDS = new Set(["baselineValue", "targetValue"]);
// Taken as typed and only ever hashed, never stored as text.
const HASHED_FIELDS = new Set(["password"]);

type Def = { type: string; shape?: Record<string, z.ZodMiniType>; in?: z.ZodMiniType; out?: z.ZodMiniType; innerType?: z.ZodMiniType; element?: z.ZodMiniType };
const defOf = (schema: z.ZodMiniType): Def => schema._zod.def;

/** The schema of each form field, found through pipes, optionals and arrays of rows. */
function fieldsOf(schema: z.ZodMiniType, prefix = ""): [string, z.ZodMiniType][] {
  const def = defOf(schema);
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([key, field]) => [[`${prefix}${key}`, field] as [string, z.ZodMiniType], ...rowsOf(field, `${prefix}${key}.`)]);
  }
  if (def.type === "pipe" && def.in && def.out) return [...fieldsOf(def.in, prefix), ...fieldsOf(def.out, prefix)];
  return [];
}

function rowsOf(field: z.ZodMiniType, prefix: string): [string, z.ZodMiniType][] {
  const def = defOf(field);
  if (def.type === "array" && def.element) return fieldsOf(def.element, prefix);
  if (def.type === "pipe" && def.out) return rowsOf(def.out, prefix);
  if (def.type === "optional" && def.innerType) return rowsOf(def.innerType, prefix);
  return [];
}

/** What a parse lets through must fit the database; returns the first problem, if any. */
function unstorable(value: unknown, field: string): string | null {
  if (typeof value === "string") {
    if (HASHED_FIELDS.has(field)) return null;
    if (!hasNoControlCharacters(value)) return `control character in ${field}`;
    if (/Date$/.test(field) && !isCalendarDay(value)) return `impossible day ${value} in ${field}`;
    return null;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${value} in ${field}`;
    const limit = BIGINT_FIELDS.has(field) ? 1e15 : INT4_MAX;
    if (Number.isInteger(value) && !FLOAT_FIELDS.has(field) && Math.abs(value) > limit) return `${value} out of range in ${field}`;
    return null;
  }
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    return Number.isNaN(value.getTime()) || year < 1900 || year > 2999 ? `timestamp ${value.toString()} in ${field}` : null;
  }
  if (Array.isArray(value)) return value.map((item) => unstorable(item, field)).find(Boolean) ?? null;
  if (value && typeof value === "object") {
    return Object.entries(value).map(([key, item]) => unstorable(item, key)).find(Boolean) ?? null;
  }
  return null;
}

const fields = Object.entries(SCHEMAS).flatMap(([form, schema]) =>
  fieldsOf(schema).map(([name, field]) => ({ form, name, field, key: name.split(".").at(-1) ?? name })),
);

test("every field of every form schema is swept", () => {
  expect(fields.length).toBeGreaterThan(150);
  for (const name of ["title", "startDate", "version", "notes", "titleFr"]) expect(fields.some((field) => field.key === name)).toBe(true);
});

test("no field lets through a value the database would refuse, and none throws", () => {
  fc.assert(
    fc.property(fc.constantFrom(...fields), hostileValue, ({ form, name, field, key }, value) => {
      const result = field.safeParse(value);
      const problem = result.success ? unstorable(result.data, key) : null;
      expect(problem, `${form}.${name} ← ${JSON.stringify(value).slice(0, 80)}`).toBeNull();
    }),
    { numRuns: 3000 },
  );
});

test("whole forms of hostile values are refused or storable, never a thrown error", () => {
  const forms = Object.entries(SCHEMAS).map(([form, schema]) => ({
    form,
    schema,
    names: [...new Set(fieldsOf(schema).map(([name]) => name))],
  }));
  fc.assert(
    fc.property(
      fc.constantFrom(...forms).chain((form) =>
        fc.tuple(fc.constant(form), fc.dictionary(fc.constantFrom(...form.names), hostileValue, { maxKeys: form.names.length })),
      ),
      ([{ form, schema }, values]) => {
        const result = schema.safeParse(values);
        const problem = result.success ? unstorable(result.data, form) : null;
        expect(problem, form).toBeNull();
      },
    ),
    { numRuns: 500 },
  );
});

test("the reported cases are refused: NUL, impossible days, a version beyond 32 bits", () => {
  expect(WorkshopSchema.safeParse({ title: "Atelier\u0000", startDate: "2024-01-01", endDate: "2024-01-02", place: "Ségou", organisers: "OIM" }).success).toBe(false);
  expect(PlanSchema.safeParse({ title: "Plan", startDate: "2024-13-45", endDate: "2025-01-01" }).success).toBe(false);
  expect(PlanSchema.safeParse({ title: "Plan", startDate: "0000-00-00", endDate: "2025-01-01" }).success).toBe(false);
  expect(PlanTransitionSchema.safeParse({ intent: "revise", version: "999999999999" }).success).toBe(false);
  expect(PlanTransitionSchema.safeParse({ intent: "revise", version: "3" }).success).toBe(true);
});
