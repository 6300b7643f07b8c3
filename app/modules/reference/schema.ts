// Forms of the reference data: policy frameworks and their axes, GCM objective and principle titles.
import * as z from "zod/mini";
import type { FormValues } from "~/utils/forms";
import { checkbox, intInRange, loadedTimestamp, optionalText, plainString, requiredText } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so the user sees every mistake at once.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

/** Upper-case letters (no accents), digits and dashes: PONAM-2014, PONAM-REV-2025. */
export const FRAMEWORK_CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,29}$/;
export const MAX_AXIS_NUMBER = 99;
/** More rows than any framework or list has: a bound on what a forged form can make us build. */
const MAX_ROWS = 100;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

function frameworkCode() {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value)),
    z
      .string({ error: "validation.required" })
      .check(z.minLength(1, "validation.required"), z.regex(FRAMEWORK_CODE_PATTERN, "reference.codeFormat")),
  );
}

function optionalYear() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? (/^\d{4}$/.test(trimmed) ? Number(trimmed) : Number.NaN) : trimmed;
    }),
    z.optional(z.number({ error: "reference.yearFormat" }).check(z.int("reference.yearFormat"), z.gte(1960, "reference.yearFormat"), z.lte(2100, "reference.yearFormat"))),
  );
}

/** The `updatedAt` the form was loaded with: the edit is refused (409) if the record changed since. */
function loadedAt() {
  return loadedTimestamp();
}

function id() {
  return plainString(40).check(z.regex(/^[a-z0-9]{1,40}$/, "validation.invalidForm"));
}

/**
 * Rows of a form as an array. The browser posts them as flat keys ("axes.0.titleFr"),
 * react-hook-form as nested values: both become `{ axes: [{ titleFr }] }`.
 */
export function nestRows(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const pattern = new RegExp(`^${key}\\.(\\d+)\\.(\\w+)$`);
  const rows: Record<string, unknown>[] = [];
  const nested = value[key];
  if (Array.isArray(nested)) {
    for (const row of nested.slice(0, MAX_ROWS)) rows.push(typeof row === "object" && row !== null ? { ...row } : {});
  }
  const rest: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const match = pattern.exec(name);
    if (!match) {
      if (name !== key) rest[name] = item;
      continue;
    }
    const index = Number(match[1]);
    const field = match[2] ?? "";
    if (index >= MAX_ROWS) continue;
    while (rows.length <= index) rows.push({});
    rows[index] = { ...rows[index], [field]: item };
  }
  return { ...rest, [key]: rows };
}

// ---------------------------------------------------------------------------
// A new framework version
// ---------------------------------------------------------------------------

export const CreateFrameworkSchema = z.object({
  code: frameworkCode(),
  nameFr: requiredText(200),
  nameEn: requiredText(200),
  adoptedYear: optionalYear(),
  /** The framework whose axes are copied as a starting point; none when blank. */
  copyFromId: z.pipe(z.transform(emptyToUndefined), z.optional(id())),
});
export type CreateFrameworkInput = z.output<typeof CreateFrameworkSchema>;

export function createFrameworkValues(values: FormValues) {
  const text = textOf(values);
  return { code: text("code"), nameFr: text("nameFr"), nameEn: text("nameEn"), adoptedYear: text("adoptedYear"), copyFromId: text("copyFromId") };
}

// ---------------------------------------------------------------------------
// Editing a framework and its axes
// ---------------------------------------------------------------------------

const axisFields = {
  number: intInRange(1, MAX_AXIS_NUMBER, "reference.axisNumberFormat"),
  titleFr: requiredText(300),
  titleEn: requiredText(300),
  confirmed: checkbox(),
};

type AxisRowsOutput = { axes?: unknown };

/** Two axes of one framework cannot share a number: the later row gets the message. */
const distinctAxisNumbers = z.superRefine((value: AxisRowsOutput, ctx) => {
  if (!Array.isArray(value.axes)) return;
  const seen = new Set<number>();
  value.axes.forEach((row: unknown, index) => {
    const number = typeof row === "object" && row !== null && "number" in row ? row.number : undefined;
    if (typeof number !== "number" || !Number.isInteger(number)) return;
    if (seen.has(number)) ctx.addIssue({ code: "custom", path: ["axes", index, "number"], message: "reference.axisNumberTaken", input: number });
    seen.add(number);
  });
}, RUN_WITH_FIELD_ERRORS);

export const UpdateFrameworkSchema = z.pipe(
  z.transform((value: Record<string, unknown>) => nestRows(value, "axes")),
  z
    .object({
      nameFr: requiredText(200),
      nameEn: requiredText(200),
      adoptedYear: optionalYear(),
      updatedAt: loadedAt(),
      axes: z.array(z.object({ id: id(), ...axisFields })).check(z.maxLength(MAX_ROWS, "validation.invalidForm")),
    })
    .check(distinctAxisNumbers),
);
export type UpdateFrameworkInput = z.output<typeof UpdateFrameworkSchema>;

export const AddAxisSchema = z.object(axisFields);
export type AddAxisInput = z.output<typeof AddAxisSchema>;

export const RemoveAxisSchema = z.object({ axisId: id() });

export type AxisValues = { id: string; number: string; titleFr: string; titleEn: string; confirmed: boolean };

/** The framework form as typed, to fill it again after an error. */
export function frameworkValues(values: FormValues) {
  const text = textOf(values);
  const nested = nestRows(values, "axes");
  const axes: AxisValues[] = (Array.isArray(nested.axes) ? nested.axes : []).map((row: Record<string, unknown>) => ({
    id: typeof row.id === "string" ? row.id : "",
    number: typeof row.number === "string" ? row.number : "",
    titleFr: typeof row.titleFr === "string" ? row.titleFr : "",
    titleEn: typeof row.titleEn === "string" ? row.titleEn : "",
    confirmed: row.confirmed !== undefined,
  }));
  return { nameFr: text("nameFr"), nameEn: text("nameEn"), adoptedYear: text("adoptedYear"), axes };
}

export function addAxisValues(values: FormValues) {
  const text = textOf(values);
  return { number: text("number"), titleFr: text("titleFr"), titleEn: text("titleEn"), confirmed: values.confirmed !== undefined };
}

// ---------------------------------------------------------------------------
// Titles of the GCM objectives and guiding principles (their numbers are fixed)
// ---------------------------------------------------------------------------

export const TITLE_LISTS = { objectives: 23, principles: 10 } as const;
export type TitleList = keyof typeof TITLE_LISTS;

export function isTitleList(value: unknown): value is TitleList {
  return value === "objectives" || value === "principles";
}

/** One row per item; `loadedFr`/`loadedEn` are the titles as the form showed them. */
export function titlesSchema(list: TitleList) {
  return z.pipe(
    z.transform((value: Record<string, unknown>) => nestRows(value, list)),
    z.object({
      [list]: z
        .array(
          z.object({
            number: intInRange(1, TITLE_LISTS[list], "validation.invalidForm"),
            titleFr: requiredText(400),
            titleEn: requiredText(400),
            loadedFr: optionalText(400),
            loadedEn: optionalText(400),
          }),
        )
        .check(z.maxLength(TITLE_LISTS[list], "validation.invalidForm")),
    }),
  );
}

export type TitleInput = { number: number; titleFr: string; titleEn: string; loadedFr?: string; loadedEn?: string };

export type TitleValues = { number: string; titleFr: string; titleEn: string; loadedFr: string; loadedEn: string };

export function titleValues(values: FormValues, list: TitleList): TitleValues[] {
  const nested = nestRows(values, list)[list];
  const text = (row: Record<string, unknown>, name: string) => {
    const value = row[name];
    return typeof value === "string" ? value : "";
  };
  return (Array.isArray(nested) ? nested : []).map((row: Record<string, unknown>) => ({
    number: text(row, "number"),
    titleFr: text(row, "titleFr"),
    titleEn: text(row, "titleEn"),
    loadedFr: text(row, "loadedFr"),
    loadedEn: text(row, "loadedEn"),
  }));
}

function textOf(values: FormValues) {
  return (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
}
