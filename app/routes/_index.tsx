import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { syncDeadlineNotifications } from "~/modules/notifications/notifications.server";
import { getHomeTodo } from "~/modules/home/home.server";
import { countObjectivesWithoutAction } from "~/modules/objectives/objectives.server";
import { URGENCIES } from "~/modules/reporting/due";
import { listFocalPointWork } from "~/modules/reporting/reports.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, useLang, useT, type MessageKey } from "~/utils/i18n";
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
  const [coverage, work, todo] = await Promise.all([
    countObjectivesWithoutAction(),
    user.role === "FOCAL_POINT" && user.organisationId ? listFocalPointWork(user.organisationId) : null,
    // No scheduler: reminders of due and late reports are worked out when the focal point looks.
    getHomeTodo(user),
    syncDeadlineNotifications(user),
  ]);
  return {
    user: { name: user.name, role: user.role, organisation: user.organisation },
    coverage: { actionCount: coverage.actionCount, withoutAction: coverage.withoutAction, planTitle: coverage.plan?.title ?? null },
    reportCounts: work?.counts ?? null,
    review: todo.review,
    drafting: todo.drafting,
  };
}

export default function HomeRoute() {
  const { user, coverage, reportCounts, review, drafting } = useLoaderData<typeof loader>();
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
      {reportCounts ? (
        <section aria-labelledby="own-reports">
          <h2 id="own-reports">{t("myActions.homeTitle")}</h2>
          {URGENCIES.some((urgency) => reportCounts[urgency] > 0) ? (
            <ul className="card-grid">
              {URGENCIES.filter((urgency) => reportCounts[urgency] > 0).map((urgency) => (
                <li key={urgency} className="card">
                  <span className="stat">{reportCounts[urgency]}</span> {t(`myActions.count.${urgency}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("myActions.homeNothing")}</p>
          )}
          <p>
            <Link to="/my-actions" className="button">
              {t("myActions.homeLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {review ? (
        <section aria-labelledby="review-todo">
          <h2 id="review-todo">{t("home.review.title")}</h2>
          <p>{review.count ? t("home.review.count", { count: review.count }) : t("home.review.none")}</p>
          {review.oldest.length ? (
            <ul className="action-list">
              {review.oldest.map((report) => (
                <li key={report.id}>
                  <Link to={`/reviews/${report.id}`}>
                    <strong>{report.action.code}</strong> {report.action.title}
                  </Link>{" "}
                  <span className="muted">
                    · {report.organisation.acronym} · {report.period.label}
                    {report.submittedAt ? ` · ${t("home.review.submittedOn", { date: formatDate(lang, report.submittedAt, { dateStyle: "medium" }) })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to="/reviews" className="button">
              {t("home.review.open")}
            </Link>
          </p>
        </section>
      ) : null}
      {drafting ? (
        <section aria-labelledby="drafting-todo">
          <h2 id="drafting-todo">{t("home.drafting.title")}</h2>
          <h3>{t("home.drafting.drafts")}</h3>
          {drafting.drafts.length ? (
            <ul className="action-list">
              {drafting.drafts.map((plan) => (
                <li key={plan.id}>
                  <Link to={`/plans/${plan.id}`}>{plan.title}</Link> <span className="muted">· {t("plans.actionsCount", { count: plan.actionCount })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("home.drafting.noDraft")}</p>
          )}
          {drafting.workshops.length ? (
            <>
              <h3>{t("home.drafting.pending")}</h3>
              <ul className="action-list">
                {drafting.workshops.map((workshop) => (
                  <li key={workshop.id}>
                    <Link to={`/workshops/${workshop.id}/consolidate`}>{workshop.title}</Link>{" "}
                    <span className="muted">· {t("home.drafting.pendingCount", { count: workshop.pending })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {drafting.currentPlan ? (
            <>
              <h3>{t("home.drafting.gaps", { count: drafting.objectivesWithoutAction.length })}</h3>
              {drafting.objectivesWithoutAction.length ? (
                <ul className="tags">
                  {drafting.objectivesWithoutAction.map((number) => (
                    <li key={number} className="tag">
                      <Link to={`/objectives/${number}`}>{t("objectives.number", { number })}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("home.drafting.noGap")}</p>
              )}
            </>
          ) : null}
        </section>
      ) : null}
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
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
