// The two short notes around a report: the focal point's reply to the reviewers, and a
// partner organisation's contribution.
import { Form, useNavigation } from "@remix-run/react";
import { formValueText as text } from "~/components/report-form";
import { Field, useValidatedForm } from "~/components/form";
import { ContributionSchema, ReplySchema } from "~/modules/reporting/schema";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useT } from "~/utils/i18n";

export function ReplyForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
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

export function ContributionForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
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

