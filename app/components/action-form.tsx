// The action form, for creating and editing: works as a plain POST before JavaScript loads.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useMemo, useRef, type ReactNode } from "react";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { OrganisationOptions, type OrganisationChoice } from "~/components/organisation-options";
import type { ActionAuditField } from "~/modules/actions/audit-fields";
import type { ActionFormValues } from "~/modules/actions/form-values";
import { actionFieldLabel, formatActionValue } from "~/modules/actions/history";
import { actionSchema, PRIORITIES, type PlanPeriod } from "~/modules/actions/schema";
import type { FieldErrors } from "~/utils/forms";
import { formatDate, translateMessage, useLang, useT } from "~/utils/i18n";

type Titled = { titleFr: string; titleEn: string };

export type ActionChoices = {
  objectives: ({ number: number } & Titled)[];
  axes: ({ id: string; number: number } & Titled)[];
  principles: ({ number: number } & Titled)[];
  organisations: OrganisationChoice[];
};

export type ActionConflict = { field: ActionAuditField; current: string | number | null }[];

type Props = {
  choices: ActionChoices;
  period: PlanPeriod;
  defaults: ActionFormValues;
  errors?: FieldErrors;
  /** The fields someone else changed, after a 409. */
  conflict?: ActionConflict;
  /** Edit form: the version the editor started from. */
  version?: number;
  /** Create form: the code each objective's next action would get. */
  codeSuggestions?: Record<number, string>;
  submitLabel: string;
  cancelTo: string;
};

// Form field names and the labels they share with the audit trail.
const LABEL_FIELDS = {
  code: "code",
  title: "title",
  description: "description",
  expectedResult: "expectedResult",
  mainObjectiveNumber: "mainObjectiveNumber",
  otherObjectives: "otherObjectives",
  axisIds: "axes",
  principleNumbers: "principles",
  leadOrganisationId: "leadOrganisation",
  partnerIds: "partners",
  startDate: "startDate",
  endDate: "endDate",
  estimatedBudget: "estimatedBudget",
  securedFunding: "securedFunding",
  priority: "priority",
} as const satisfies Record<keyof ActionFormValues, ActionAuditField>;

export function ActionForm({ choices, period, defaults, errors, conflict, version, codeSuggestions, submitLabel, cancelTo }: Props) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  // The browser checks what people type; the server checks again, with the version, on save.
  const schema = useMemo(() => actionSchema(period), [period]);
  const { form, onSubmit, errorFor } = useValidatedForm(schema, { defaultValues: defaults, serverErrors: errors });
  const lastSuggestion = useRef(codeSuggestions?.[Number(defaults.mainObjectiveNumber)] ?? "");
  const title = (item: Titled) => (lang === "en" ? item.titleEn : item.titleFr);
  const labels: Record<string, string> = Object.fromEntries(
    Object.entries(LABEL_FIELDS).map(([name, field]) => [name, actionFieldLabel(t, field)]),
  );
  // A list's item errors ("partnerIds.2") belong to the list.
  const listError = (name: string) =>
    errorFor(name) ?? Object.entries(errors ?? {}).find(([key]) => key.startsWith(`${name}.`))?.[1];
  const summaryErrors = errors
    ? Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.split(".")[0] ?? key, message]))
    : undefined;
  const dateHelp = t("actions.help.date", {
    start: formatDate(lang, `${period.startDate}T00:00:00Z`, { dateStyle: "short" }),
    end: formatDate(lang, `${period.endDate}T00:00:00Z`, { dateStyle: "short" }),
  });

  const objectiveField = form.register("mainObjectiveNumber", {
    onChange: (event: { target: { value: string } }) => {
      if (!codeSuggestions) return;
      const suggestion = codeSuggestions[Number(event.target.value)];
      const code = String(form.getValues("code") ?? "");
      // Follow the objective only while the code is still the suggested one.
      if (suggestion && (code === "" || code === lastSuggestion.current)) {
        form.setValue("code", suggestion);
        lastSuggestion.current = suggestion;
      }
    },
  });

  return (
    <>
      <ErrorSummary errors={summaryErrors} labels={labels} />
      {conflict?.length ? (
        <section className="notice notice--warning conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("actions.conflictChanged", { fields: conflict.map((item) => actionFieldLabel(t, item.field)).join(", ") })}</h2>
          <p>{t("actions.conflictCurrent")}</p>
          <dl className="details-list">
            {conflict.map((item) => (
              <div key={item.field}>
                <dt>{actionFieldLabel(t, item.field)}</dt>
                <dd>{formatActionValue(t, lang, item.field, item.current)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="form form--wide">
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}

        <Field name="mainObjectiveNumber" label={labels.mainObjectiveNumber ?? ""} error={errorFor("mainObjectiveNumber")} required>
          {(control) => (
            <select {...control} {...objectiveField} defaultValue={defaults.mainObjectiveNumber}>
              <option value="">{t("actions.chooseObjective")}</option>
              {choices.objectives.map((objective) => (
                <option key={objective.number} value={objective.number}>
                  {objective.number}. {title(objective)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="code" label={labels.code ?? ""} help={t("actions.help.code")} error={errorFor("code")} required>
          {(control) => (
            <input type="text" autoComplete="off" className="input--short" {...control} {...form.register("code")} defaultValue={defaults.code} />
          )}
        </Field>
        <Field name="title" label={labels.title ?? ""} error={errorFor("title")} required>
          {(control) => <input type="text" {...control} {...form.register("title")} defaultValue={defaults.title} />}
        </Field>
        <Field name="description" label={labels.description ?? ""} error={errorFor("description")}>
          {(control) => <textarea rows={4} {...control} {...form.register("description")} defaultValue={defaults.description} />}
        </Field>
        <Field name="expectedResult" label={labels.expectedResult ?? ""} error={errorFor("expectedResult")}>
          {(control) => <textarea rows={3} {...control} {...form.register("expectedResult")} defaultValue={defaults.expectedResult} />}
        </Field>

        <Field name="leadOrganisationId" label={labels.leadOrganisationId ?? ""} error={errorFor("leadOrganisationId")} required>
          {(control) => (
            <select {...control} {...form.register("leadOrganisationId")} defaultValue={defaults.leadOrganisationId}>
              <OrganisationOptions organisations={choices.organisations} emptyLabel={t("actions.chooseOrganisation")} />
            </select>
          )}
        </Field>
        <Field name="priority" label={labels.priority ?? ""} error={errorFor("priority")} required>
          {(control) => (
            <select {...control} {...form.register("priority")} defaultValue={defaults.priority}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <div className="field-pair">
          <Field name="startDate" label={labels.startDate ?? ""} help={dateHelp} error={errorFor("startDate")}>
            {(control) => <input type="date" {...control} {...form.register("startDate")} defaultValue={defaults.startDate} />}
          </Field>
          <Field name="endDate" label={labels.endDate ?? ""} help={dateHelp} error={errorFor("endDate")}>
            {(control) => <input type="date" {...control} {...form.register("endDate")} defaultValue={defaults.endDate} />}
          </Field>
        </div>
        <div className="field-pair">
          <Field name="estimatedBudget" label={labels.estimatedBudget ?? ""} help={t("actions.help.amount")} error={errorFor("estimatedBudget")}>
            {(control) => (
              <input type="text" inputMode="numeric" autoComplete="off" {...control} {...form.register("estimatedBudget")} defaultValue={defaults.estimatedBudget} />
            )}
          </Field>
          <Field name="securedFunding" label={labels.securedFunding ?? ""} help={t("actions.help.amount")} error={errorFor("securedFunding")}>
            {(control) => (
              <input type="text" inputMode="numeric" autoComplete="off" {...control} {...form.register("securedFunding")} defaultValue={defaults.securedFunding} />
            )}
          </Field>
        </div>

        <CheckboxGroup name="otherObjectives" legend={labels.otherObjectives ?? ""} error={listError("otherObjectives")} columns>
          {choices.objectives.map((objective) => (
            <label key={objective.number} className="checkbox">
              <input
                type="checkbox"
                value={String(objective.number)}
                {...form.register("otherObjectives")}
                defaultChecked={defaults.otherObjectives.includes(String(objective.number))}
              />
              <span>
                {objective.number}. {title(objective)}
              </span>
            </label>
          ))}
        </CheckboxGroup>
        <CheckboxGroup name="axisIds" legend={labels.axisIds ?? ""} error={listError("axisIds")}>
          {choices.axes.map((axis) => (
            <label key={axis.id} className="checkbox">
              <input type="checkbox" value={axis.id} {...form.register("axisIds")} defaultChecked={defaults.axisIds.includes(axis.id)} />
              <span>
                {t("axis.label", { number: axis.number })} – {title(axis)}
              </span>
            </label>
          ))}
        </CheckboxGroup>
        <CheckboxGroup name="principleNumbers" legend={labels.principleNumbers ?? ""} error={listError("principleNumbers")} columns>
          {choices.principles.map((principle) => (
            <label key={principle.number} className="checkbox">
              <input
                type="checkbox"
                value={String(principle.number)}
                {...form.register("principleNumbers")}
                defaultChecked={defaults.principleNumbers.includes(String(principle.number))}
              />
              <span>
                {principle.number}. {title(principle)}
              </span>
            </label>
          ))}
        </CheckboxGroup>
        <CheckboxGroup name="partnerIds" legend={labels.partnerIds ?? ""} help={t("actions.help.partners")} error={listError("partnerIds")} columns>
          {choices.organisations.map((organisation) => (
            <label key={organisation.id} className="checkbox">
              <input
                type="checkbox"
                value={organisation.id}
                {...form.register("partnerIds")}
                defaultChecked={defaults.partnerIds.includes(organisation.id)}
              />
              <span>
                <abbr title={organisation.name}>{organisation.acronym}</abbr>
              </span>
            </label>
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

/** A list of checkboxes under one legend, with its help and error like any field. */
export function CheckboxGroup({
  name,
  legend,
  help,
  error,
  columns,
  children,
}: {
  name: string;
  legend: string;
  help?: string;
  error?: string;
  columns?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field checkbox-group" id={id} aria-describedby={describedBy || undefined} aria-invalid={Boolean(error)} tabIndex={-1}>
      <legend>{legend}</legend>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <div className={columns ? "checkbox-columns" : undefined}>{children}</div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {translateMessage(t, error)}
        </p>
      ) : null}
    </fieldset>
  );
}
