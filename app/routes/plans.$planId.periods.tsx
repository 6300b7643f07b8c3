// A plan's reporting periods: open one, generate the plan's quarters or half-years, close or reopen.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { getPlan } from "~/modules/plans/plans.server";
import { closePeriod, generatePeriods, getPeriod, listPeriods, openPeriod, reopenPeriod } from "~/modules/reporting/periods.server";
import {
  DEFAULT_DUE_AFTER_DAYS,
  GeneratePeriodsSchema,
  PERIOD_FREQUENCIES,
  PeriodRefSchema,
  PeriodSchema,
} from "~/modules/reporting/schema";
import actionsStyles from "~/styles/actions.css";
import reportingStyles from "~/styles/reporting.css";
import { requireUserWith } from "~/utils/auth.server";
import { DomainError } from "~/utils/domain-error";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatDate, translateMessage, useLang, useT, type MessageKey } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: actionsStyles },
  { rel: "stylesheet", href: reportingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Périodes de rapport – ${loaderData.plan.title} – Pacte` : "Périodes de rapport – Pacte" },
];

const NOTICES = {
  opened: "periods.opened",
  generated: "periods.generated",
  generatedNone: "periods.generatedNone",
  closed: "periods.closed",
  reopened: "periods.reopened",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const params = new URL(request.url).searchParams;
  const key = Object.entries(NOTICES).find(([name]) => name === params.get("notice"))?.[1];
  return key ? { key, label: params.get("label") ?? "", count: params.get("count") ?? "", skipped: params.get("skipped") ?? "" } : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  return {
    plan: { id: plan.id, title: plan.title, status: plan.status, startDate: plan.startDate, endDate: plan.endDate },
    periods: await listPeriods(plan.id),
    canManage: can(user, "period:manage"),
    notice: noticeFrom(request),
  };
}

type Intent = "open" | "generate" | "close" | "reopen";
type ActionResult = { intent: Intent | null; errors: FieldErrors; values: FormValues };

function refused(status: number, result: ActionResult) {
  return data(result, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "period:manage");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/plans/${plan.id}/periods`;
  try {
    if (intent === "open") {
      const parsed = parseForm(PeriodSchema, formData);
      if (!parsed.ok) return refused(400, { intent, errors: parsed.errors, values: parsed.values });
      const result = await openPeriod(user.id, plan.id, parsed.data);
      if (!result.ok) return refused(400, { intent, errors: result.errors, values: parsed.values });
      throw redirect(`${back}?notice=opened&label=${encodeURIComponent(parsed.data.label)}`);
    }
    if (intent === "generate") {
      const parsed = parseForm(GeneratePeriodsSchema, formData);
      if (!parsed.ok) return refused(400, { intent, errors: parsed.errors, values: parsed.values });
      const result = await generatePeriods(user.id, plan.id, parsed.data);
      const notice = result.created.length ? "generated" : "generatedNone";
      throw redirect(`${back}?notice=${notice}&count=${result.created.length}&skipped=${result.skipped}`);
    }
    if (intent === "close" || intent === "reopen") {
      const parsed = parseForm(PeriodRefSchema, formData);
      if (!parsed.ok) return refused(400, { intent, errors: { form: "validation.invalidForm" }, values: parsed.values });
      const period = await getPeriod(parsed.data.periodId);
      if (!period || period.planId !== plan.id) notFound();
      await (intent === "close" ? closePeriod : reopenPeriod)(user.id, period.id);
      throw redirect(`${back}?notice=${intent === "close" ? "closed" : "reopened"}&label=${encodeURIComponent(period.label)}`);
    }
    return refused(400, { intent: null, errors: { form: "validation.invalidForm" }, values: {} });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === "notFound") notFound();
    return refused(409, { intent: intent === "open" || intent === "generate" ? intent : null, errors: { form: error.messageKey }, values: {} });
  }
}

function text(values: FormValues | undefined, name: string, fallback = "") {
  const value = values?.[name];
  return typeof value === "string" ? value : fallback;
}

export default function PeriodsRoute() {
  const { plan, periods, canManage, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const t = useT();
  const lang = useLang();
  const adopted = plan.status === "ADOPTED";
  const busy = navigation.state === "submitting";
  const formError = actionData && !actionData.intent ? actionData.errors : undefined;

  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>← {t("plans.back")}</Link>
      </p>
      <h1>{t("periods.title")}</h1>
      <p className="muted">
        {plan.title} · {t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })}
      </p>
      <p className="lead">{t("periods.intro")}</p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice.key, { label: notice.label, count: notice.count, skipped: notice.skipped })}
        </p>
      ) : null}
      <ErrorSummary errors={formError} labels={{}} />
      {!adopted ? <p className="notice notice--warning">{t("periods.planNotAdopted")}</p> : null}

      {periods.length === 0 ? (
        <p>{t("periods.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("periods.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("periods.col.label")}</th>
                <th scope="col">{t("periods.col.span")}</th>
                <th scope="col">{t("periods.col.due")}</th>
                <th scope="col">{t("periods.col.status")}</th>
                <th scope="col" className="num">
                  {t("periods.col.submitted")}
                </th>
                {canManage ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.id}>
                  <th scope="row">{period.label}</th>
                  <td>
                    {t("plans.periodValue", {
                      start: formatDate(lang, period.startDate, { dateStyle: "short" }),
                      end: formatDate(lang, period.endDate, { dateStyle: "short" }),
                    })}
                  </td>
                  <td className="nowrap">{formatDate(lang, period.dueDate, { dateStyle: "medium" })}</td>
                  <td>
                    <span className={`period-status period-status--${period.status}`}>
                      <span aria-hidden="true">{period.status === "OPEN" ? "●" : "■"}</span>
                      {t(`periods.status.${period.status}`)}
                    </span>
                  </td>
                  <td className="num">{t("periods.submittedOf", { submitted: period.submitted, expected: period.expected })}</td>
                  {canManage ? (
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="periodId" value={period.id} />
                        {period.status === "OPEN" ? (
                          <button type="submit" name="intent" value="close" className="button button--secondary" disabled={busy}>
                            {t("periods.close")}
                            <span className="visually-hidden"> {period.label}</span>
                          </button>
                        ) : (
                          <button type="submit" name="intent" value="reopen" className="button button--secondary" disabled={busy}>
                            {t("periods.reopen")}
                            <span className="visually-hidden"> {period.label}</span>
                          </button>
                        )}
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canManage && adopted ? (
        <div className="period-forms">
          <section aria-labelledby="open-period" className="card">
            <h2 id="open-period">{t("periods.openTitle")}</h2>
            <OpenPeriodForm
              key={location.key}
              errors={actionData?.intent === "open" ? actionData.errors : undefined}
              values={actionData?.intent === "open" ? actionData.values : undefined}
            />
          </section>
          <section aria-labelledby="generate-periods" className="card">
            <h2 id="generate-periods">{t("periods.generateTitle")}</h2>
            <p className="muted">{t("periods.generateHelp")}</p>
            <GeneratePeriodsForm
              key={location.key}
              errors={actionData?.intent === "generate" ? actionData.errors : undefined}
              values={actionData?.intent === "generate" ? actionData.values : undefined}
            />
          </section>
        </div>
      ) : null}
    </>
  );
}

function OpenPeriodForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = {
    label: text(values, "label"),
    startDate: text(values, "startDate"),
    endDate: text(values, "endDate"),
    dueDate: text(values, "dueDate"),
  };
  const { form, onSubmit, errorFor } = useValidatedForm(PeriodSchema, { defaultValues: defaults, serverErrors: errors });
  const labels = {
    label: t("periods.field.label"),
    startDate: t("periods.field.startDate"),
    endDate: t("periods.field.endDate"),
    dueDate: t("periods.field.dueDate"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <input type="hidden" name="intent" value="open" />
        <Field name="label" label={labels.label} help={t("periods.help.label")} error={errorFor("label")} required>
          {(control) => <input type="text" {...control} {...form.register("label")} defaultValue={defaults.label} />}
        </Field>
        <div className="field-pair">
          <Field name="startDate" label={labels.startDate} help={t("plans.field.dateHelp")} error={errorFor("startDate")} required>
            {(control) => <input type="date" {...control} {...form.register("startDate")} defaultValue={defaults.startDate} />}
          </Field>
          <Field name="endDate" label={labels.endDate} help={t("plans.field.dateHelp")} error={errorFor("endDate")} required>
            {(control) => <input type="date" {...control} {...form.register("endDate")} defaultValue={defaults.endDate} />}
          </Field>
        </div>
        <Field name="dueDate" label={labels.dueDate} help={t("periods.help.dueDate")} error={errorFor("dueDate")} required>
          {(control) => <input type="date" {...control} {...form.register("dueDate")} defaultValue={defaults.dueDate} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("periods.open")}
          </button>
        </div>
      </Form>
    </>
  );
}

function GeneratePeriodsForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = {
    frequency: text(values, "frequency", "QUARTERLY"),
    dueAfterDays: text(values, "dueAfterDays", String(DEFAULT_DUE_AFTER_DAYS)),
  };
  const { form, onSubmit, errorFor } = useValidatedForm(GeneratePeriodsSchema, { defaultValues: defaults, serverErrors: errors });
  const labels = { frequency: t("periods.field.frequency"), dueAfterDays: t("periods.field.dueAfterDays") };
  const frequencyError = errorFor("frequency");
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <input type="hidden" name="intent" value="generate" />
        <fieldset className="field checkbox-group" id="field-frequency" aria-invalid={Boolean(frequencyError)}>
          <legend>
            {labels.frequency} <span className="required">({t("form.required")})</span>
          </legend>
          {PERIOD_FREQUENCIES.map((frequency) => (
            <label key={frequency} className="checkbox">
              <input type="radio" value={frequency} {...form.register("frequency")} defaultChecked={defaults.frequency === frequency} />
              <span>{t(`periods.frequency.${frequency}`)}</span>
            </label>
          ))}
          {frequencyError ? <p className="field-error">{translateMessage(t, frequencyError)}</p> : null}
        </fieldset>
        <Field name="dueAfterDays" label={labels.dueAfterDays} help={t("periods.help.dueAfterDays")} error={errorFor("dueAfterDays")} required>
          {(control) => (
            <input type="text" inputMode="numeric" className="input--short" {...control} {...form.register("dueAfterDays")} defaultValue={defaults.dueAfterDays} />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("periods.generate")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
