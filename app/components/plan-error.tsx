import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/utils/i18n";

/**
 * The ErrorBoundary of pages that change a plan's content. Their edit conflicts come back as
 * action data, so a thrown 409 can only be requireDraftPlan's: the plan is no longer a draft.
 */
export function PlanErrorPage() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 409) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-page__code">409</p>
        <h1 id="error-title">{t("actions.notDraftTitle")}</h1>
        <p>{t("actions.readOnlyAdopted")}</p>
        <p>
          <Link to="/">{t("error.back")}</Link>
        </p>
      </section>
    );
  }
  return <ErrorPage />;
}
