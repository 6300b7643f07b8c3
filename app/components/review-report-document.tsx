// The report for the GCM voluntary national review, as HTML: the page inside Pacte, the public
// portal's page and the PDF (rendered to static markup on the server) all use this component.
// It takes the document's own translator, so the PDF's language need not be the reader's.
import { BarChart } from "~/components/bar-chart";
import { STATUS_SHAPES } from "~/components/status-badge";
import { ACTION_STATUSES, type ActionStatus, type DocAction, type DocIndicator, type ReviewDocument } from "~/modules/review-report/document";
import { formatDate, formatNumber, formatPercent, formatXof, type Lang, type Translate } from "~/utils/i18n";

type Props = {
  doc: ReviewDocument;
  t: Translate;
  /** Where an action's title links to (inside Pacte); no links when not given (PDF). */
  actionHref?: (actionId: string) => string;
};

export function indicatorValue(t: Translate, lang: Lang, kind: DocIndicator["kind"], value: number | null) {
  if (value === null) return t("common.none");
  if (kind === "YES_NO") return t(value === 1 ? "common.yes" : "common.no");
  if (kind === "PERCENTAGE") return formatPercent(lang, value);
  return formatNumber(lang, value);
}

export function unitOf(t: Translate, indicator: Pick<DocIndicator, "kind" | "unit">) {
  return indicator.kind === "PERCENTAGE" ? "%" : (indicator.unit ?? t("common.none"));
}

function Status({ t, status }: { t: Translate; status: ActionStatus | null }) {
  if (!status) return <span className="status status--NONE">{t("reviewDoc.notReported")}</span>;
  return (
    <span className={`status status--${status}`}>
      <span aria-hidden="true">{STATUS_SHAPES[status]}</span>
      {t(`actionStatus.${status}`)}
    </span>
  );
}

function Money({ doc, t, value }: { doc: ReviewDocument; t: Translate; value: number | null | undefined }) {
  return <>{value === null || value === undefined ? t("common.none") : formatXof(doc.lang, value)}</>;
}

function IndicatorTable({ doc, t, action }: { doc: ReviewDocument; t: Translate; action: DocAction }) {
  const lang = doc.lang;
  const day = (value: string | null) => (value ? formatDate(lang, value) : null);
  return (
    <div className="table-wrap report-table">
      <table>
        <caption className="visually-hidden">{t("reviewReport.indicatorsOf", { code: action.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviewReport.indicator")}</th>
            <th scope="col">{t("reviewReport.unit")}</th>
            <th scope="col" className="num">{t("reviewReport.baseline")}</th>
            <th scope="col" className="num">{t("reviewReport.latest")}</th>
            <th scope="col" className="num">{t("reviewReport.target")}</th>
            <th scope="col" className="num">{t("reviewDoc.towardsTarget")}</th>
          </tr>
        </thead>
        <tbody>
          {action.indicators.map((indicator) => (
            <tr key={indicator.name}>
              <th scope="row">{indicator.name}</th>
              <td>{unitOf(t, indicator)}</td>
              <td className="num">
                {indicatorValue(t, lang, indicator.kind, indicator.baseline)}
                {day(indicator.baselineDate) ? <span className="cell-note">{day(indicator.baselineDate)}</span> : null}
              </td>
              <td className="num">
                {indicatorValue(t, lang, indicator.kind, indicator.latest?.value ?? null)}
                {indicator.latest ? <span className="cell-note">{indicator.latest.period}</span> : null}
              </td>
              <td className="num">
                {indicatorValue(t, lang, indicator.kind, indicator.target)}
                {day(indicator.targetDate) ? <span className="cell-note">{day(indicator.targetDate)}</span> : null}
              </td>
              <td className="num">{indicator.towardsTarget === null ? t("common.none") : formatPercent(lang, indicator.towardsTarget)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActionBlock({ doc, t, action, actionHref }: Props & { action: DocAction }) {
  const lang = doc.lang;
  const heading = (
    <>
      <span className="report-code">{action.code}</span> {action.title}
    </>
  );
  return (
    <article className="report-action">
      <h4>{actionHref && action.id ? <a href={actionHref(action.id)}>{heading}</a> : heading}</h4>
      <dl className="report-action-facts">
        <div>
          <dt>{t("reviewReport.lead")}</dt>
          <dd>
            {action.lead.acronym} – {action.lead.name}
          </dd>
        </div>
        <div>
          <dt>{t("reviewReport.actionStatus")}</dt>
          <dd>
            <Status t={t} status={action.status} />
          </dd>
        </div>
        <div>
          <dt>{t("reviewReport.progress")}</dt>
          <dd className="num">{action.progress === null ? t("common.none") : formatPercent(lang, action.progress)}</dd>
        </div>
        <div>
          <dt>{t("reviewReport.budget")}</dt>
          <dd className="num">{action.budget ? <Money doc={doc} t={t} value={action.budget.estimated} /> : t("reviewDoc.budgetWithheld")}</dd>
        </div>
        <div>
          <dt>{t("reviewReport.secured")}</dt>
          <dd className="num">{action.budget ? <Money doc={doc} t={t} value={action.budget.secured} /> : t("reviewDoc.budgetWithheld")}</dd>
        </div>
      </dl>
      {action.indicators.length ? <IndicatorTable doc={doc} t={t} action={action} /> : <p className="muted">{t("reviewReport.noIndicator")}</p>}
      {action.narrative ? (
        <figure className="report-excerpt">
          <figcaption>{t("reviewDoc.narrative", { period: action.narrative.period })}</figcaption>
          <blockquote>{action.narrative.text}</blockquote>
        </figure>
      ) : (
        <p className="muted small">{t("reviewReport.noReport")}</p>
      )}
      {action.challenges ? (
        <figure className="report-excerpt">
          <figcaption>{t("reviewDoc.challenges", { period: action.challenges.period })}</figcaption>
          <blockquote>{action.challenges.text}</blockquote>
        </figure>
      ) : null}
    </article>
  );
}

export function ReviewReportDocument({ doc, t, actionHref }: Props) {
  const lang = doc.lang;
  const { summary } = doc;
  const first = doc.periods[0];
  const last = doc.periods.at(-1);
  const securedShare = summary.estimatedBudget > 0 ? (summary.securedFunding / summary.estimatedBudget) * 100 : null;

  return (
    <article className="review-doc" lang={lang}>
      <header className="report-cover">
        <p className="report-kicker">{t("reviewReport.kicker")}</p>
        <h1>{t("reviewReport.title")}</h1>
        <p className="report-plan">{doc.plan.title}</p>
        <dl className="report-facts">
          <div>
            <dt>{t("reviewReport.period")}</dt>
            <dd>{t("plans.periodValue", { start: formatDate(lang, doc.plan.startDate), end: formatDate(lang, doc.plan.endDate) })}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.adoptedVersion")}</dt>
            <dd>
              {doc.version
                ? t("reviewReport.versionValue", { number: doc.version.number, date: formatDate(lang, doc.version.adoptedAt) })
                : t("reviewDoc.draftContent")}
            </dd>
          </div>
          <div>
            <dt>{t("reviewDoc.periodsCovered")}</dt>
            <dd>{first && last ? (first.id === last.id ? first.label : `${first.label} → ${last.label}`) : t("reviewDoc.noPeriod")}</dd>
          </div>
          <div>
            <dt>{t("reviewDoc.cutOff")}</dt>
            <dd>{formatDate(lang, doc.cutOff)}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.generatedOn")}</dt>
            <dd>{formatDate(lang, doc.generatedAt, { timeZone: "Africa/Bamako" })}</dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="doc-summary">
        <h2 id="doc-summary">{t("reviewDoc.section.summary")}</h2>
        <dl className="report-figures">
          <div>
            <dt>{t("reviewReport.actions")}</dt>
            <dd>{formatNumber(lang, summary.actionCount)}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.objectivesCovered")}</dt>
            <dd>{t("reviewReport.coveredValue", { covered: summary.objectivesCovered, total: summary.objectiveCount })}</dd>
          </div>
          <div>
            <dt>{t("reviewDoc.averageProgress")}</dt>
            <dd>{summary.averageProgress === null ? t("common.none") : formatPercent(lang, summary.averageProgress)}</dd>
          </div>
          <div>
            <dt>{t("reviewDoc.approvedReports")}</dt>
            <dd>{formatNumber(lang, summary.approvedReports)}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.budget")}</dt>
            <dd>{formatXof(lang, summary.estimatedBudget)}</dd>
          </div>
          <div>
            <dt>{t("reviewReport.secured")}</dt>
            <dd>
              {formatXof(lang, summary.securedFunding)}
              {securedShare === null ? null : <span className="muted nowrap"> ({formatPercent(lang, securedShare)})</span>}
            </dd>
          </div>
          <div>
            <dt>{t("reviewReport.indicators")}</dt>
            <dd>
              {formatNumber(lang, summary.indicatorCount)}{" "}
              <span className="muted">({t("reviewReport.indicatorsWithValue", { count: summary.indicatorsWithValue })})</span>
            </dd>
          </div>
        </dl>
        <h3>{t("reviewReport.byStatus")}</h3>
        <ul className="status-counts">
          {ACTION_STATUSES.map((status) => (
            <li key={status}>
              <Status t={t} status={status} /> <strong>{summary.byStatus[status]}</strong>
            </li>
          ))}
          <li>
            <Status t={t} status={null} /> <strong>{summary.notReported}</strong>
          </li>
        </ul>
        <BarChart
          title={t("reviewDoc.chart.progressByObjective")}
          description={t("reviewDoc.chart.progressByObjectiveHelp")}
          emptyText={t("reviewDoc.chart.noData")}
          bars={doc.objectives.map((objective) => ({
            label: t("objectives.number", { number: objective.number }),
            value: objective.averageProgress,
            display: objective.averageProgress === null ? "" : formatPercent(lang, objective.averageProgress),
          }))}
        />
        {summary.budgetsWithheld > 0 ? <p className="muted small">{t("reviewDoc.budgetsWithheld", { count: summary.budgetsWithheld })}</p> : null}
      </section>

      <section aria-labelledby="doc-method">
        <h2 id="doc-method">{t("reviewDoc.section.method")}</h2>
        <p>{t("reviewDoc.methodText", { date: formatDate(lang, doc.cutOff) })}</p>
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.periodsTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.period")}</th>
                <th scope="col">{t("reviewDoc.dates")}</th>
                <th scope="col" className="num">{t("reviewDoc.approvedReports")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.periods.map((period) => (
                <tr key={period.id}>
                  <th scope="row">{period.label}</th>
                  <td>{t("plans.periodValue", { start: formatDate(lang, period.startDate), end: formatDate(lang, period.endDate) })}</td>
                  <td className="num">{formatNumber(lang, period.approvedReports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.reportersTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.organisation")}</th>
                <th scope="col" className="num">{t("reviewDoc.approvedReports")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.reporters.length === 0 ? (
                <tr>
                  <td colSpan={2}>{t("reviewDoc.noReporter")}</td>
                </tr>
              ) : (
                doc.reporters.map((reporter) => (
                  <tr key={reporter.acronym}>
                    <th scope="row">
                      {reporter.acronym} – {reporter.name}
                    </th>
                    <td className="num">{formatNumber(lang, reporter.approvedReports)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="doc-policy">
        <h2 id="doc-policy">{t("reviewDoc.section.policy")}</h2>
        <p>{doc.policy.framework ? t("reviewDoc.policyText", { framework: doc.policy.framework }) : t("reviewDoc.noFramework")}</p>
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.axesTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.axis")}</th>
                <th scope="col">{t("reviewDoc.alignedObjectives")}</th>
                <th scope="col" className="num">{t("reviewReport.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.policy.axes.map((axis) => (
                <tr key={axis.number}>
                  <th scope="row">
                    {t("axis.label", { number: axis.number })} – {axis.title}
                  </th>
                  <td>{axis.objectives.length ? axis.objectives.join(", ") : t("common.none")}</td>
                  <td className="num">{formatNumber(lang, axis.actionCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap report-table report-matrix">
          <table>
            <caption>{t("reviewDoc.matrixTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.objective")}</th>
                {doc.policy.axes.map((axis) => (
                  <th scope="col" key={axis.number} className="num">
                    {t("reviewDoc.axisShort", { number: axis.number })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {doc.objectives.map((objective) => (
                <tr key={objective.number}>
                  <th scope="row">{t("objectives.number", { number: objective.number })}</th>
                  {doc.policy.axes.map((axis) => (
                    <td key={axis.number} className="num">
                      {objective.axes.includes(axis.number) ? (
                        <span aria-label={t("reviewDoc.aligned")}>✓</span>
                      ) : (
                        <span className="visually-hidden">{t("reviewDoc.notAligned")}</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="doc-objectives">
        <h2 id="doc-objectives">{t("reviewDoc.section.objectives")}</h2>
        {doc.objectives.map((objective) => (
          <section key={objective.number} className="report-objective" aria-labelledby={`doc-objective-${objective.number}`}>
            <h3 id={`doc-objective-${objective.number}`}>
              {t("objectives.number", { number: objective.number })} – {objective.title}
            </h3>
            <p className="report-axes">
              {objective.axes.length ? (
                <>
                  <strong>{t("reviewReport.axes")}</strong> {objective.axes.map((number) => t("axis.label", { number })).join(" ; ")}
                </>
              ) : (
                <span className="muted">{t("reviewReport.noAxis")}</span>
              )}
            </p>
            {objective.actions.length === 0 ? <p className="report-gap">{t("reviewReport.noAction")}</p> : null}
            {objective.actions.map((action) => (
              <ActionBlock key={action.code} doc={doc} t={t} action={action} actionHref={actionHref} />
            ))}
            {objective.alsoServedBy.length ? <p className="muted small">{t("reviewReport.alsoServed", { codes: objective.alsoServedBy.join(", ") })}</p> : null}
          </section>
        ))}
      </section>

      <section aria-labelledby="doc-principles">
        <h2 id="doc-principles">{t("reviewDoc.section.principles")}</h2>
        {doc.principles.map((principle) => (
          <section key={principle.number} className="report-principle">
            <h3>
              {t("reviewDoc.principle", { number: principle.number })} – {principle.title}
            </h3>
            {principle.actions.length === 0 ? (
              <p className="muted">{t("reviewDoc.noActionForPrinciple")}</p>
            ) : (
              <ul>
                {principle.actions.map((action) => (
                  <li key={action.code}>
                    <span className="report-code">{action.code}</span> {action.title} – <Status t={t} status={action.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="doc-means">
        <h2 id="doc-means">{t("reviewDoc.section.means")}</h2>
        <p>
          {t("reviewDoc.meansText", {
            estimated: formatXof(lang, summary.estimatedBudget),
            secured: formatXof(lang, summary.securedFunding),
            share: securedShare === null ? t("common.none") : formatPercent(lang, securedShare),
          })}
        </p>
        {summary.budgetsWithheld > 0 ? <p className="muted small">{t("reviewDoc.budgetsWithheld", { count: summary.budgetsWithheld })}</p> : null}
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.budgetTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.objective")}</th>
                <th scope="col" className="num">{t("reviewReport.budget")}</th>
                <th scope="col" className="num">{t("reviewReport.secured")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.means.byObjective
                .filter((row) => row.estimated > 0 || row.secured > 0)
                .map((row) => (
                  <tr key={row.number}>
                    <th scope="row">{t("objectives.number", { number: row.number })}</th>
                    <td className="num">{formatXof(lang, row.estimated)}</td>
                    <td className="num">{formatXof(lang, row.secured)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.partnersTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.organisation")}</th>
                <th scope="col" className="num">{t("reviewReport.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.means.partners.length === 0 ? (
                <tr>
                  <td colSpan={2}>{t("reviewDoc.noPartner")}</td>
                </tr>
              ) : (
                doc.means.partners.map((partner) => (
                  <tr key={partner.acronym}>
                    <th scope="row">
                      {partner.acronym} – {partner.name}
                    </th>
                    <td className="num">{formatNumber(lang, partner.actionCount)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="doc-next">
        <h2 id="doc-next">{t("reviewDoc.section.nextSteps")}</h2>
        {doc.nextSteps.length === 0 ? (
          <p className="muted">{t("reviewDoc.noNextSteps")}</p>
        ) : (
          <ul>
            {doc.nextSteps.map((step) => (
              <li key={step.code}>
                <strong>
                  {step.code} {step.title}
                </strong>{" "}
                ({step.period}) : {step.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="doc-annex">
        <h2 id="doc-annex">{t("reviewDoc.section.annex")}</h2>
        <div className="table-wrap report-table">
          <table>
            <caption>{t("reviewDoc.annexTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewDoc.action")}</th>
                <th scope="col">{t("reviewReport.indicator")}</th>
                <th scope="col">{t("reviewReport.unit")}</th>
                <th scope="col" className="num">{t("reviewReport.baseline")}</th>
                <th scope="col">{t("reviewDoc.values")}</th>
                <th scope="col" className="num">{t("reviewReport.target")}</th>
                <th scope="col" className="num">{t("reviewDoc.towardsTarget")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.annex.indicators.map((indicator) => (
                <tr key={`${indicator.actionCode}-${indicator.name}`}>
                  <td>{indicator.actionCode}</td>
                  <th scope="row">{indicator.name}</th>
                  <td>{unitOf(t, indicator)}</td>
                  <td className="num">{indicatorValue(t, lang, indicator.kind, indicator.baseline)}</td>
                  <td>
                    {indicator.values.length === 0
                      ? t("common.none")
                      : indicator.values.map((value) => `${value.period} : ${indicatorValue(t, lang, indicator.kind, value.value)}`).join(" ; ")}
                  </td>
                  <td className="num">{indicatorValue(t, lang, indicator.kind, indicator.target)}</td>
                  <td className="num">{indicator.towardsTarget === null ? t("common.none") : formatPercent(lang, indicator.towardsTarget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <footer className="report-source muted small">
        <p>{t("reviewDoc.source")}</p>
      </footer>
    </article>
  );
}
