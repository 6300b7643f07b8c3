import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { OrganisationOptions } from "~/components/organisation-options";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { isSubmittedLate } from "~/modules/reporting/due";
import { listReviewFilterChoices, listReviewQueue } from "~/modules/reviews/reviews.server";
import { reviewFilters } from "~/modules/reviews/schema";
import reviewsStyles from "~/styles/reviews.css";
import { requireUserWith } from "~/utils/auth.server";
import { formatDate, formatDateTime, formatPercent, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviews.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "report:review");
  const filters = reviewFilters(new URL(request.url).searchParams);
  const [queue, choices] = await Promise.all([listReviewQueue(filters), listReviewFilterChoices()]);
  return {
    ...queue,
    choices,
    filters: { organisation: filters.organisationId ?? "", period: filters.periodId ?? "", objective: filters.objective ? String(filters.objective) : "" },
  };
}

export default function ReviewQueueRoute() {
  const { reports, total, page, pageCount, choices, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const filtered = Boolean(filters.organisation || filters.period || filters.objective);

  return (
    <>
      <h1>{t("reviews.title")}</h1>
      <p className="lead">{t("reviews.intro")}</p>

      <Form method="get" className="filters" role="search" aria-label={t("reviews.filters")}>
        <Field name="organisation" label={t("reviews.organisation")}>
          {(control) => (
            <select name="organisation" defaultValue={filters.organisation} {...control}>
              <OrganisationOptions organisations={choices.organisations} emptyLabel={t("reviews.allOrganisations")} />
            </select>
          )}
        </Field>
        <Field name="objective" label={t("reviews.objective")}>
          {(control) => (
            <select name="objective" defaultValue={filters.objective} {...control}>
              <option value="">{t("reviews.allObjectives")}</option>
              {choices.objectives.map((objective) => (
                <option key={objective.number} value={objective.number}>
                  {t("objectives.number", { number: objective.number })} – {lang === "en" ? objective.titleEn : objective.titleFr}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="period" label={t("reviews.period")}>
          {(control) => (
            <select name="period" defaultValue={filters.period} {...control}>
              <option value="">{t("reviews.allPeriods")}</option>
              {choices.periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.label} – {period.plan.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("reviews.filter")}
          </button>
          {filtered ? <Link to="/reviews">{t("reviews.clearFilters")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("reviews.count", { count: total })}
      </p>
      {reports.length ? (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("reviews.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviews.submittedAt")}</th>
                <th scope="col">{t("reviews.action")}</th>
                <th scope="col">{t("reviews.organisation")}</th>
                <th scope="col">{t("reviews.period")}</th>
                <th scope="col">{t("reviews.reportedStatus")}</th>
                <th scope="col" className="num">
                  {t("reviews.progress")}
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    {report.submittedAt ? formatDateTime(lang, report.submittedAt) : t("common.none")}
                    {report.submittedBy ? <span className="muted"> · {report.submittedBy.name}</span> : null}
                    {report.submittedAt && isSubmittedLate(report.submittedAt, report.period.dueDate) ? (
                      <strong className="late-mark"> · ▲ {t("reviews.submittedLate")}</strong>
                    ) : null}
                  </td>
                  <th scope="row">
                    <Link to={`/reviews/${report.id}`}>
                      <strong>{report.action.code}</strong> {report.action.title}
                    </Link>
                    <span className="muted"> · {t("objectives.number", { number: report.action.mainObjectiveNumber })}</span>
                  </th>
                  <td>
                    <abbr title={report.organisation.name}>{report.organisation.acronym}</abbr>
                  </td>
                  <td>
                    {report.period.label}
                    <span className="muted"> · {t("reviews.dueOn", { date: formatDate(lang, report.period.dueDate) })}</span>
                  </td>
                  <td>
                    <StatusBadge status={report.status} />
                  </td>
                  <td className="num">{formatPercent(lang, report.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{filtered ? t("reviews.emptyFiltered") : t("reviews.empty")}</p>
      )}

      <Pagination path="/reviews" query={filters} page={page} pageCount={pageCount} label={t("reviews.pagination")} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
