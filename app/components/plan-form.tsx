import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PlanEditSchema, PlanSchema } from "~/modules/plans/schema";
import type { FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n";
import { ErrorSummary, Field, useValidatedForm } from "./form";

type PlanFormValues = { title: string; description: string; startDate: string; endDate: string; version?: string };

/** The plan's title, description and period; used to create and to edit a plan. */
export function PlanForm({
  schema,
  defaultValues,
  errors,
  submitLabel,
  children,
}: {
  schema: typeof PlanSchema | typeof PlanEditSchema;
  defaultValues: PlanFormValues;
  errors?: FieldErrors;
  submitLabel: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm(schema, { defaultValues, serverErrors: errors });
  const labels = {
    title: t("plans.field.title"),
    description: t("plans.field.description"),
    startDate: t("plans.field.startDate"),
    endDate: t("plans.field.endDate"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        {children}
        {defaultValues.version ? <input type="hidden" name="version" value={defaultValues.version} /> : null}
        <Field name="title" label={labels.title} error={errorFor("title")} required>
          {(control) => <input type="text" {...control} {...form.register("title")} />}
        </Field>
        <Field name="description" label={labels.description} error={errorFor("description")}>
          {(control) => <textarea rows={4} {...control} {...form.register("description")} />}
        </Field>
        <Field name="startDate" label={labels.startDate} help={t("plans.field.dateHelp")} error={errorFor("startDate")} required>
          {(control) => <input type="date" {...control} {...form.register("startDate")} />}
        </Field>
        <Field name="endDate" label={labels.endDate} help={t("plans.field.dateHelp")} error={errorFor("endDate")} required>
          {(control) => <input type="date" {...control} {...form.register("endDate")} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
