import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT, type MessageKey } from "~/utils/i18n";

const KNOWN: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "error.title", body: "error.400" },
  403: { title: "error.403.title", body: "error.403" },
  404: { title: "error.404.title", body: "error.404" },
  409: { title: "error.409.title", body: "error.409" },
};

/** Explains an error in plain words; used by every route's ErrorBoundary. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = KNOWN[status] ?? { title: "error.500.title", body: "error.500" };
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(text.title)}</h1>
      <p>{t(text.body)}</p>
      <p>
        <Link to="/">{t("error.back")}</Link>
      </p>
    </section>
  );
}
