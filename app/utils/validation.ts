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
