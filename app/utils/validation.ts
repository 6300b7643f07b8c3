// Building blocks for form schemas (zod mini keeps the browser bundle small).
// Messages are catalogue keys, translated where they are shown.
import * as z from "zod/mini";

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

/** The largest value of a PostgreSQL `integer` column (versions, positions, numbers). */
export const INT4_MAX = 2_147_483_647;

/** A whole number a PostgreSQL `integer` column can hold: for URL parameters and hidden fields. */
export function isInt4(value: number) {
  return Number.isInteger(value) && value >= -INT4_MAX - 1 && value <= INT4_MAX;
}

// PostgreSQL refuses NUL in text, and no form has a use for the other control characters
// (tab and line breaks aside): refused with a message rather than a 500 from the database.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasNoControlCharacters(value: string) {
  return !CONTROL_CHARACTERS.test(value);
}

/**
 * Any text a form sends, however it is then checked (ids, codes, free text): at most `max`
 * characters and no control characters. Every string field of every schema is built on it.
 */
export function plainString(max: number, error = "validation.invalidForm") {
  return z
    .string({ error })
    .check(z.maxLength(max, "validation.tooLong"), z.refine(hasNoControlCharacters, "validation.invalidCharacters"));
}

export function requiredText(max = 200) {
  return z.pipe(z.transform(emptyToUndefined), plainString(max, "validation.required"));
}

export function optionalText(max = 2000) {
  return z.pipe(z.transform(emptyToUndefined), z.optional(plainString(max)));
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
    z.int({ error: "validation.invalidForm" }).check(z.positive("validation.invalidForm"), z.lte(INT4_MAX, "validation.invalidForm")),
  );
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Years a plan, workshop or period can sensibly fall in; PostgreSQL and JavaScript agree on them. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** A real day of the calendar as "AAAA-MM-JJ" ("2024-13-45" and "0000-00-00" are not). */
export function isCalendarDay(value: string) {
  const parts = ISO_DAY.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "2019-08-15" or "15/08/2019" to "2019-08-15"; anything else stays as is (and fails). */
export function normaliseDay(value: string) {
  const french = FRENCH_DAY.exec(value);
  const iso = french ? `${french[3]}-${french[2]?.padStart(2, "0")}-${french[1]?.padStart(2, "0")}` : value;
  return isCalendarDay(iso) ? iso : value;
}

/** An instant sent back by a form (an `updatedAt` as loaded); PostgreSQL only takes years it can store. */
export function loadedTimestamp() {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "string" && value !== "" ? new Date(value) : value)),
    z.date({ error: "validation.invalidForm" }).check(
      z.refine((date) => {
        const year = date.getUTCFullYear();
        return !Number.isNaN(date.getTime()) && year >= FIRST_YEAR && year <= LAST_YEAR;
      }, "validation.invalidForm"),
    ),
  );
}

const calendarDay = () => z.string({ error: "validation.required" }).check(z.refine(isCalendarDay, "validation.date"));

/** An optional calendar day, typed as JJ/MM/AAAA or picked (AAAA-MM-JJ); yields "AAAA-MM-JJ". */
export function optionalDay() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? normaliseDay(trimmed) : trimmed;
    }),
    z.optional(calendarDay()),
  );
}

export function requiredDay() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? normaliseDay(trimmed) : trimmed;
    }),
    calendarDay(),
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
