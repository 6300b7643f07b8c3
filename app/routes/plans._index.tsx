import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { listPlans } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDate, useLang, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  return { plans: await listPlans(), canEdit: can(user, "plan:edit") };
}

export default function PlansRoute() {
  const { plans, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p className="lead">{t("plans.intro")}</p>
      {canEdit ? (
        <p>
          <Link to="/plans/new" className="button">
            {t("plans.new")}
          </Link>
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p>{t("plans.empty")}</p>
      ) : (
        <ul className="card-grid">
          {plans.map((plan) => (
            <li key={plan.id} className="card">
              <h2>
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </h2>
              <p>
                <PlanStatusBadge status={plan.status} /> · {t("plans.revision", { number: plan.revision })}
              </p>
              <p className="muted">
                {t("plans.periodValue", {
                  start: formatDate(lang, plan.startDate, { dateStyle: "medium" }),
                  end: formatDate(lang, plan.endDate, { dateStyle: "medium" }),
                })}
              </p>
              <p>
                {t("plans.actionsCount", { count: plan._count.actions })} · {t("plans.versionsCount", { count: plan._count.versions })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
