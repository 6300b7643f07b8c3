// A reviewer's decision on a submitted report: approve, or send it back with a comment. The
// version read is posted with it, so a decision taken elsewhere meanwhile is a conflict.
import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { ReviewDecisionSchema, type ReviewIntent } from "~/modules/reviews/schema";
import type { FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n";

export type Submitted = { intent: ReviewIntent | "reopen"; errors: FieldErrors; comment: string };

export function DecisionForm({ intent, version, submitted }: { intent: ReviewIntent; version: number; submitted?: Submitted }) {
  const t = useT();
  const navigation = useNavigation();
  const mine = submitted?.intent === intent ? submitted : undefined;
  // The form-wide error (a conflict) is shown once, at the top of the page.
  const fieldErrors = mine ? Object.fromEntries(Object.entries(mine.errors).filter(([name]) => name !== "form")) : undefined;
  const { form, onSubmit, errorFor } = useValidatedForm(ReviewDecisionSchema, {
    defaultValues: { intent, version: String(version), comment: mine?.comment ?? "" },
    serverErrors: mine?.errors,
  });
  const id = intent === "approve" ? "approve" : "request-changes";
  const label = t(intent === "approve" ? "reviews.approveComment" : "reviews.changesComment");
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card decision" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(intent === "approve" ? "reviews.approve" : "reviews.requestChanges")}</h2>
      <p className="muted">{t(intent === "approve" ? "reviews.approveHelp" : "reviews.requestChangesHelp")}</p>
      <ErrorSummary errors={fieldErrors} labels={{ comment: label }} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Field
        name={intent === "approve" ? "approve-comment" : "comment"}
        label={label}
        error={errorFor("comment")}
        required={intent === "requestChanges"}
      >
        {(control) => <textarea rows={4} {...control} {...form.register("comment")} defaultValue={mine?.comment ?? ""} />}
      </Field>
      <button type="submit" className={intent === "approve" ? "button" : "button button--warning"} disabled={busy}>
        {busy ? t("form.saving") : t(intent === "approve" ? "reviews.approve" : "reviews.requestChanges")}
      </button>
    </Form>
  );
}
