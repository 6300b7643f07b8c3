// The one error a module throws when a rule refuses something. It knows nothing of HTTP: a
// reason (for code and tests), a category (what kind of refusal it is) and the message key
// that says it in French or English. Routes turn it into a response in one place
// (domain-response.server.ts).
import type { MessageKey } from "~/utils/i18n";

/**
 * `notFound`: the record does not exist (or is not visible to this user).
 * `forbidden`: the user's role or organisation does not allow it.
 * `conflict`: the record's state or version does not allow it now.
 * `invalid`: the input breaks a rule the form schema could not check alone.
 */
export type DomainErrorKind = "notFound" | "forbidden" | "conflict" | "invalid";

const DEFAULT_MESSAGES = {
  notFound: "error.404",
  forbidden: "error.403",
  conflict: "error.409",
  invalid: "error.400",
} as const satisfies Record<DomainErrorKind, MessageKey>;

export class DomainError<Reason extends string = string, Details = unknown> extends Error {
  readonly reason: Reason;
  readonly kind: DomainErrorKind;
  readonly messageKey: MessageKey;
  /** The form field the refusal is about, when there is one. */
  readonly field: string | undefined;
  /** Several fields refused at once: catalogue keys by field name. */
  readonly fieldErrors: Record<string, string> | undefined;
  /** What else the caller needs to explain the refusal (the rows of a refused import...). */
  readonly details: Details | undefined;

  constructor(
    kind: DomainErrorKind,
    reason: Reason,
    options: { messageKey?: MessageKey; field?: string; fieldErrors?: Record<string, string>; details?: Details } = {},
  ) {
    super(reason);
    this.name = "DomainError";
    this.kind = kind;
    this.reason = reason;
    this.messageKey = options.messageKey ?? DEFAULT_MESSAGES[kind];
    this.field = options.field;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
}

export function notFoundError(reason = "notFound") {
  return new DomainError("notFound", reason);
}

export function forbiddenError(reason = "forbidden") {
  return new DomainError("forbidden", reason);
}

export function conflictError<Reason extends string>(reason: Reason, messageKey: MessageKey) {
  return new DomainError("conflict", reason, { messageKey });
}

/** Input refused by a rule the schema could not check alone: catalogue keys by field name. */
export function invalidFields<Reason extends string = "invalid">(fieldErrors: Record<string, string>, reason = "invalid" as Reason) {
  return new DomainError("invalid", reason, { fieldErrors });
}

export function isDomainError(error: unknown, reason?: string): error is DomainError {
  return error instanceof DomainError && (reason === undefined || error.reason === reason);
}
