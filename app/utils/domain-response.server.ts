// Where a DomainError becomes an HTTP answer: the only place that maps its category to a
// status. Not found and forbidden are thrown as responses (the route's ErrorBoundary says
// what happened); conflicts and invalid input come back as action data with the message
// beside the form, so nothing typed is lost.
import { data } from "@remix-run/node";
import { DomainError, type DomainErrorKind } from "~/utils/domain-error";

export const STATUS_OF = { notFound: 404, forbidden: 403, conflict: 409, invalid: 400 } as const satisfies Record<DomainErrorKind, number>;

const STATUS_TEXT = { notFound: "Not Found", forbidden: "Forbidden", conflict: "Conflict", invalid: "Bad Request" } as const;

/** Throws the response a not-found or forbidden DomainError means. */
function throwIfPageError(error: DomainError) {
  if (error.kind === "notFound" || error.kind === "forbidden") {
    throw new Response(STATUS_TEXT[error.kind], { status: STATUS_OF[error.kind], statusText: STATUS_TEXT[error.kind] });
  }
}

/**
 * Runs a loader's or an action's work; a DomainError it throws becomes the matching
 * response. `refusal` shapes the body of a conflict or invalid-input answer (the form's
 * values, its intent...); its `errors.form` (or the error's field) carries the message key.
 */
export async function handleDomainErrors<T, B extends object>(
  work: () => Promise<T>,
  refusal: (error: DomainError) => B | Promise<B>,
) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throwIfPageError(error);
    const body = await refusal(error);
    const errors = error.fieldErrors ?? { [error.field ?? "form"]: error.messageKey };
    return data({ ...body, errors }, { status: STATUS_OF[error.kind] });
  }
}

/** For loaders: a DomainError is always thrown as a response (a page has no form to answer beside). */
export async function loadOrRespond<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throwIfPageError(error);
    throw new Response(STATUS_TEXT[error.kind], { status: STATUS_OF[error.kind], statusText: STATUS_TEXT[error.kind] });
  }
}
