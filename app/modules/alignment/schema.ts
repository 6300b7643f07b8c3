import * as z from "zod/mini";
import { arrayOf, plainString, requiredText } from "~/utils/validation";

/** One checked cell of the matrix: "<objective number>:<axis id>". */
export const CELL_PATTERN = /^([1-9]|1\d|2[0-3]):[a-z0-9]{1,40}$/;

export const AlignmentSchema = z.object({
  frameworkId: requiredText(40),
  /** The matrix as the editor saw it, to detect a concurrent save. */
  fingerprint: requiredText(100),
  cells: arrayOf(z.string().check(z.regex(CELL_PATTERN, "validation.alignmentUnknownCell"))),
  /** The checked cells as the editor loaded them, comma-separated: lets a conflict be merged. */
  base: z.optional(plainString(20_000)),
});
export type AlignmentInput = z.output<typeof AlignmentSchema>;

export function cellKey(objectiveNumber: number, axisId: string) {
  return `${objectiveNumber}:${axisId}`;
}
