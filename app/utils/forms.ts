// Form parsing shared by browser and server: FormData in, typed data or field errors out.
import type * as z from "zod/mini";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

/** FormData as a plain object; a key sent several times (checkboxes) becomes an array. */
export function formDataToObject(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = raw;
    else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return values;
}

/** First message per field, keyed by dotted path ("indicators.0.name"); form-wide errors under "form". */
export function fieldErrorsFrom(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export type ParsedForm<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

export function parseForm<S extends z.ZodMiniType>(schema: S, formData: FormData): ParsedForm<z.infer<S>> {
  const values = formDataToObject(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrorsFrom(result.error), values };
}

/** A record id (cuid) posted by a form, or null when the field is missing or of another shape. */
export function formRecordId(formData: FormData, name: string) {
  const value = formData.get(name);
  return typeof value === "string" && /^[a-z0-9]{1,40}$/.test(value) ? value : null;
}
