import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT, type MessageKey } from "~/utils/i18n";

/** What an error page says, and where it sends the reader back to (the home page unless said). */
export type ErrorExplanation = { title: MessageKey; body: MessageKey; back?: { to: string; label: MessageKey } };

const KNOWN: Record<number, ErrorExplanation> = {
  400: { title: "error.title", body: "error.400" },
  403: { title: "error.403.title", body: "error.403" },
  404: { title: "error.404.title", body: "error.404" },
  409: { title: "error.409.title", body: "error.409" },
  503: { title: "error.503.title", body: "error.503" },
};

/**
 * A 409 on the pages that change a plan's content. Their edit conflicts come back as action
 * data, so a thrown 409 can only be requireDraftPlan's: the plan is no longer a draft.
 */
export const PLAN_NOT_DRAFT: ErrorExplanation = { title: "actions.notDraftTitle", body: "actions.readOnlyAdopted" };

/**
 * A 409 on the consolidation and merge pages. Their decision conflicts come back as action
 * data, so a thrown 409 means the plan cannot take new actions: say so rather than speak of a
 * concurrent edit.
 */
export const CONSOLIDATION_PLAN_NOT_DRAFT: ErrorExplanation = {
  title: "workshops.consolidate.refusedTitle",
  body: "workshops.consolidate.planNotDraft",
  back: { to: "/workshops", label: "workshops.back" },
};

/**
 * Explains an error in plain words; used by every route's ErrorBoundary. `conflict` is what a
 * 409 means on the page, where that is more precise than "someone else changed it".
 */
export function ErrorPage({ conflict }: { conflict?: ErrorExplanation }) {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = (status === 409 ? conflict : undefined) ?? KNOWN[status] ?? { title: "error.500.title", body: "error.500" };
  const back = text.back ?? { to: "/", label: "error.back" };
  // A 503 is the database being out of reach, already explained on the page: not a bug.
  if (status >= 500 && status !== 503 && typeof document !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(text.title)}</h1>
      <p>{t(text.body)}</p>
      <p>
        <Link to={back.to}>{t(back.label)}</Link>
      </p>
    </section>
  );
}
