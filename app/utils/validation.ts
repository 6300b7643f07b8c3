// Building blocks for form schemas (zod mini keeps the browser bundle small).
// Messages are catalogue keys, translated where they are shown.
import * as z from "zod/mini";

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

export function requiredText(max = 200) {
  return z.pipe(
    z.transform(emptyToUndefined),
    z.string({ error: "validation.required" }).check(z.maxLength(max, "validation.tooLong")),
  );
}

export function optionalText(max = 2000) {
  return z.pipe(
    z.transform(emptyToUndefined),
    z.optional(z.string({ error: "validation.invalidForm" }).check(z.maxLength(max, "validation.tooLong"))),
  );
}

export function email() {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value)),
    z
      .string({ error: "validation.required" })
      .check(z.minLength(1, "validation.required"), z.email("validation.email"), z.maxLength(200, "validation.tooLong")),
  );
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.pipe(z.transform(emptyToUndefined), z.enum(values, { error: "validation.invalidChoice" }));
}

/** Accepts one value or several (repeated form keys), always yields an array. */
export function arrayOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.transform((value: unknown) => (value === undefined || value === "" || value === false ? [] : Array.isArray(value) ? value : [value])),
    z.array(item),
  );
}

/** A checkbox: present ("on" or "true") means true. */
export function checkbox() {
  return z.pipe(
    z.transform((value: unknown) => value === "on" || value === "true" || value === true),
    z.boolean(),
  );
}

/** The `version` hidden field that detects concurrent edits. */
export function versionField() {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? Number(value) : value)),
    z.int({ error: "validation.invalidForm" }).check(z.positive("validation.invalidForm")),
  );
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "2019-08-15" or "15/08/2019" to "2019-08-15"; anything else stays as is (and fails). */
export function normaliseDay(value: string) {
  const french = FRENCH_DAY.exec(value);
  const iso = french ? `${french[3]}-${french[2]?.padStart(2, "0")}-${french[1]?.padStart(2, "0")}` : value;
  const parts = ISO_DAY.exec(iso);
  if (!parts) return value;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : value;
}

/** An optional calendar day, typed as JJ/MM/AAAA or picked (AAAA-MM-JJ); yields "AAAA-MM-JJ". */
export function optionalDay() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? normaliseDay(trimmed) : trimmed;
    }),
    z.optional(z.string().check(z.regex(ISO_DAY, "validation.date"))),
  );
}

export function requiredDay() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? normaliseDay(trimmed) : trimmed;
    }),
    z.string({ error: "validation.required" }).check(z.regex(ISO_DAY, "validation.date")),
  );
}

const SPACES = /[\s\u00a0\u202f]/g;

/** An optional whole amount in CFA francs: "1 500 000" is fine; negatives and decimals are not. */
export function optionalAmount() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      if (typeof trimmed !== "string") return trimmed;
      const compact = trimmed.replace(SPACES, "");
      return /^-?\d+$/.test(compact) ? Number(compact) : Number.NaN;
    }),
    z.optional(
      z
        .number({ error: "validation.amount" })
        .check(z.int("validation.amount"), z.gte(0, "validation.amountNegative"), z.lte(1e15, "validation.amount")),
    ),
  );
}

/** An optional decimal number; a comma works as the decimal mark ("12,5"). */
export function optionalDecimal() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      if (typeof trimmed !== "string") return trimmed;
      const normalised = trimmed.replace(SPACES, "").replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
    }),
    z.optional(z.number({ error: "validation.number" }).check(z.refine(Number.isFinite, "validation.number"))),
  );
}

/** A whole number within bounds, from a form string. */
export function intInRange(min: number, max: number, message = "validation.invalidChoice") {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? (/^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN) : trimmed;
    }),
    z.number({ error: message }).check(z.int(message), z.gte(min, message), z.lte(max, message)),
  );
}
