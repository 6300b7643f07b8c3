// The choices of the voluntary review report: which periods, which cut-off day, which language.
// Read from the query string (GET form), so the page and its downloads share one address.
import * as z from "zod/mini";
import { optionalDay } from "~/utils/validation";

const optionalId = () =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined)),
    z.optional(z.string().check(z.maxLength(60, "validation.invalidChoice"))),
  );

export const ReportOptionsSchema = z.object({
  from: optionalId(),
  to: optionalId(),
  cutoff: optionalDay(),
  lang: z.pipe(
    z.transform((value: unknown) => (value === "" ? undefined : value)),
    z.optional(z.enum(["fr", "en"], { error: "validation.invalidChoice" })),
  ),
});
export type ReportOptionsInput = z.output<typeof ReportOptionsSchema>;

/** The query string of the report's options, for the download links (empty values left out). */
export function reportQuery(options: { from?: string; to?: string; cutoff?: string; lang?: string }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}
