import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { countObjectivesWithoutAction } from "~/modules/objectives/objectives.server";
import { listOrganisationActions } from "~/modules/actions/actions.server";
import { requireUser } from "~/utils/auth.server";
import { formatPercent, useLang, useT, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");

const TODO_BY_ROLE: Record<string, MessageKey> = {
  ADMIN: "home.admin.todo",
  FACILITATOR: "home.facilitator.todo",
  FOCAL_POINT: "home.focalPoint.todo",
  REVIEWER: "home.reviewer.todo",
  OBSERVER: "home.observer.todo",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [coverage, ownActions] = await Promise.all([
    countObjectivesWithoutAction(),
    user.role === "FOCAL_POINT" && user.organisationId ? listOrganisationActions(user.organisationId) : [],
  ]);
  return {
    user: { name: user.name, role: user.role, organisation: user.organisation },
    coverage: { actionCount: coverage.actionCount, withoutAction: coverage.withoutAction, planTitle: coverage.plan?.title ?? null },
    ownActions,
  };
}

export default function HomeRoute() {
  const { user, coverage, ownActions } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const todo = TODO_BY_ROLE[user.role] ?? "home.observer.todo";
  return (
    <>
      <h1>{t("home.title", { name: user.name })}</h1>
      <p className="lead">{t("home.intro")}</p>
      <section aria-labelledby="todo-title" className="todo">
        <h2 id="todo-title">{t("home.todo")}</h2>
        <p>{t(todo, { organisation: user.organisation?.name ?? "" })}</p>
      </section>
      <ul className="card-grid" aria-label={coverage.planTitle ?? undefined}>
        <li className="card">
          <span className="stat">23</span> {t("home.stats.objectives")}
        </li>
        <li className="card">
          <span className="stat">{coverage.actionCount}</span> {t("home.stats.actions")}
        </li>
        <li className="card">
          <span className="stat">{coverage.withoutAction}</span> {t("home.stats.gaps")}
        </li>
      </ul>
      {user.role === "FOCAL_POINT" ? (
        <section aria-labelledby="own-actions">
          <h2 id="own-actions">{t("home.ownActions")}</h2>
          {ownActions.length === 0 ? (
            <p>{t("objectives.noAction")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("objectives.code")}</th>
                    <th scope="col">{t("objectives.action")}</th>
                    <th scope="col">{t("objectives.status")}</th>
                    <th scope="col" className="num">{t("objectives.progress")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ownActions.map((action) => (
                    <tr key={action.id}>
                      <td>{action.code}</td>
                      <td>
                        <Link to={`/objectives/${action.mainObjectiveNumber}`}>{action.title}</Link>
                      </td>
                      <td>
                        <StatusBadge status={action.status} />
                      </td>
                      <td className="num">{formatPercent(lang, action.progress)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
