import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { getObjective } from "~/modules/objectives/objectives.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatPercent, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "objectives.number", { number: data.objective.number }) : pageTitle(matches, "error.404.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const number = Number(params.number);
  if (!Number.isInteger(number) || number < 1 || number > 23) notFound();
  const found = await getObjective(number);
  if (!found) notFound();
  return { ...found, viewerOrganisationId: user.organisationId };
}

export default function ObjectiveRoute() {
  const { objective, actions, plan, viewerOrganisationId } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p>
        <Link to="/objectives">← {t("objectives.back")}</Link>
      </p>
      <h1>
        {t("objectives.number", { number: objective.number })} –{" "}
        {lang === "en" ? objective.titleEn : objective.titleFr}
      </h1>
      <h2>{t("objectives.axes")}</h2>
      {objective.axes.length ? (
        <ul>
          {objective.axes.map((axis) => (
            <li key={axis.id}>
              <strong>{t("axis.label", { number: axis.number })}</strong> : {lang === "en" ? axis.titleEn : axis.titleFr}
              {axis.note ? <span className="muted"> – {axis.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("objectives.noAxis")}</p>
      )}
      <h2>{t("objectives.actions")}</h2>
      {plan ? (
        <p className="muted">
          {t("objectives.plan")} : {plan.title}
        </p>
      ) : null}
      {actions.length === 0 ? (
        <p>{t("objectives.noAction")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("objectives.code")}</th>
                <th scope="col">{t("objectives.action")}</th>
                <th scope="col">{t("objectives.lead")}</th>
                <th scope="col">{t("objectives.status")}</th>
                <th scope="col" className="num">{t("objectives.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => {
                const own = viewerOrganisationId !== null && action.leadOrganisation.id === viewerOrganisationId;
                return (
                  <tr key={action.id} className={own ? "highlight" : undefined}>
                    <td>{action.code}</td>
                    <td>
                      {action.title}
                      {own ? (
                        <>
                          {" "}
                          <span className="tag">{t("objectives.yourOrganisation")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <abbr title={action.leadOrganisation.name}>{action.leadOrganisation.acronym}</abbr>
                    </td>
                    <td>
                      <StatusBadge status={action.status} />
                    </td>
                    <td className="num">{formatPercent(lang, action.progress)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
