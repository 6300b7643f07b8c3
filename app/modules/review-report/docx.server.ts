// The voluntary review report as a Word document (DOCX, built with `docx`), so ministries
// can edit the text. Same document model, same headings and tables as the page; the chart
// of the summary is given as its table of figures.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { indicatorValue, unitOf } from "~/components/review-report-document";
import { formatDate, formatNumber, formatPercent, formatXof, translator } from "~/utils/i18n";
import { ACTION_STATUSES, type ActionStatus, type DocAction, type ReviewDocument } from "./document";

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
}

function paragraph(text: string, options: { italics?: boolean; bold?: boolean } = {}) {
  return new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 100 } });
}

function cell(text: string, options: { header?: boolean; number?: boolean } = {}) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header, size: 18 })],
      }),
    ],
  });
}

/** A table with a header row; `numeric` marks the columns aligned right. */
function table(headers: string[], rows: string[][], numeric: number[] = []) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, index) => cell(text, { header: true, number: numeric.includes(index) })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, { number: numeric.includes(index) })) })),
    ],
  });
}

export async function renderReviewDocx(doc: ReviewDocument): Promise<Buffer> {
  const t = translator(doc.lang);
  const lang = doc.lang;
  const none = t("common.none");
  const money = (value: number | null | undefined) => (value === null || value === undefined ? none : formatXof(lang, value));
  const percent = (value: number | null) => (value === null ? none : formatPercent(lang, value));
  const status = (value: ActionStatus | null) => (value ? t(`actionStatus.${value}`) : t("reviewDoc.notReported"));
  const { summary } = doc;
  const securedShare = summary.estimatedBudget > 0 ? (summary.securedFunding / summary.estimatedBudget) * 100 : null;
  const first = doc.periods[0];
  const last = doc.periods.at(-1);

  const action = (item: DocAction) => [
    heading(`${item.code} ${item.title}`, HeadingLevel.HEADING_3),
    table(
      [t("reviewReport.lead"), t("reviewReport.actionStatus"), t("reviewReport.progress"), t("reviewReport.budget"), t("reviewReport.secured")],
      [
        [
          `${item.lead.acronym} – ${item.lead.name}`,
          status(item.status),
          item.progress === null ? none : formatPercent(lang, item.progress),
          item.budget ? money(item.budget.estimated) : t("reviewDoc.budgetWithheld"),
          item.budget ? money(item.budget.secured) : t("reviewDoc.budgetWithheld"),
        ],
      ],
      [2, 3, 4],
    ),
    ...(item.indicators.length
      ? [
          paragraph(""),
          table(
            [t("reviewReport.indicator"), t("reviewReport.unit"), t("reviewReport.baseline"), t("reviewReport.latest"), t("reviewReport.target"), t("reviewDoc.towardsTarget")],
            item.indicators.map((indicator) => [
              indicator.name,
              unitOf(t, indicator),
              indicatorValue(t, lang, indicator.kind, indicator.baseline),
              indicator.latest ? `${indicatorValue(t, lang, indicator.kind, indicator.latest.value)} (${indicator.latest.period})` : none,
              indicatorValue(t, lang, indicator.kind, indicator.target),
              percent(indicator.towardsTarget),
            ]),
            [2, 3, 4, 5],
          ),
        ]
      : [paragraph(t("reviewReport.noIndicator"), { italics: true })]),
    item.narrative
      ? paragraph(`${t("reviewDoc.narrative", { period: item.narrative.period })} ${item.narrative.text}`)
      : paragraph(t("reviewReport.noReport"), { italics: true }),
    ...(item.challenges ? [paragraph(`${t("reviewDoc.challenges", { period: item.challenges.period })} ${item.challenges.text}`)] : []),
  ];

  const children = [
    paragraph(t("reviewReport.kicker"), { bold: true }),
    new Paragraph({ text: t("reviewReport.title"), heading: HeadingLevel.TITLE }),
    paragraph(doc.plan.title, { bold: true }),
    table(
      [t("reviewReport.period"), t("reviewReport.adoptedVersion"), t("reviewDoc.periodsCovered"), t("reviewDoc.cutOff"), t("reviewReport.generatedOn")],
      [
        [
          t("plans.periodValue", { start: formatDate(lang, doc.plan.startDate), end: formatDate(lang, doc.plan.endDate) }),
          doc.version ? t("reviewReport.versionValue", { number: doc.version.number, date: formatDate(lang, doc.version.adoptedAt) }) : t("reviewDoc.draftContent"),
          first && last ? (first.id === last.id ? first.label : `${first.label} → ${last.label}`) : t("reviewDoc.noPeriod"),
          formatDate(lang, doc.cutOff),
          formatDate(lang, doc.generatedAt, { timeZone: "Africa/Bamako" }),
        ],
      ],
    ),

    heading(t("reviewDoc.section.summary"), HeadingLevel.HEADING_1),
    table(
      [t("reviewReport.actions"), t("reviewReport.objectivesCovered"), t("reviewDoc.averageProgress"), t("reviewDoc.approvedReports"), t("reviewReport.budget"), t("reviewReport.secured")],
      [
        [
          formatNumber(lang, summary.actionCount),
          t("reviewReport.coveredValue", { covered: summary.objectivesCovered, total: summary.objectiveCount }),
          percent(summary.averageProgress),
          formatNumber(lang, summary.approvedReports),
          formatXof(lang, summary.estimatedBudget),
          `${formatXof(lang, summary.securedFunding)}${securedShare === null ? "" : ` (${formatPercent(lang, securedShare)})`}`,
        ],
      ],
      [0, 2, 3, 4, 5],
    ),
    heading(t("reviewReport.byStatus"), HeadingLevel.HEADING_2),
    table(
      [...ACTION_STATUSES.map((value) => status(value)), status(null)],
      [[...ACTION_STATUSES.map((value) => formatNumber(lang, summary.byStatus[value])), formatNumber(lang, summary.notReported)]],
      [0, 1, 2, 3, 4, 5],
    ),
    heading(t("reviewDoc.chart.progressByObjective"), HeadingLevel.HEADING_2),
    paragraph(t("reviewDoc.chart.progressByObjectiveHelp"), { italics: true }),
    table(
      [t("reviewDoc.objective"), t("reviewDoc.averageProgress")],
      doc.objectives.map((objective) => [t("objectives.number", { number: objective.number }), percent(objective.averageProgress)]),
      [1],
    ),
    ...(summary.budgetsWithheld > 0 ? [paragraph(t("reviewDoc.budgetsWithheld", { count: summary.budgetsWithheld }), { italics: true })] : []),

    heading(t("reviewDoc.section.method"), HeadingLevel.HEADING_1),
    paragraph(t("reviewDoc.methodText", { date: formatDate(lang, doc.cutOff) })),
    heading(t("reviewDoc.periodsTable"), HeadingLevel.HEADING_2),
    table(
      [t("reviewDoc.period"), t("reviewDoc.dates"), t("reviewDoc.approvedReports")],
      doc.periods.map((period) => [
        period.label,
        t("plans.periodValue", { start: formatDate(lang, period.startDate), end: formatDate(lang, period.endDate) }),
        formatNumber(lang, period.approvedReports),
      ]),
      [2],
    ),
    heading(t("reviewDoc.reportersTable"), HeadingLevel.HEADING_2),
    doc.reporters.length
      ? table(
          [t("reviewDoc.organisation"), t("reviewDoc.approvedReports")],
          doc.reporters.map((reporter) => [`${reporter.acronym} – ${reporter.name}`, formatNumber(lang, reporter.approvedReports)]),
          [1],
        )
      : paragraph(t("reviewDoc.noReporter"), { italics: true }),

    heading(t("reviewDoc.section.policy"), HeadingLevel.HEADING_1),
    paragraph(doc.policy.framework ? t("reviewDoc.policyText", { framework: doc.policy.framework }) : t("reviewDoc.noFramework")),
    heading(t("reviewDoc.axesTable"), HeadingLevel.HEADING_2),
    table(
      [t("reviewDoc.axis"), t("reviewDoc.alignedObjectives"), t("reviewReport.actions")],
      doc.policy.axes.map((axis) => [
        `${t("axis.label", { number: axis.number })} – ${axis.title}`,
        axis.objectives.length ? axis.objectives.join(", ") : none,
        formatNumber(lang, axis.actionCount),
      ]),
      [2],
    ),
    heading(t("reviewDoc.matrixTable"), HeadingLevel.HEADING_2),
    table(
      [t("reviewDoc.objective"), ...doc.policy.axes.map((axis) => t("reviewDoc.axisShort", { number: axis.number }))],
      doc.objectives.map((objective) => [
        t("objectives.number", { number: objective.number }),
        ...doc.policy.axes.map((axis) => (objective.axes.includes(axis.number) ? "✓" : "")),
      ]),
    ),

    heading(t("reviewDoc.section.objectives"), HeadingLevel.HEADING_1),
    ...doc.objectives.flatMap((objective) => [
      heading(`${t("objectives.number", { number: objective.number })} – ${objective.title}`, HeadingLevel.HEADING_2),
      paragraph(
        objective.axes.length
          ? `${t("reviewReport.axes")} ${objective.axes.map((number) => t("axis.label", { number })).join(" ; ")}`
          : t("reviewReport.noAxis"),
        { italics: true },
      ),
      ...(objective.actions.length ? objective.actions.flatMap(action) : [paragraph(t("reviewReport.noAction"), { bold: true })]),
      ...(objective.alsoServedBy.length ? [paragraph(t("reviewReport.alsoServed", { codes: objective.alsoServedBy.join(", ") }), { italics: true })] : []),
    ]),

    heading(t("reviewDoc.section.principles"), HeadingLevel.HEADING_1),
    ...doc.principles.flatMap((principle) => [
      heading(`${t("reviewDoc.principle", { number: principle.number })} – ${principle.title}`, HeadingLevel.HEADING_2),
      ...(principle.actions.length
        ? principle.actions.map((item) => new Paragraph({ text: `${item.code} ${item.title} – ${status(item.status)}`, bullet: { level: 0 } }))
        : [paragraph(t("reviewDoc.noActionForPrinciple"), { italics: true })]),
    ]),

    heading(t("reviewDoc.section.means"), HeadingLevel.HEADING_1),
    paragraph(
      t("reviewDoc.meansText", {
        estimated: formatXof(lang, summary.estimatedBudget),
        secured: formatXof(lang, summary.securedFunding),
        share: percent(securedShare),
      }),
    ),
    ...(summary.budgetsWithheld > 0 ? [paragraph(t("reviewDoc.budgetsWithheld", { count: summary.budgetsWithheld }), { italics: true })] : []),
    heading(t("reviewDoc.budgetTable"), HeadingLevel.HEADING_2),
    table(
      [t("reviewDoc.objective"), t("reviewReport.budget"), t("reviewReport.secured")],
      doc.means.byObjective
        .filter((row) => row.estimated > 0 || row.secured > 0)
        .map((row) => [t("objectives.number", { number: row.number }), formatXof(lang, row.estimated), formatXof(lang, row.secured)]),
      [1, 2],
    ),
    heading(t("reviewDoc.partnersTable"), HeadingLevel.HEADING_2),
    doc.means.partners.length
      ? table(
          [t("reviewDoc.organisation"), t("reviewReport.actions")],
          doc.means.partners.map((partner) => [`${partner.acronym} – ${partner.name}`, formatNumber(lang, partner.actionCount)]),
          [1],
        )
      : paragraph(t("reviewDoc.noPartner"), { italics: true }),

    heading(t("reviewDoc.section.nextSteps"), HeadingLevel.HEADING_1),
    ...(doc.nextSteps.length
      ? doc.nextSteps.map((step) => new Paragraph({ text: `${step.code} ${step.title} (${step.period}) : ${step.text}`, bullet: { level: 0 } }))
      : [paragraph(t("reviewDoc.noNextSteps"), { italics: true })]),

    heading(t("reviewDoc.section.annex"), HeadingLevel.HEADING_1),
    paragraph(t("reviewDoc.annexTable"), { italics: true }),
    table(
      [t("reviewDoc.action"), t("reviewReport.indicator"), t("reviewReport.unit"), t("reviewReport.baseline"), t("reviewDoc.values"), t("reviewReport.target"), t("reviewDoc.towardsTarget")],
      doc.annex.indicators.map((indicator) => [
        indicator.actionCode,
        indicator.name,
        unitOf(t, indicator),
        indicatorValue(t, lang, indicator.kind, indicator.baseline),
        indicator.values.length ? indicator.values.map((value) => `${value.period} : ${indicatorValue(t, lang, indicator.kind, value.value)}`).join(" ; ") : none,
        indicatorValue(t, lang, indicator.kind, indicator.target),
        percent(indicator.towardsTarget),
      ]),
      [3, 5, 6],
    ),
    paragraph(t("reviewDoc.source"), { italics: true }),
  ];

  const file = new Document({
    creator: "Pacte",
    title: `${t("reviewReport.title")} – ${doc.plan.title}`,
    description: t("reviewReport.kicker"),
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.toBuffer(file);
}
