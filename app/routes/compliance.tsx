import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { getCompliance, listCompliancePlans, type ComplianceCounts } from "~/modules/compliance/compliance.server";
import reviewsStyles from "~/styles/reviews.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, useLang, useT, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "compliance.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "compliance:read");
  const params = new URL(request.url).searchParams;
  const planId = params.get("plan")?.trim() || undefined;
  const periodId = params.get("period")?.trim() || undefined;
  const [compliance, plans] = await Promise.all([getCompliance({ planId, periodId }), listCompliancePlans()]);
  if (planId && !compliance) notFound();
  return { compliance, plans, filters: { plan: compliance?.plan.id ?? "", period: periodId ?? "" }, canReview: can(user, "report:review") };
}

const COLUMNS = [
  { key: "due", label: "compliance.due" },
  { key: "onTime", label: "compliance.onTime" },
  { key: "late", label: "compliance.late" },
  { key: "missing", label: "compliance.missing" },
  { key: "pending", label: "compliance.pending" },
  { key: "approved", label: "compliance.approved" },
] as const satisfies readonly { key: keyof ComplianceCounts; label: MessageKey }[];

function Count({ name, value }: { name: keyof ComplianceCounts; value: number }) {
  // Missing and late reports need attention: marked with a sign as well as a colour.
  const bad = (name === "missing" || name === "late") && value > 0;
  return <td className={bad ? "num count--bad" : "num"}>{value}</td>;
}

export default function ComplianceRoute() {
  const { compliance, plans, filters, canReview } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();

  return (
    <>
      <h1>{t("compliance.title")}</h1>
      <p className="lead">{t("compliance.intro")}</p>

      <Form method="get" className="filters" role="search" aria-label={t("compliance.filters")}>
        <Field name="plan" label={t("compliance.plan")}>
          {(control) => (
            <select name="plan" defaultValue={filters.plan} {...control}>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="period" label={t("compliance.period")}>
          {(control) => (
            <select name="period" defaultValue={filters.period} {...control}>
              <option value="">{t("compliance.allPeriods")}</option>
              {compliance?.periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("compliance.show")}
          </button>
        </div>
      </Form>

      {!compliance || compliance.byPeriod.length === 0 ? (
        <p>{t("compliance.noPeriod")}</p>
      ) : (
        <>
          <p className="muted">{t("compliance.rule")}</p>
          <section aria-labelledby="totals">
            <h2 id="totals">{t("compliance.totals")}</h2>
            <ul className="card-grid">
              {COLUMNS.map((column) => (
                <li key={column.key} className="card">
                  <span className="stat">{compliance.total[column.key]}</span> {t(column.label)}
                </li>
              ))}
            </ul>
          </section>

          {compliance.byPeriod.map(({ period, rows, totals }) => (
            <section key={period.id} aria-labelledby={`period-${period.id}`}>
              <h2 id={`period-${period.id}`}>
                {period.label}{" "}
                <span className="muted">
                  · {t("compliance.dueOn", { date: formatDate(lang, period.dueDate) })} ·{" "}
                  {t(period.status === "OPEN" ? "compliance.periodOpen" : "compliance.periodClosed")}
                </span>
              </h2>
              {rows.length === 0 ? (
                <p className="muted">{t("compliance.nothingExpected")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="compliance-table">
                    <caption className="muted">{t("compliance.caption", { period: period.label })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("compliance.organisation")}</th>
                        {COLUMNS.map((column) => (
                          <th key={column.key} scope="col" className="num">
                            {t(column.label)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.organisation.id}>
                          <th scope="row">
                            <abbr title={row.organisation.name}>{row.organisation.acronym}</abbr>
                            <span className="muted"> – {row.organisation.name}</span>
                          </th>
                          {COLUMNS.map((column) => (
                            <Count key={column.key} name={column.key} value={row[column.key]} />
                          ))}
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{t("compliance.total")}</th>
                        {COLUMNS.map((column) => (
                          <td key={column.key} className="num">
                            {totals[column.key]}
                          </td>
                        ))}
                      </tr>
                    </tfoot>
                  </table>
                </div>
              )}
            </section>
          ))}

          <section aria-labelledby="overdue">
            <h2 id="overdue">{t("compliance.overdue", { count: compliance.overdue.length })}</h2>
            {compliance.overdue.length === 0 ? (
              <p>{t("compliance.noOverdue")}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="muted">{t("compliance.overdueCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("compliance.action")}</th>
                      <th scope="col">{t("compliance.organisation")}</th>
                      <th scope="col">{t("compliance.period")}</th>
                      <th scope="col" className="num">
                        {t("compliance.daysLate")}
                      </th>
                      <th scope="col">{t("compliance.contact")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {compliance.overdue.map((item) => (
                      <tr key={`${item.action.id}-${item.period.id}`}>
                        <th scope="row">
                          <Link to={`/actions/${item.action.id}`}>
                            <strong>{item.action.code}</strong> {item.action.title}
                          </Link>
                          {item.reportState ? (
                            <span className="muted">
                              {" "}
                              · {t(item.reportState === "DRAFT" ? "compliance.draftStarted" : "compliance.sentBack")}
                              {canReview && item.reportId ? (
                                <>
                                  {" "}
                                  · <Link to={`/reviews/${item.reportId}`}>{t("compliance.openReport")}</Link>
                                </>
                              ) : null}
                            </span>
                          ) : null}
                        </th>
                        <td>
                          <abbr title={item.organisation.name}>{item.organisation.acronym}</abbr>
                        </td>
                        <td>
                          {item.period.label}
                          <span className="muted"> · {t("compliance.dueOn", { date: formatDate(lang, item.period.dueDate) })}</span>
                        </td>
                        <td className="num">{t("compliance.days", { count: item.daysLate })}</td>
                        <td>
                          {item.focalPoints.length ? (
                            <ul className="contact-list">
                              {item.focalPoints.map((focalPoint) => (
                                <li key={focalPoint.email}>
                                  {focalPoint.name} – <a href={`mailto:${focalPoint.email}`}>{focalPoint.email}</a>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <strong>{t("compliance.noFocalPoint")}</strong>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
