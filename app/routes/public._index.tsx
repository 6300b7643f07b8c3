import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { listPublicPlans, requirePortalOpen } from "~/modules/portal/portal.server";
import dashboardStyles from "~/styles/dashboard.css";
import { formatDate, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { loadOrRespond } from "~/utils/domain-response.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "portal.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader(_: LoaderFunctionArgs) {
  return loadOrRespond(async () => {
    await requirePortalOpen();
    return { plans: await listPublicPlans() };
  });
}

export default function PortalHomeRoute() {
  const { plans } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <div className="portal">
      <h1>{t("portal.title")}</h1>
      <p className="lead">{t("portal.intro")}</p>
      {plans.length === 0 ? (
        <p>{t("portal.noPlan")}</p>
      ) : (
        <ul className="portal-plans">
          {plans.map((plan) => (
            <li key={plan.id} className="card">
              <h2>
                <Link to={`/public/plans/${plan.id}`}>{plan.title}</Link>
              </h2>
              <p className="muted">
                {t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })} ·{" "}
                {t("reviewReport.versionValue", { number: plan.version.number, date: formatDate(lang, plan.version.adoptedAt) })}
              </p>
              <ul className="portal-links">
                <li>
                  <Link to={`/public/plans/${plan.id}`}>{t("portal.objectives")}</Link>
                </li>
                <li>
                  <Link to={`/public/plans/${plan.id}/indicators`}>{t("portal.indicators")}</Link>
                </li>
                <li>
                  <Link to={`/public/plans/${plan.id}/review-report`}>{t("portal.reviewReport")}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
