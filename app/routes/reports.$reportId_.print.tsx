// A progress report on one A4 sheet, for a ministry's paper files: the report as it stands, its
// indicators (baseline, target, value for the period, break-down) and the reviewers' comments
// and partners' contributions. Whoever may read the report may print it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { getReport, reportAbilities } from "~/modules/reporting/reports.server";
import { BREAKDOWNS, breakdownDimensions } from "~/modules/reporting/schema";
import printStyles from "~/styles/report-print.css";
import { requireUser } from "~/utils/auth.server";
import { forbidden, notFound } from "~/utils/http.server";
import { formatDate, formatDateTime, formatNumber, formatPercent, useLang, useT, type Lang, type MessageKey, type Translate } from "~/utils/i18n";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rapport ${data.report.action.code} – ${data.report.period.label} (impression) – Pacte` : "Rapport d'avancement – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const report = await getReport(params.reportId ?? "");
  if (!report) notFound();
  if (!reportAbilities(user, report).read) forbidden();
  return { report, printedAt: new Date().toISOString() };
}

type Report = ReturnType<typeof useLoaderData<typeof loader>>["report"];
type Indicator = Report["action"]["indicators"][number];

const COMMENT_KINDS = {
  COMMENT: "reports.commentKind.COMMENT",
  CHANGES_REQUESTED: "reports.commentKind.CHANGES_REQUESTED",
  APPROVAL: "reports.commentKind.APPROVAL",
  REPLY: "reports.commentKind.REPLY",
} satisfies Record<Report["comments"][number]["kind"], MessageKey>;

function valueText(t: Translate, lang: Lang, indicator: Indicator, value: number | null | undefined) {
  if (value === null || value === undefined) return "—";
  if (indicator.kind === "YES_NO") return t(value === 1 ? "common.yes" : "common.no");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  return indicator.unit ? t("indicators.valueWithUnit", { value: formatNumber(lang, value), unit: indicator.unit }) : formatNumber(lang, value);
}

export default function PrintReportRoute() {
  const { report, printedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const text = (value: string | null) => (value ? <p className="prose">{value}</p> : <p className="muted">{t("actions.notSet")}</p>);
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

      <section aria-labelledby="print-implementation">
        <h2 id="print-implementation">{t("reports.implementation")}</h2>
        <dl className="print-sheet__fields">
          <dt>{t("reports.field.status")}</dt>
          <dd>
            {t(`actionStatus.${report.status}`)} · {formatPercent(lang, report.progress)}
          </dd>
          {report.statusReason ? (
            <>
              <dt>{t("reports.field.statusReason")}</dt>
              <dd>{text(report.statusReason)}</dd>
            </>
          ) : null}
          <dt>{t("reports.field.narrative")}</dt>
          <dd>{text(report.narrative)}</dd>
          <dt>{t("reports.field.challenges")}</dt>
          <dd>{text(report.challenges)}</dd>
          <dt>{t("reports.field.nextSteps")}</dt>
          <dd>{text(report.nextSteps)}</dd>
          <dt>{t("reports.field.evidenceLinks")}</dt>
          <dd>{report.evidenceLinks.length ? report.evidenceLinks.map((link) => <p key={link}>{link}</p>) : text(null)}</dd>
        </dl>
      </section>

      <section aria-labelledby="print-indicators">
        <h2 id="print-indicators">{t("reports.indicators")}</h2>
        {report.action.indicators.length === 0 ? (
          <p className="muted">{t("actions.noIndicator")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reports.col.indicator")}</th>
                <th scope="col" className="num">
                  {t("indicators.col.baseline")}
                </th>
                <th scope="col" className="num">
                  {t("indicators.col.target")}
                </th>
                <th scope="col" className="num">
                  {t("reports.col.value")}
                </th>
                <th scope="col">{t("reports.col.breakdown")}</th>
              </tr>
            </thead>
            <tbody>
              {report.action.indicators.map((indicator) => {
                const stored = report.values.find((value) => value.indicatorId === indicator.id);
                return (
                  <tr key={indicator.id}>
                    <th scope="row">{indicator.name}</th>
                    <td className="num">{valueText(t, lang, indicator, indicator.baselineValue)}</td>
                    <td className="num">{valueText(t, lang, indicator, indicator.targetValue)}</td>
                    <td className="num">{valueText(t, lang, indicator, stored?.value)}</td>
                    <td>
                      {breakdownDimensions(indicator).map((dimension) => {
                        const cells = stored?.disaggregation?.[dimension];
                        if (!cells) return null;
                        const parts = BREAKDOWNS[dimension].flatMap((category) => {
                          const value = Object.entries(cells).find(([key]) => key === category)?.[1];
                          return value === undefined ? [] : [`${t(`reports.breakdown.${category}`)} ${formatNumber(lang, value)}`];
                        });
                        return parts.length ? (
                          <p key={dimension}>
                            <strong>{t(`disaggregation.${dimension}`)} :</strong> {parts.join(" ; ")}
                          </p>
                        ) : null;
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="print-comments">
        <h2 id="print-comments">{t("reports.reviewComments")}</h2>
        {report.comments.length === 0 ? <p className="muted">{t("reports.noComment")}</p> : null}
        {report.comments.map((comment) => (
          <div key={comment.id} className="print-sheet__note">
            <p className="muted">
              <strong>{t(COMMENT_KINDS[comment.kind])}</strong> · {comment.author?.name ?? t("actions.history.someone")} · {formatDateTime(lang, comment.createdAt)}
            </p>
            <p className="prose">{comment.body}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="print-contributions">
        <h2 id="print-contributions">{t("reports.contributions")}</h2>
        {report.contributions.length === 0 ? <p className="muted">{t("reports.noContribution")}</p> : null}
        {report.contributions.map((contribution) => (
          <div key={contribution.id} className="print-sheet__note">
            <p className="muted">
              <strong>{contribution.organisation.acronym}</strong> · {contribution.author?.name ?? t("actions.history.someone")} · {formatDateTime(lang, contribution.createdAt)}
            </p>
            <p className="prose">{contribution.note}</p>
          </div>
        ))}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
