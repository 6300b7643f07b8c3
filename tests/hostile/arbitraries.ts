// Hostile form values for property-based tests: what a fuzzer, a tampered hidden field or a
// pasted document sends. Shared by the schema and the action sweeps.
import fc from "fast-check";

const CONTROL = ["\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f"];

/** Text with a control character (NUL above all: PostgreSQL refuses it) somewhere in it. */
export const withControlCharacter = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 20 }))
  .map(([before, control, after]) => `${before}${control}${after}`);

/** Days that look like dates but are not on the calendar, or not in a year anyone plans for. */
export const impossibleDay = fc.constantFrom(
  "2024-13-45",
  "0000-00-00",
  "2023-02-29",
  "2024-04-31",
  "9999-12-31",
  "0001-01-01",
  "31/02/2024",
  "45/13/2024",
  "00/00/0000",
);

/** Numbers beyond what the columns hold, or not numbers at all. */
export const hostileNumber = fc.oneof(
  fc.constantFrom("999999999999", "2147483648", "-2147483649", "1e309", "-1", "0", "NaN", "Infinity", "0x10", "1.5", "٣"),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
);

export const hugeText = fc.integer({ min: 10_000, max: 12_000 }).map((length) => "é".repeat(length));

export const anyString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }));

export const anyPrintable = fc.string({ maxLength: 60 }).filter((value) => ![...value].some((char) => char < " " || char === "\u007f"));

/** One value for one form field: a hostile string, or the field repeated (duplicated keys). */
export const hostileValue = fc.oneof(
  withControlCharacter,
  impossibleDay,
  hostileNumber,
  hugeText,
  anyString,
  fc.array(fc.oneof(withControlCharacter, hostileNumber, anyString), { minLength: 2, maxLength: 3 }),
);

export const hostileIntent = fc.oneof(fc.constantFrom("", "__proto__", "constructor", "delete", "toString"), anyString, withControlCharacter);
