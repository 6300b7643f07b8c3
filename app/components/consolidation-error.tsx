import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/utils/i18n";

/**
 * The ErrorBoundary of the consolidation and merge pages. Their decision conflicts come back as
 * action data, so a thrown 409 means the plan cannot take new actions: say so rather than speak
 * of a concurrent edit.
 */
export function ConsolidationErrorPage() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 409) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-page__code">409</p>
        <h1 id="error-title">{t("workshops.consolidate.refusedTitle")}</h1>
        <p>{t("workshops.consolidate.planNotDraft")}</p>
        <p>
          <Link to="/workshops">{t("workshops.back")}</Link>
        </p>
      </section>
    );
  }
  return <ErrorPage />;
}
