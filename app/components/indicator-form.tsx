// The indicator form, for adding and editing: works as a plain POST before JavaScript loads.
import { Form, Link, useNavigation } from "@remix-run/react";
import { CheckboxGroup } from "~/components/action-form";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { formatIndicatorValue, indicatorFieldLabel } from "~/modules/actions/history";
import type { IndicatorAuditField } from "~/modules/indicators/audit-fields";
import type { IndicatorFormValues } from "~/modules/indicators/form-values";
import { DISAGGREGATIONS, FREQUENCIES, INDICATOR_KINDS, IndicatorSchema } from "~/modules/indicators/schema";
import type { FieldErrors } from "~/utils/forms";
import { useLang, useT } from "~/utils/i18n";

export type IndicatorConflict = { field: IndicatorAuditField; current: string | number | null }[];

/** A global indicator the form offers (prisma/data/global-indicators.json). */
export type GlobalIndicatorOption = { id: string; framework: "SDG" | "GCM"; code: string; titleFr: string; titleEn: string };

type Props = {
  defaults: IndicatorFormValues;
  errors?: FieldErrors;
  conflict?: IndicatorConflict;
  version?: number;
  submitLabel: string;
  cancelTo: string;
  globalIndicators: GlobalIndicatorOption[];
};

const FIELDS = [
  "name",
  "definition",
  "unit",
  "kind",
  "baselineValue",
  "baselineDate",
  "targetValue",
  "targetDate",
  "frequency",
  "dataSource",
  "verificationMeans",
  "disaggregation",
  "globalIndicators",
] as const satisfies readonly (keyof IndicatorFormValues & IndicatorAuditField)[];

export function IndicatorForm({ defaults, errors, conflict, version, submitLabel, cancelTo, globalIndicators }: Props) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  // The browser checks what people type; the server checks again, with the version, on save.
  const { form, onSubmit, errorFor } = useValidatedForm(IndicatorSchema, { defaultValues: defaults, serverErrors: errors });
  const labels: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, indicatorFieldLabel(t, field)]));
  const label = (field: (typeof FIELDS)[number]) => indicatorFieldLabel(t, field);
  const summaryErrors = errors
    ? Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.split(".")[0] ?? key, message]))
    : undefined;
  const listError = (name: "disaggregation" | "globalIndicators") =>
    errorFor(name) ?? Object.entries(errors ?? {}).find(([key]) => key.startsWith(`${name}.`))?.[1];
  const frameworks = (["SDG", "GCM"] as const).filter((framework) => globalIndicators.some((item) => item.framework === framework));

  return (
    <>
      <ErrorSummary errors={summaryErrors} labels={labels} />
      {conflict?.length ? (
        <section className="notice notice--warning conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("actions.conflictChanged", { fields: conflict.map((item) => label(item.field)).join(", ") })}</h2>
          <p>{t("actions.conflictCurrent")}</p>
          <dl className="details-list">
            {conflict.map((item) => (
              <div key={item.field}>
                <dt>{label(item.field)}</dt>
                <dd>{formatIndicatorValue(t, lang, item.field, item.current)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        {version !== undefined ? (
          <>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={version} />
          </>
        ) : null}
        <Field name="name" label={label("name")} error={errorFor("name")} required>
          {(control) => <input type="text" {...control} {...form.register("name")} defaultValue={defaults.name} />}
        </Field>
        <Field name="definition" label={label("definition")} error={errorFor("definition")}>
          {(control) => <textarea rows={3} {...control} {...form.register("definition")} defaultValue={defaults.definition} />}
        </Field>
        <div className="field-pair">
          <Field name="kind" label={label("kind")} error={errorFor("kind")} required>
            {(control) => (
              <select {...control} {...form.register("kind")} defaultValue={defaults.kind}>
                {INDICATOR_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`indicatorKind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="unit" label={label("unit")} help={t("indicators.help.unit")} error={errorFor("unit")}>
            {(control) => <input type="text" {...control} {...form.register("unit")} defaultValue={defaults.unit} />}
          </Field>
        </div>
        <div className="field-pair">
          <Field name="baselineValue" label={label("baselineValue")} help={t("indicators.help.value")} error={errorFor("baselineValue")}>
            {(control) => (
              <input type="text" inputMode="decimal" autoComplete="off" {...control} {...form.register("baselineValue")} defaultValue={defaults.baselineValue} />
            )}
          </Field>
          <Field name="baselineDate" label={label("baselineDate")} help={t("indicators.help.date")} error={errorFor("baselineDate")}>
            {(control) => <input type="date" {...control} {...form.register("baselineDate")} defaultValue={defaults.baselineDate} />}
          </Field>
        </div>
        <div className="field-pair">
          <Field name="targetValue" label={label("targetValue")} help={t("indicators.help.value")} error={errorFor("targetValue")}>
            {(control) => (
              <input type="text" inputMode="decimal" autoComplete="off" {...control} {...form.register("targetValue")} defaultValue={defaults.targetValue} />
            )}
          </Field>
          <Field name="targetDate" label={label("targetDate")} help={t("indicators.help.date")} error={errorFor("targetDate")}>
            {(control) => <input type="date" {...control} {...form.register("targetDate")} defaultValue={defaults.targetDate} />}
          </Field>
        </div>
        <Field name="frequency" label={label("frequency")} error={errorFor("frequency")} required>
          {(control) => (
            <select {...control} {...form.register("frequency")} defaultValue={defaults.frequency}>
              {FREQUENCIES.map((frequency) => (
                <option key={frequency} value={frequency}>
                  {t(`frequency.${frequency}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="dataSource" label={label("dataSource")} error={errorFor("dataSource")}>
          {(control) => <input type="text" {...control} {...form.register("dataSource")} defaultValue={defaults.dataSource} />}
        </Field>
        <Field name="verificationMeans" label={label("verificationMeans")} error={errorFor("verificationMeans")}>
          {(control) => <input type="text" {...control} {...form.register("verificationMeans")} defaultValue={defaults.verificationMeans} />}
        </Field>
        <CheckboxGroup name="disaggregation" legend={label("disaggregation")} help={t("indicators.help.disaggregation")} error={listError("disaggregation")} columns>
          {DISAGGREGATIONS.map((dimension) => (
            <label key={dimension} className="checkbox">
              <input
                type="checkbox"
                value={dimension}
                {...form.register("disaggregation")}
                defaultChecked={defaults.disaggregation.includes(dimension)}
              />
              <span>{t(`disaggregation.${dimension}`)}</span>
            </label>
          ))}
        </CheckboxGroup>
        {/* Checkboxes, not a <select multiple>: they work the same with or without JavaScript, on a phone too. */}
        <CheckboxGroup name="globalIndicators" legend={label("globalIndicators")} help={t("indicators.help.globalIndicators")} error={listError("globalIndicators")}>
          {frameworks.length === 0 ? <p className="muted">{t("indicators.noGlobalIndicator")}</p> : null}
          {frameworks.map((framework) => (
            <div key={framework} className="checkbox-subgroup">
              <p className="checkbox-subgroup__title">{t(`globalFramework.${framework}`)}</p>
              {globalIndicators
                .filter((item) => item.framework === framework)
                .map((item) => (
                  <label key={item.id} className="checkbox">
                    <input
                      type="checkbox"
                      value={item.id}
                      {...form.register("globalIndicators")}
                      defaultChecked={defaults.globalIndicators.includes(item.id)}
                    />
                    <span>
                      <strong>{item.code}</strong> – {lang === "en" ? item.titleEn : item.titleFr}
                    </span>
                  </label>
                ))}
            </div>
          ))}
        </CheckboxGroup>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : submitLabel}
          </button>
          <Link to={cancelTo}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
