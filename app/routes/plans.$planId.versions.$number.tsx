import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { getPlan, getVersion } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { isInt4 } from "~/utils/validation";
import { formatDate, formatNumber, formatXof, useLang, useT } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Version ${data.version.number} – ${data.plan.title} – Pacte` : "Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  const number = Number(params.number);
  if (!plan || !isInt4(number)) notFound();
  const version = await getVersion(plan.id, number);
  if (!version) notFound();
  return { plan: { id: plan.id, title: plan.title }, version };
}

export default function PlanVersionRoute() {
  const { plan, version } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const value = (number: number | null, unit: string | null) =>
    number === null ? "—" : `${formatNumber(lang, number)}${unit ? ` ${unit}` : ""}`;
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>← {t("plans.back")}</Link>
      </p>
      <h1>{t("plans.versionTitle", { plan: plan.title, number: version.number })}</h1>
      <p className="muted">
        {t("plans.versionAdopted", { date: formatDate(lang, version.adoptedAt), name: version.adoptedBy?.name ?? "—" })}
      </p>
      {version.note ? <p>{version.note}</p> : null}
      <p>
        <Link to={`/plans/${plan.id}/diff?from=${version.number}&to=current`}>{t("plans.compareWithCurrent")}</Link>
      </p>
      <p>{t("plans.actionsCount", { count: version.snapshot.actions.length })}</p>
      {version.snapshot.actions.map((action) => (
        <article key={action.code} className="card version-action">
          <h2>
            {action.code} – {action.title}
          </h2>
          <p className="muted">
            {t("objectives.number", { number: action.mainObjectiveNumber })} · {t("plans.lead")} : {action.leadOrganisation}
            {action.partners?.length ? ` · ${t("field.partners")} : ${action.partners.join(", ")}` : ""}
          </p>
          {action.estimatedBudget !== null && action.estimatedBudget !== undefined ? (
            <p>
              {t("field.estimatedBudget")} : {formatXof(lang, action.estimatedBudget)}
              {action.securedFunding !== null && action.securedFunding !== undefined
                ? ` · ${t("field.securedFunding")} : ${formatXof(lang, action.securedFunding)}`
                : ""}
            </p>
          ) : null}
          {action.indicators?.length ? (
            <ul>
              {action.indicators.map((indicator) => (
                <li key={indicator.name}>
                  {indicator.name} : {value(indicator.baselineValue, indicator.unit)} → {value(indicator.targetValue, indicator.unit)}
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
