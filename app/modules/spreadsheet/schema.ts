// The rows read from a workbook, as the preview hands them to the confirm form (a hidden
// JSON field). Only their shape is checked here: on confirm every row is validated again,
// exactly as on upload, so a tampered field can do no more than a crafted workbook.
import * as z from "zod/mini";
import { plainString } from "~/utils/validation";
import { MAX_ROWS } from "./layout";

const RawRowSchema = z.object({
  /** The row's number in Excel (the header is row 1). */
  row: z.int().check(z.gte(2), z.lte(1_048_576)),
  /** Cell text by column key; unknown keys are ignored by the validation. */
  cells: z.record(plainString(40), plainString(10_000)),
});

export const RawImportSchema = z.object({
  fileName: plainString(255),
  actions: z.array(RawRowSchema).check(z.minLength(1), z.maxLength(MAX_ROWS)),
  indicators: z.array(RawRowSchema).check(z.maxLength(MAX_ROWS)),
});

export type RawRow = z.infer<typeof RawRowSchema>;
export type RawImport = z.infer<typeof RawImportSchema>;

/** The hidden field's rows, or null when it is missing or malformed. */
export function parseRawImport(value: FormDataEntryValue | null): RawImport | null {
  if (typeof value !== "string" || value.length > 20_000_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const result = RawImportSchema.safeParse(json);
  return result.success ? result.data : null;
}
