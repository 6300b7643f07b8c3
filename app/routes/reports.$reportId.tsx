// A progress report: the lead organisation's focal point fills it in, saves drafts and
// submits it; once submitted it is read-only until a reviewer sends it back. Partners add
// contribution notes; everyone allowed to read it sees it read-only.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo, useRef, type FormEvent } from "react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { ReviewStateBadge } from "~/components/report-badges";
import { StatusBadge } from "~/components/status-badge";
import { isLate } from "~/modules/reporting/due";
import { addContribution, addReply, getReport, getReportVersion, isPartnerOf, ReportError, reportAbilities, saveReport } from "~/modules/reporting/reports.server";
import {
  BREAKDOWNS,
  breakdownDimensions,
  breakdownField,
  breakdownGroupField,
  ContributionSchema,
  REPORT_STATUSES,
  reportContent,
  reportSchema,
  ReplySchema,
  STATUSES_NEEDING_REASON,
  valueField,
  type Breakdown,
  type ReportIntent,
} from "~/modules/reporting/schema";
import actionsStyles from "~/styles/actions.css";
import reportingStyles from "~/styles/reporting.css";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";
import { forbidden, notFound } from "~/utils/http.server";
import { formatDate, formatDateTime, formatNumber, formatPercent, translateMessage, useLang, useT, type Lang, type MessageKey, type Translate } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: actionsStyles },
  { rel: "stylesheet", href: reportingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `Rapport ${loaderData.report.action.code} – ${loaderData.report.period.label} – Pacte`
      : "Rapport d'avancement – Pacte",
  },
];

const NOTICES = {
  saved: "reports.saved",
  submitted: "reports.submitted",
  replied: "reports.replied",
  contributed: "reports.contributed",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const report = await getReport(params.reportId ?? "");
  if (!report) notFound();
  const abilities = reportAbilities(user, report);
  if (!abilities.read) forbidden();
  return {
    report,
    abilities,
    late: isLate({ dueDate: report.period.dueDate, submittedAt: report.submittedAt }, new Date()),
    notice: noticeFrom(request),
  };
}

const REPORT_ERRORS: Record<Exclude<ReportError["reason"], "forbidden">, MessageKey> = {
  notEditable: "reports.notEditable",
  stale: "conflict.stale",
  periodClosed: "reports.periodClosed",
  approved: "reports.approvedFinal",
};

type ActionResult = { intent: string | null; errors: FieldErrors; values: FormValues };

function refused(status: number, result: ActionResult) {
  return data(result, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const report = await getReport(params.reportId ?? "");
  if (!report) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/reports/${report.id}`;

  try {
    if (intent === "contribute") {
      // Partner organisations only: not the lead, not anyone else.
      requirePermission(user, "report:contribute");
      if (!isPartnerOf(report, user.organisationId) || user.organisationId === report.organisationId) forbidden();
      const parsed = parseForm(ContributionSchema, formData);
      if (!parsed.ok) return refused(400, { intent, errors: parsed.errors, values: parsed.values });
      await addContribution(user, report.id, parsed.data.note);
      throw redirect(`${back}?notice=contributed`);
    }

    // From here on, the lead organisation's focal point only.
    requirePermission(user, intent === "submit" ? "report:submit" : "report:edit", { organisationId: report.organisationId });

    if (intent === "reply") {
      const parsed = parseForm(ReplySchema, formData);
      if (!parsed.ok) return refused(400, { intent, errors: parsed.errors, values: parsed.values });
      await addReply(user, report.id, parsed.data.body);
      throw redirect(`${back}?notice=replied`);
    }

    if (intent !== "save" && intent !== "submit") return refused(400, { intent: null, errors: { form: "validation.invalidForm" }, values: {} });
    const indicators = report.action.indicators;
    const parsed = parseForm(reportSchema(indicators), formData);
    if (!parsed.ok) return refused(400, { intent, errors: parsed.errors, values: parsed.values });
    try {
      await saveReport(user, report.id, reportContent(parsed.data, indicators));
    } catch (error) {
      if (!(error instanceof ReportError) || error.reason === "forbidden") throw error;
      // The form keeps what was typed and, after a conflict, the latest version: the
      // focal point has been told, so saving again is a deliberate overwrite.
      const latest = await getReportVersion(report.id);
      const values = latest ? { ...parsed.values, version: String(latest.version) } : parsed.values;
      return refused(409, { intent, errors: { form: REPORT_ERRORS[error.reason] }, values });
    }
    throw redirect(`${back}?notice=${intent === "submit" ? "submitted" : "saved"}`);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    if (error.reason === "forbidden") forbidden();
    return refused(409, { intent: typeof intent === "string" ? intent : null, errors: { form: REPORT_ERRORS[error.reason] }, values: {} });
  }
}

type LoadedReport = ReturnType<typeof useLoaderData<typeof loader>>["report"];

export default function ReportRoute() {
  const { report, abilities, late, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  const lang = useLang();
  const reportErrors = actionData && (actionData.intent === "save" || actionData.intent === "submit" || actionData.intent === null) ? actionData : undefined;
  const sentBack = report.reviewState === "CHANGES_REQUESTED";

  return (
    <>
      <p>
        <Link to="/my-actions">← {t("myActions.title")}</Link>
      </p>
      <h1>
        {t("reports.title")} – <span className="muted">{report.action.code}</span> {report.action.title}
      </h1>
      <p className="report-meta">
        <ReviewStateBadge state={report.reviewState} />{" "}
        <span>
          {report.period.label} ({formatDate(lang, report.period.startDate, { dateStyle: "short" })} –{" "}
          {formatDate(lang, report.period.endDate, { dateStyle: "short" })})
        </span>{" "}
        · <span>{t("reports.dueOn", { date: formatDate(lang, report.period.dueDate) })}</span>
        {late ? (
          <>
            {" "}
            <span className="status urgency urgency--late">
              <span aria-hidden="true">▲</span>
              {t(report.submittedAt ? "reports.submittedLate" : "myActions.urgency.late")}
            </span>
          </>
        ) : null}{" "}
        · <abbr title={report.organisation.name}>{report.organisation.acronym}</abbr>
      </p>
      {report.submittedAt ? (
        <p className="muted">
          {t("reports.submittedOn", { date: formatDateTime(lang, report.submittedAt), name: report.submittedBy?.name ?? "—" })}
        </p>
      ) : null}
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {abilities.blockedByClosedPeriod ? (
        <p className="notice notice--warning">{t("reports.closedPeriodHelp", { label: report.period.label })}</p>
      ) : null}

      {sentBack || (abilities.edit && report.comments.length) ? (
        <section aria-labelledby="comments-title" className="comments-panel">
          <h2 id="comments-title">{t("reports.reviewComments")}</h2>
          <CommentList comments={report.comments} />
          {abilities.reply ? (
            <ReplyForm
              key={location.key}
              errors={actionData?.intent === "reply" ? actionData.errors : undefined}
              values={actionData?.intent === "reply" ? actionData.values : undefined}
            />
          ) : null}
        </section>
      ) : null}

      {abilities.edit ? (
        <ReportForm report={report} canSubmit={abilities.submit} errors={reportErrors?.errors} values={reportErrors?.values} />
      ) : (
        <>
          {reportErrors ? <ErrorSummary errors={reportErrors.errors} labels={{}} /> : null}
          <ReportView report={report} />
          {!sentBack && report.comments.length ? (
            <section aria-labelledby="comments-title">
              <h2 id="comments-title">{t("reports.reviewComments")}</h2>
              <CommentList comments={report.comments} />
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="contributions-title">
        <h2 id="contributions-title">{t("reports.contributions")}</h2>
        {report.contributions.length === 0 ? (
          <p className="muted">{t("reports.noContribution")}</p>
        ) : (
          <ul className="comment-list">
            {report.contributions.map((contribution) => (
              <li key={contribution.id}>
                <p className="comment-list__meta">
                  <strong>
                    <abbr title={contribution.organisation.name}>{contribution.organisation.acronym}</abbr>
                  </strong>{" "}
                  · {contribution.author?.name ?? t("actions.history.someone")} · {formatDateTime(lang, contribution.createdAt)}
                </p>
                <p className="prose">{contribution.note}</p>
              </li>
            ))}
          </ul>
        )}
        {abilities.contribute ? (
          <ContributionForm
            key={location.key}
            errors={actionData?.intent === "contribute" ? actionData.errors : undefined}
            values={actionData?.intent === "contribute" ? actionData.values : undefined}
          />
        ) : null}
      </section>
    </>
  );
}

const COMMENT_KINDS = {
  COMMENT: "reports.commentKind.COMMENT",
  CHANGES_REQUESTED: "reports.commentKind.CHANGES_REQUESTED",
  APPROVAL: "reports.commentKind.APPROVAL",
  REPLY: "reports.commentKind.REPLY",
} satisfies Record<LoadedReport["comments"][number]["kind"], MessageKey>;

function CommentList({ comments }: { comments: LoadedReport["comments"] }) {
  const t = useT();
  const lang = useLang();
  if (!comments.length) return <p className="muted">{t("reports.noComment")}</p>;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment comment--${comment.kind}`}>
          <p className="comment-list__meta">
            <strong>{t(COMMENT_KINDS[comment.kind])}</strong> · {comment.author?.name ?? t("actions.history.someone")} ·{" "}
            {formatDateTime(lang, comment.createdAt)}
          </p>
          <p className="prose">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

function text(values: FormValues | undefined, name: string, fallback = "") {
  const value = values?.[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join("\n") : fallback;
}

/** A stored number as the form shows it: a comma as the decimal mark in French. */
function numberInput(lang: Lang, value: number | null | undefined) {
  if (value === null || value === undefined) return "";
  return lang === "fr" ? String(value).replace(".", ",") : String(value);
}

function breakdownCell(breakdown: Breakdown | undefined, dimension: keyof typeof BREAKDOWNS, category: string) {
  const cells = breakdown?.[dimension];
  if (!cells) return undefined;
  return Object.entries(cells).find(([key]) => key === category)?.[1];
}

/** The form's starting values: what was typed (after a refused save), or the stored report. */
function formDefaults(report: LoadedReport, lang: Lang, typed: FormValues | undefined) {
  const defaults: Record<string, string> = {
    version: String(report.version),
    status: report.status,
    statusReason: report.statusReason ?? "",
    progress: String(report.progress),
    narrative: report.narrative ?? "",
    challenges: report.challenges ?? "",
    nextSteps: report.nextSteps ?? "",
    evidenceLinks: report.evidenceLinks.join("\n"),
  };
  for (const indicator of report.action.indicators) {
    const stored = report.values.find((value) => value.indicatorId === indicator.id);
    defaults[valueField(indicator.id)] = indicator.kind === "YES_NO" ? (stored?.value === null || stored?.value === undefined ? "" : String(stored.value)) : numberInput(lang, stored?.value);
    for (const dimension of breakdownDimensions(indicator)) {
      for (const category of BREAKDOWNS[dimension]) {
        defaults[breakdownField(indicator.id, dimension, category)] = numberInput(lang, breakdownCell(stored?.disaggregation, dimension, category));
      }
    }
  }
  if (typed) {
    for (const name of Object.keys(defaults)) defaults[name] = text(typed, name, defaults[name]);
  }
  return defaults;
}

function ReportForm({ report, canSubmit, errors, values }: { report: LoadedReport; canSubmit: boolean; errors?: FieldErrors; values?: FormValues }) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const submit = useSubmit();
  const indicators = report.action.indicators;
  const schema = useMemo(() => reportSchema(indicators), [indicators]);
  const defaults = formDefaults(report, lang, values);
  const { form, errorFor } = useValidatedForm(schema, { defaultValues: { ...defaults, intent: "save" }, serverErrors: errors });
  // Which button was pressed: react-hook-form submits through Remix, which would drop it.
  const intent = useRef<ReportIntent>("save");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const chosen = intent.current;
    form.setValue("intent", chosen);
    void form.handleSubmit(() => {
      const formData = new FormData(element);
      formData.set("intent", chosen);
      void submit(formData, { method: "post" });
    })(event);
  };
  const busy = navigation.state === "submitting";

  // In the form's order, so that the error summary follows it.
  const labels: Record<string, string> = {
    status: t("reports.field.status"),
    progress: t("reports.field.progress"),
    statusReason: t("reports.field.statusReason"),
    narrative: t("reports.field.narrative"),
    challenges: t("reports.field.challenges"),
    nextSteps: t("reports.field.nextSteps"),
  };
  for (const indicator of indicators) {
    labels[valueField(indicator.id)] = indicator.name;
    for (const dimension of breakdownDimensions(indicator)) {
      labels[breakdownGroupField(indicator.id, dimension)] = `${indicator.name} – ${t(`disaggregation.${dimension}`)}`;
      for (const category of BREAKDOWNS[dimension]) {
        labels[breakdownField(indicator.id, dimension, category)] = `${indicator.name} – ${t(`reports.breakdown.${category}`)}`;
      }
    }
  }
  labels.evidenceLinks = t("reports.field.evidenceLinks");
  const order = ["form", ...Object.keys(labels)];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const summaryErrors = errors ? Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b))) : undefined;
  const status = form.watch("status");
  const reasonNeeded = typeof status === "string" && STATUSES_NEEDING_REASON.some((value) => value === status);

  return (
    <>
      <ErrorSummary errors={summaryErrors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form form--wide report-form">
        <input type="hidden" name="version" value={defaults.version} />
        <p className="muted">{t("reports.formHelp")}</p>

        <section aria-labelledby="implementation-title">
          <h2 id="implementation-title">{t("reports.implementation")}</h2>
          <div className="field-pair">
            <Field name="status" label={labels.status ?? ""} error={errorFor("status")} required>
              {(control) => (
                <select {...control} {...form.register("status")} defaultValue={defaults.status}>
                  {REPORT_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`actionStatus.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="progress" label={labels.progress ?? ""} help={t("reports.help.progress")} error={errorFor("progress")} required>
              {(control) => (
                <span className="input-with-unit">
                  <input type="text" inputMode="numeric" autoComplete="off" {...control} {...form.register("progress")} defaultValue={defaults.progress} />
                  <span className="unit">%</span>
                </span>
              )}
            </Field>
          </div>
          <Field
            name="statusReason"
            label={labels.statusReason ?? ""}
            help={t("reports.help.statusReason")}
            error={errorFor("statusReason")}
            required={reasonNeeded}
          >
            {(control) => <textarea rows={3} {...control} {...form.register("statusReason")} defaultValue={defaults.statusReason} />}
          </Field>
          <Field name="narrative" label={labels.narrative ?? ""} help={t("reports.help.narrative")} error={errorFor("narrative")} required>
            {(control) => <textarea rows={6} {...control} {...form.register("narrative")} defaultValue={defaults.narrative} />}
          </Field>
          <Field name="challenges" label={labels.challenges ?? ""} error={errorFor("challenges")}>
            {(control) => <textarea rows={3} {...control} {...form.register("challenges")} defaultValue={defaults.challenges} />}
          </Field>
          <Field name="nextSteps" label={labels.nextSteps ?? ""} error={errorFor("nextSteps")}>
            {(control) => <textarea rows={3} {...control} {...form.register("nextSteps")} defaultValue={defaults.nextSteps} />}
          </Field>
        </section>

        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t("reports.indicators")}</h2>
          {indicators.length === 0 ? <p className="muted">{t("actions.noIndicator")}</p> : null}
          {indicators.map((indicator) => (
            <IndicatorInput key={indicator.id} indicator={indicator} defaults={defaults} register={form.register} errorFor={errorFor} />
          ))}
        </section>

        <Field name="evidenceLinks" label={labels.evidenceLinks ?? ""} help={t("reports.help.evidenceLinks")} error={errorFor("evidenceLinks")}>
          {(control) => <textarea rows={3} spellCheck={false} {...control} {...form.register("evidenceLinks")} defaultValue={defaults.evidenceLinks} />}
        </Field>

        <div className="button-row">
          {/* The first button is the one Enter presses: saving a draft is the safe one. */}
          <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy} onClick={() => (intent.current = "save")}>
            {busy && navigation.formData?.get("intent") === "save" ? t("form.saving") : t("reports.saveDraft")}
          </button>
          {canSubmit ? (
            <button type="submit" name="intent" value="submit" className="button" disabled={busy} onClick={() => (intent.current = "submit")}>
              {t("reports.submit")}
            </button>
          ) : null}
        </div>
        {canSubmit ? <p className="muted">{t("reports.submitHelp")}</p> : null}
      </Form>
    </>
  );
}

type Indicator = LoadedReport["action"]["indicators"][number];
type Register = ReturnType<typeof useValidatedForm<ReturnType<typeof reportSchema>>>["form"]["register"];

function IndicatorInput({
  indicator,
  defaults,
  register,
  errorFor,
}: {
  indicator: Indicator;
  defaults: Record<string, string>;
  register: Register;
  errorFor: (name: string) => string | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const name = valueField(indicator.id);
  const unit = indicator.kind === "PERCENTAGE" ? "%" : (indicator.unit ?? "");
  const error = errorFor(name);
  const facts = [
    t(`indicatorKind.${indicator.kind}`),
    indicator.targetValue !== null ? t("reports.target", { value: indicatorValue(t, lang, indicator, indicator.targetValue) }) : null,
    indicator.currentValue !== null ? t("reports.currentValue", { value: indicatorValue(t, lang, indicator, indicator.currentValue) }) : null,
  ].filter(Boolean);

  return (
    <fieldset className="indicator-entry">
      <legend>{indicator.name}</legend>
      <p className="help">{facts.join(" · ")}</p>
      {indicator.kind === "YES_NO" ? (
        <fieldset className="field radio-group" aria-describedby={error ? `field-${name}-error` : undefined}>
          <legend>
            {t("reports.field.value")} <span className="required">({t("form.required")})</span>
          </legend>
          <div className="radio-row">
            <label className="checkbox">
              <input type="radio" id={`field-${name}`} value="1" aria-invalid={Boolean(error)} {...register(name)} defaultChecked={defaults[name] === "1"} />
              <span>{t("common.yes")}</span>
            </label>
            <label className="checkbox">
              <input type="radio" value="0" aria-invalid={Boolean(error)} {...register(name)} defaultChecked={defaults[name] === "0"} />
              <span>{t("common.no")}</span>
            </label>
          </div>
          {error ? (
            <p className="field-error" id={`field-${name}-error`}>
              {translateMessage(t, error)}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <Field name={name} label={t("reports.field.value")} help={t(indicator.kind === "PERCENTAGE" ? "reports.help.percentage" : "reports.help.number")} error={error} required>
          {(control) => (
            <span className="input-with-unit">
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                {...control}
                aria-describedby={[control["aria-describedby"], unit ? `${control.id}-unit` : null].filter(Boolean).join(" ") || undefined}
                {...register(name)}
                defaultValue={defaults[name]}
              />
              {unit ? (
                <span className="unit" id={`${control.id}-unit`}>
                  {unit}
                </span>
              ) : null}
            </span>
          )}
        </Field>
      )}
      {breakdownDimensions(indicator).map((dimension) => {
        const group = breakdownGroupField(indicator.id, dimension);
        const groupError = errorFor(group);
        return (
          <fieldset key={dimension} className="breakdown" id={`field-${group}`} tabIndex={-1} aria-describedby={groupError ? `field-${group}-error` : undefined}>
            <legend>{t("reports.breakdownBy", { dimension: t(`disaggregation.${dimension}`).toLowerCase() })}</legend>
            {indicator.kind === "NUMBER" ? <p className="help">{t("reports.help.breakdownSum")}</p> : null}
            <div className="breakdown-grid">
              {BREAKDOWNS[dimension].map((category) => {
                const cell = breakdownField(indicator.id, dimension, category);
                return (
                  <Field key={category} name={cell} label={t(`reports.breakdown.${category}`)} error={errorFor(cell)}>
                    {(control) => <input type="text" inputMode="decimal" autoComplete="off" {...control} {...register(cell)} defaultValue={defaults[cell]} />}
                  </Field>
                );
              })}
            </div>
            {groupError ? (
              <p className="field-error" id={`field-${group}-error`}>
                {translateMessage(t, groupError)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function indicatorValue(t: Translate, lang: Lang, indicator: { kind: string; unit: string | null }, value: number) {
  if (indicator.kind === "YES_NO") return t(value === 1 ? "common.yes" : "common.no");
  if (indicator.kind === "PERCENTAGE") return formatPercent(lang, value);
  return indicator.unit ? t("indicators.valueWithUnit", { value: formatNumber(lang, value), unit: indicator.unit }) : formatNumber(lang, value);
}

/** The report as submitted: read-only. */
function ReportView({ report }: { report: LoadedReport }) {
  const t = useT();
  const lang = useLang();
  const none = <span className="muted">{t("actions.notSet")}</span>;
  return (
    <>
      <section aria-labelledby="implementation-title">
        <h2 id="implementation-title">{t("reports.implementation")}</h2>
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
            <dd className="prose">{report.narrative ?? none}</dd>
          </div>
          <div>
            <dt>{t("reports.field.challenges")}</dt>
            <dd className="prose">{report.challenges ?? none}</dd>
          </div>
          <div>
            <dt>{t("reports.field.nextSteps")}</dt>
            <dd className="prose">{report.nextSteps ?? none}</dd>
          </div>
          <div>
            <dt>{t("reports.field.evidenceLinks")}</dt>
            <dd>
              {report.evidenceLinks.length ? (
                <ul className="plain-list evidence-list">
                  {report.evidenceLinks.map((link) => (
                    <li key={link}>
                      <a href={link} rel="noopener noreferrer nofollow">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("reports.indicators")}</h2>
        {report.action.indicators.length === 0 ? (
          <p className="muted">{t("actions.noIndicator")}</p>
        ) : (
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
                {report.action.indicators.map((indicator) => {
                  const stored = report.values.find((value) => value.indicatorId === indicator.id);
                  return (
                    <tr key={indicator.id}>
                      <th scope="row">{indicator.name}</th>
                      <td className="num">{stored?.value === null || stored?.value === undefined ? none : indicatorValue(t, lang, indicator, stored.value)}</td>
                      <td>
                        {breakdownDimensions(indicator).map((dimension) => {
                          const cells = BREAKDOWNS[dimension]
                            .map((category) => ({ category, value: breakdownCell(stored?.disaggregation, dimension, category) }))
                            .filter((cell) => cell.value !== undefined);
                          if (!cells.length) return null;
                          return (
                            <p key={dimension} className="breakdown-line">
                              <strong>{t(`disaggregation.${dimension}`)} :</strong>{" "}
                              {cells.map((cell) => `${t(`reports.breakdown.${cell.category}`)} ${formatNumber(lang, cell.value ?? 0)}`).join(" ; ")}
                            </p>
                          );
                        })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ReplyForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = { body: text(values, "body") };
  const { form, onSubmit, errorFor } = useValidatedForm(ReplySchema, { defaultValues: defaults, serverErrors: errors });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <input type="hidden" name="intent" value="reply" />
      <Field name="body" label={t("reports.field.reply")} help={t("reports.help.reply")} error={errorFor("body")} required>
        {(control) => <textarea rows={3} {...control} {...form.register("body")} defaultValue={defaults.body} />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
        {t("reports.sendReply")}
      </button>
    </Form>
  );
}

function ContributionForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = { note: text(values, "note") };
  const { form, onSubmit, errorFor } = useValidatedForm(ContributionSchema, { defaultValues: defaults, serverErrors: errors });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <input type="hidden" name="intent" value="contribute" />
      <Field name="note" label={t("reports.field.contribution")} help={t("reports.help.contribution")} error={errorFor("note")} required>
        {(control) => <textarea rows={4} {...control} {...form.register("note")} defaultValue={defaults.note} />}
      </Field>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("reports.addContribution")}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
