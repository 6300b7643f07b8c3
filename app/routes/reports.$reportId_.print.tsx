// A progress report on one A4 sheet, for a ministry's paper files: the report as it stands, its
// indicators (value for the period, break-down) and the reviewers' comments
// and partners' contributions. Whoever may read the report may print it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { CommentList, ContributionList, ReportView } from "~/components/report-view";
import { getReport } from "~/modules/reporting/reports.server";
import printStyles from "~/styles/report-print.css";
import reportingStyles from "~/styles/reporting.css";
import { requireUser } from "~/utils/auth.server";
import { loadOrRespond } from "~/utils/domain-response.server";
import { formatDate, formatDateTime, useLang, useT } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: reportingStyles },
  { rel: "stylesheet", href: printStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rapport ${data.report.action.code} – ${data.report.period.label} (impression) – Pacte` : "Rapport d'avancement – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { report } = await loadOrRespond(() => getReport(user, params.reportId ?? ""));
  return { report, printedAt: new Date().toISOString() };
}

export default function PrintReportRoute() {
  const { report, printedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <article className="print-sheet">
      <p className="print-sheet__screen-only">
        <Link to={`/reports/${report.id}`}>← {t("reports.title")}</Link> · {t("offline.printHint")}
      </p>
      <header>
        <p className="muted">
          Pacte · {report.organisation.name} ({report.organisation.acronym}) · {t("offline.printedOn", { date: formatDateTime(lang, printedAt) })}
        </p>
        <h1>
          {t("reports.title")} – {report.action.code} {report.action.title}
        </h1>
        <p>
          {report.period.label} ({formatDate(lang, report.period.startDate, { dateStyle: "short" })} – {formatDate(lang, report.period.endDate, { dateStyle: "short" })}) ·{" "}
          {t("reports.dueOn", { date: formatDate(lang, report.period.dueDate) })} · <strong>{t(`reports.state.${report.reviewState}`)}</strong>
        </p>
        {report.submittedAt ? <p>{t("reports.submittedOn", { date: formatDateTime(lang, report.submittedAt), name: report.submittedBy?.name ?? "—" })}</p> : null}
      </header>
      <ReportView report={report} indicators={report.action.indicators} values={report.values} />
      <section aria-labelledby="print-comments">
        <h2 id="print-comments">{t("reports.reviewComments")}</h2>
        <CommentList comments={report.comments} />
      </section>
      <section aria-labelledby="print-contributions">
        <h2 id="print-contributions">{t("reports.contributions")}</h2>
        <ContributionList contributions={report.contributions} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
