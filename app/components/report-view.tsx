// A progress report read-only: its content, its indicator values with their breakdowns, and
// the comments and contributions around it. Shown on the report's page once it is no longer
// editable, and on the review page beside the previous approved report.
import { StatusBadge } from "~/components/status-badge";
import { BREAKDOWNS, breakdownDimensions, type Breakdown, type ReportIndicator } from "~/modules/reporting/schema";
import { formatDateTime, formatNumber, formatPercent, useLang, useT, type MessageKey } from "~/utils/i18n";
import { formatIndicatorValue } from "~/utils/indicator-value";

export type ReportContent = {
  status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";
  statusReason: string | null;
  progress: number;
  narrative: string | null;
  challenges: string | null;
  nextSteps: string | null;
  evidenceLinks: string[];
};

export type ViewIndicator = ReportIndicator & { name: string; unit: string | null };
export type ViewValue = { indicatorId: string; value: number | null; disaggregation: Breakdown };

/** Only web addresses become links: anything else (javascript:, data:) is shown as text. */
function safeHref(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Status, progress, narrative, challenges, next steps and evidence. */
export function ReportContentView({ report }: { report: ReportContent }) {
  const t = useT();
  const lang = useLang();
  const none = <span className="muted">{t("actions.notSet")}</span>;
  const prose = (value: string | null) => (value ? <span className="prose">{value}</span> : none);
  return (
    <dl className="details-list">
      <div>
        <dt>{t("reports.field.status")}</dt>
        <dd>
          <StatusBadge status={report.status} /> <span className="nowrap">{formatPercent(lang, report.progress)}</span>{" "}
          <progress value={report.progress} max={100} aria-label={t("reports.field.progress")} />
        </dd>
      </div>
      {report.statusReason ? (
        <div>
          <dt>{t("reports.field.statusReason")}</dt>
          <dd className="prose">{report.statusReason}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("reports.field.narrative")}</dt>
        <dd>{prose(report.narrative)}</dd>
      </div>
      <div>
        <dt>{t("reports.field.challenges")}</dt>
        <dd>{prose(report.challenges)}</dd>
      </div>
      <div>
        <dt>{t("reports.field.nextSteps")}</dt>
        <dd>{prose(report.nextSteps)}</dd>
      </div>
      <div>
        <dt>{t("reports.field.evidenceLinks")}</dt>
        <dd>
          {report.evidenceLinks.length ? (
            <ul className="plain-list evidence-list">
              {report.evidenceLinks.map((link) => {
                const href = safeHref(link);
                return (
                  <li key={link}>
                    {href ? (
                      <a href={href} rel="noopener noreferrer nofollow">
                        {link}
                      </a>
                    ) : (
                      link
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            none
          )}
        </dd>
      </div>
    </dl>
  );
}

/** A value's breakdown, translated: "Sexe : Femmes 70 ; Hommes 50", one line per dimension. */
export function BreakdownLines({ indicator, breakdown }: { indicator: ReportIndicator; breakdown: Breakdown | undefined }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      {breakdownDimensions(indicator).map((dimension) => {
        const cells = breakdown?.[dimension] ?? {};
        const shown = BREAKDOWNS[dimension].flatMap((category) => {
          const value = Object.entries(cells).find(([key]) => key === category)?.[1];
          return value === undefined ? [] : [`${t(`reports.breakdown.${category}`)} ${formatNumber(lang, value)}`];
        });
        if (!shown.length) return null;
        return (
          <p key={dimension} className="breakdown-line">
            <strong>{t(`disaggregation.${dimension}`)} :</strong> {shown.join(" ; ")}
          </p>
        );
      })}
    </>
  );
}

/** The report's indicator values, with their breakdowns. */
export function IndicatorValuesTable({ indicators, values }: { indicators: ViewIndicator[]; values: ViewValue[] }) {
  const t = useT();
  const lang = useLang();
  if (indicators.length === 0) return <p className="muted">{t("actions.noIndicator")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("reports.col.indicator")}</th>
            <th scope="col" className="num">
              {t("reports.col.value")}
            </th>
            <th scope="col">{t("reports.col.breakdown")}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const stored = values.find((value) => value.indicatorId === indicator.id);
            return (
              <tr key={indicator.id}>
                <th scope="row">{indicator.name}</th>
                <td className="num">
                  {stored?.value === null || stored?.value === undefined ? (
                    <span className="muted">{t("actions.notSet")}</span>
                  ) : (
                    formatIndicatorValue(t, lang, indicator, stored.value)
                  )}
                </td>
                <td>
                  <BreakdownLines indicator={indicator} breakdown={stored?.disaggregation} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The report as submitted: its content, then its indicator values. */
export function ReportView({ report, indicators, values }: { report: ReportContent; indicators: ViewIndicator[]; values: ViewValue[] }) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="implementation-title">
        <h2 id="implementation-title">{t("reports.implementation")}</h2>
        <ReportContentView report={report} />
      </section>
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("reports.indicators")}</h2>
        <IndicatorValuesTable indicators={indicators} values={values} />
      </section>
    </>
  );
}

type Comment = { id: string; kind: "COMMENT" | "CHANGES_REQUESTED" | "APPROVAL" | "REPLY"; body: string; createdAt: Date | string; author: { name: string } | null };

const COMMENT_KINDS = {
  COMMENT: "reports.commentKind.COMMENT",
  CHANGES_REQUESTED: "reports.commentKind.CHANGES_REQUESTED",
  APPROVAL: "reports.commentKind.APPROVAL",
  REPLY: "reports.commentKind.REPLY",
} satisfies Record<Comment["kind"], MessageKey>;

/** The reviewers' comments and the focal point's replies, oldest first. */
export function CommentList({ comments }: { comments: Comment[] }) {
  const t = useT();
  const lang = useLang();
  if (!comments.length) return <p className="muted">{t("reports.noComment")}</p>;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment comment--${comment.kind}`}>
          <p className="comment-list__meta">
            <strong>{t(COMMENT_KINDS[comment.kind])}</strong> · {comment.author?.name ?? t("actions.history.someone")} ·{" "}
            <time dateTime={String(comment.createdAt)}>{formatDateTime(lang, comment.createdAt)}</time>
          </p>
          {comment.body ? <p className="prose">{comment.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

type Contribution = { id: string; note: string; createdAt: Date | string; organisation: { acronym: string; name: string }; author: { name: string } | null };

/** Partner organisations' contribution notes, oldest first. */
export function ContributionList({ contributions }: { contributions: Contribution[] }) {
  const t = useT();
  const lang = useLang();
  if (!contributions.length) return <p className="muted">{t("reports.noContribution")}</p>;
  return (
    <ul className="comment-list">
      {contributions.map((contribution) => (
        <li key={contribution.id}>
          <p className="comment-list__meta">
            <strong>
              <abbr title={contribution.organisation.name}>{contribution.organisation.acronym}</abbr>
            </strong>{" "}
            · {contribution.author?.name ?? t("actions.history.someone")} ·{" "}
            <time dateTime={String(contribution.createdAt)}>{formatDateTime(lang, contribution.createdAt)}</time>
          </p>
          <p className="prose">{contribution.note}</p>
        </li>
      ))}
    </ul>
  );
}

/** A value's breakdown as a table (dimension, category, value), translated and formatted. */
export function BreakdownTable({ indicator, breakdown, caption }: { indicator: ReportIndicator; breakdown: Breakdown | undefined; caption: string }) {
  const t = useT();
  const lang = useLang();
  const rows = breakdownDimensions(indicator).flatMap((dimension) => {
    const cells = breakdown?.[dimension] ?? {};
    const entries = BREAKDOWNS[dimension].flatMap((category) => {
      const value = Object.entries(cells).find(([key]) => key === category)?.[1];
      return value === undefined ? [] : [{ category, value }];
    });
    return entries.length ? [{ dimension, entries }] : [];
  });
  if (!rows.length) return null;
  return (
    <div className="table-wrap breakdown">
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviews.breakdownDimension")}</th>
            <th scope="col">{t("reviews.breakdownCategory")}</th>
            <th scope="col" className="num">
              {t("reviews.historyValue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            row.entries.map((entry, index) => (
              <tr key={`${row.dimension}-${entry.category}`}>
                {index === 0 ? (
                  <th scope="rowgroup" rowSpan={row.entries.length}>
                    {t(`disaggregation.${row.dimension}`)}
                  </th>
                ) : null}
                <td>{t(`reports.breakdown.${entry.category}`)}</td>
                <td className="num">{formatNumber(lang, entry.value)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
