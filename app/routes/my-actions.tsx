// "Mes actions": a focal point's to-do. The reports their organisation owes, most urgent
// first; the partners' reports they may contribute to; and all their organisation's actions.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ReviewStateBadge, UrgencyBadge } from "~/components/report-badges";
import { StatusBadge } from "~/components/status-badge";
import { listOrganisationActions } from "~/modules/actions/actions.server";
import { daysBetween, URGENCIES, type Urgency } from "~/modules/reporting/due";
import { listFocalPointWork, listPartnerReports } from "~/modules/reporting/reports.server";
import actionsStyles from "~/styles/actions.css";
import reportingStyles from "~/styles/reporting.css";
import { requireUserWith } from "~/utils/auth.server";
import { formatDate, formatPercent, useLang, useT, type MessageKey } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: actionsStyles },
  { rel: "stylesheet", href: reportingStyles },
];

export const meta: MetaFunction = () => [{ title: "Mes actions – Pacte" }];

const NOTICES = { periodClosed: "myActions.periodClosed" } satisfies Record<string, MessageKey>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:edit");
  const organisationId = user.organisationId ?? "";
  const now = new Date();
  const [work, partnerReports, actions] = await Promise.all([
    listFocalPointWork(organisationId, now),
    listPartnerReports(organisationId),
    listOrganisationActions(organisationId),
  ]);
  const search = new URL(request.url).searchParams;
  const notice = search.get("notice");
  return {
    organisation: user.organisation,
    today: now.toISOString().slice(0, 10),
    work,
    partnerReports,
    actions,
    notice: Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null,
    /** A notice's link points at one period ("?period=…#action-…"): its items are highlighted. */
    focusPeriodId: search.get("period"),
  };
}

const OPEN_LABELS = {
  changesRequested: "myActions.open.changesRequested",
  late: "myActions.open.draft",
  due: "myActions.open.draft",
  draft: "myActions.open.draft",
  submitted: "myActions.open.view",
  approved: "myActions.open.view",
} satisfies Record<Urgency, MessageKey>;

export default function MyActionsRoute() {
  const { organisation, today, work, partnerReports, actions, notice, focusPeriodId } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const waiting = work.counts.changesRequested + work.counts.late + work.counts.due + work.counts.draft;
  // "#action-<id>" anchors: on the focused period's item, else on the action's most urgent one.
  const anchored = new Set<string>();
  const anchorFor = (item: (typeof work.items)[number]) => {
    if (focusPeriodId ? item.period.id !== focusPeriodId : anchored.has(item.action.id)) return undefined;
    anchored.add(item.action.id);
    return `action-${item.action.id}`;
  };

  return (
    <>
      <h1>{t("myActions.title")}</h1>
      <p className="lead">{t("myActions.intro", { organisation: organisation?.acronym ?? "" })}</p>
      {notice ? (
        <p className="notice notice--warning" role="status">
          {t(notice)}
        </p>
      ) : null}

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t("myActions.reports")}</h2>
        {work.items.length ? (
          <>
            <ul className="work-counts" aria-label={t("myActions.summary")}>
              {URGENCIES.filter((urgency) => work.counts[urgency] > 0).map((urgency) => (
                <li key={urgency} className={`work-counts__item work-counts__item--${urgency}`}>
                  <strong>{work.counts[urgency]}</strong> {t(`myActions.count.${urgency}`)}
                </li>
              ))}
            </ul>
            {waiting === 0 ? <p>{t("myActions.nothingWaiting")}</p> : null}
            <ol className="work-list">
              {work.items.map((item) => {
                const days = daysBetween(today, item.period.dueDate);
                return (
                  <li
                    key={`${item.action.id}:${item.period.id}`}
                    id={anchorFor(item)}
                    className={`work-item work-item--${item.urgency}${item.period.id === focusPeriodId ? " work-item--focus" : ""}`}
                  >
                    <div className="work-item__body">
                      <p className="work-item__badges">
                        <UrgencyBadge urgency={item.urgency} />
                        {item.report && item.urgency === "late" ? <ReviewStateBadge state={item.report.reviewState} /> : null}
                      </p>
                      <h3 className="work-item__title">
                        <span className="muted">{item.action.code}</span> {item.action.title}
                      </h3>
                      <p className="work-item__meta">
                        {item.period.label} ·{" "}
                        {item.urgency === "submitted" || item.urgency === "approved"
                          ? t("reports.dueOn", { date: formatDate(lang, item.period.dueDate) })
                          : days < 0
                            ? t("myActions.lateBy", { days: -days, date: formatDate(lang, item.period.dueDate) })
                            : days === 0
                              ? t("myActions.dueToday")
                              : t("myActions.dueIn", { days, date: formatDate(lang, item.period.dueDate) })}
                        {item.period.status === "CLOSED" ? ` · ${t("myActions.periodIsClosed")}` : ""}
                      </p>
                    </div>
                    <div className="work-item__action">
                      {item.report ? (
                        <Link to={`/reports/${item.report.id}`} className={item.urgency === "submitted" || item.urgency === "approved" ? "button button--secondary" : "button"}>
                          {t(OPEN_LABELS[item.urgency])}
                          <span className="visually-hidden"> – {item.action.code}</span>
                        </Link>
                      ) : (
                        <Form method="post" action="/reports/new" className="inline-form">
                          <input type="hidden" name="actionId" value={item.action.id} />
                          <input type="hidden" name="periodId" value={item.period.id} />
                          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                            {t("myActions.start")}
                            <span className="visually-hidden"> – {item.action.code}</span>
                          </button>
                        </Form>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        ) : (
          <p>{t("myActions.noReport")}</p>
        )}
      </section>

      {partnerReports.length ? (
        <section aria-labelledby="partner-title">
          <h2 id="partner-title">{t("myActions.partnerReports")}</h2>
          <p className="muted">{t("myActions.partnerHelp")}</p>
          <ul className="action-list">
            {partnerReports.map((report) => (
              <li key={report.id}>
                <Link to={`/reports/${report.id}`}>
                  <strong>{report.action.code}</strong> {report.action.title}
                </Link>{" "}
                <span className="muted">
                  · {report.period.label} · {t("myActions.ledBy", { organisation: report.organisation.acronym })}
                  {report._count.contributions ? ` · ${t("myActions.contributed", { count: report._count.contributions })}` : ""}
                </span>{" "}
                <ReviewStateBadge state={report.reviewState} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="own-actions">
        <h2 id="own-actions">{t("home.ownActions")}</h2>
        {actions.length === 0 ? (
          <p>{t("objectives.noAction")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("objectives.code")}</th>
                  <th scope="col">{t("objectives.action")}</th>
                  <th scope="col">{t("objectives.status")}</th>
                  <th scope="col" className="num">
                    {t("objectives.progress")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {actions.map((action) => (
                  <tr key={action.id}>
                    <td>{action.code}</td>
                    <td>
                      <Link to={`/actions/${action.id}`}>{action.title}</Link>
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
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
