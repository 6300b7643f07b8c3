// The progress report's form: implementation, indicator values with their breakdowns, and
// evidence. Self-contained: it needs the report's id and version, the indicators it asks
// about and its starting values (reportFormDefaults), so another component can wrap it
// (offline capture, for one). Works before JavaScript loads; react-hook-form adds instant
// validation when it has.
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo, useRef, type FormEvent } from "react";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { OfflineReportNotices } from "~/components/offline-report";
import {
  BREAKDOWNS,
  breakdownDimensions,
  breakdownField,
  breakdownGroupField,
  REPORT_STATUSES,
  reportSchema,
  STATUSES_NEEDING_REASON,
  valueField,
  type Breakdown,
  type ReportIntent,
} from "~/modules/reporting/schema";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { translateMessage, useLang, useT, type Lang } from "~/utils/i18n";
import { formatIndicatorValue } from "~/utils/indicator-value";
import { useOfflineReport } from "~/utils/offline/use-offline-report";

/** An indicator as the form asks for it. */
export type FormIndicator = {
  id: string;
  name: string;
  unit: string | null;
  kind: "NUMBER" | "PERCENTAGE" | "YES_NO";
  disaggregation: string[];
  targetValue: number | null;
  currentValue: number | null;
};

/** What the form starts from: the stored report, its indicators and their values. */
export type StoredReport = {
  version: number;
  status: string;
  statusReason: string | null;
  progress: number;
  narrative: string | null;
  challenges: string | null;
  nextSteps: string | null;
  evidenceLinks: string[];
  indicators: FormIndicator[];
  values: { indicatorId: string; value: number | null; disaggregation: Breakdown }[];
};

export type ReportFormProps = {
  reportId: string;
  version: number;
  indicators: FormIndicator[];
  /** Field name → starting text, from reportFormDefaults. */
  defaultValues: Record<string, string>;
  canSubmit: boolean;
  /** After a refused save: the server's messages. */
  errors?: FieldErrors;
};

export function formValueText(values: FormValues | undefined, name: string, fallback = "") {
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
export function reportFormDefaults(report: StoredReport, lang: Lang, typed?: FormValues) {
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
  for (const indicator of report.indicators) {
    const stored = report.values.find((value) => value.indicatorId === indicator.id);
    defaults[valueField(indicator.id)] = indicator.kind === "YES_NO" ? (stored?.value === null || stored?.value === undefined ? "" : String(stored.value)) : numberInput(lang, stored?.value);
    for (const dimension of breakdownDimensions(indicator)) {
      for (const category of BREAKDOWNS[dimension]) {
        defaults[breakdownField(indicator.id, dimension, category)] = numberInput(lang, breakdownCell(stored?.disaggregation, dimension, category));
      }
    }
  }
  if (typed) {
    for (const name of Object.keys(defaults)) defaults[name] = formValueText(typed, name, defaults[name]);
  }
  return defaults;
}

export function ReportForm({ reportId, version, indicators, defaultValues: defaults, canSubmit, errors }: ReportFormProps) {
  const t = useT();
  const navigation = useNavigation();
  const submit = useSubmit();
  const schema = useMemo(() => reportSchema(indicators), [indicators]);
  const { form, errorFor } = useValidatedForm(schema, { defaultValues: { ...defaults, intent: "save" }, serverErrors: errors });
  // Which button was pressed: react-hook-form submits through Remix, which would drop it.
  const intent = useRef<ReportIntent>("save");
  // Offline capture (app/utils/offline): drafts kept while typing, the outbox with no connection.
  const offline = useOfflineReport({ reportId, version, setValue: (name, value) => form.setValue(name, value) });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const chosen = intent.current;
    form.setValue("intent", chosen);
    void form.handleSubmit(async () => {
      const formData = new FormData(element);
      formData.set("intent", chosen);
      if (await offline.keepIfOffline(formData, chosen)) return;
      void submit(formData, { method: "post", action: `/reports/${reportId}` });
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
      <OfflineReportNotices offline={offline} serverValues={defaults} serverVersion={version} labels={labels} />
      <Form ref={offline.formRef} method="post" action={`/reports/${reportId}`} noValidate onSubmit={onSubmit} className="form form--wide report-form">
        <input type="hidden" name="version" value={defaults.version ?? String(version)} />
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

type Register = ReturnType<typeof useValidatedForm<ReturnType<typeof reportSchema>>>["form"]["register"];

function IndicatorInput({
  indicator,
  defaults,
  register,
  errorFor,
}: {
  indicator: FormIndicator;
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
    indicator.targetValue !== null ? t("reports.target", { value: formatIndicatorValue(t, lang, indicator, indicator.targetValue) }) : null,
    indicator.currentValue !== null ? t("reports.currentValue", { value: formatIndicatorValue(t, lang, indicator, indicator.currentValue) }) : null,
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

