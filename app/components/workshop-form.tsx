import { Form, Link, useNavigation } from "@remix-run/react";
import type { WorkshopEditSchema, WorkshopFormValues, WorkshopSchema } from "~/modules/workshops/schema";
import type { FieldErrors } from "~/utils/forms";
import { translateMessage, useT } from "~/utils/i18n";
import { ErrorSummary, Field, useValidatedForm } from "./form";
import type { OrganisationChoice } from "./organisation-options";

type Plan = { id: string; title: string; status: "DRAFT" | "ADOPTED" | "ARCHIVED" };

/**
 * The workshop's dates, place, participants and plan; used to create and to edit a workshop.
 * `defaultValues.updatedAt` is set when editing: it is posted back so a stale form gets a 409.
 */
export function WorkshopForm({
  schema,
  defaultValues,
  errors,
  submitLabel,
  cancelTo,
  organisations,
  plans,
}: {
  schema: typeof WorkshopSchema | typeof WorkshopEditSchema;
  defaultValues: WorkshopFormValues & { updatedAt?: string };
  errors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
  organisations: OrganisationChoice[];
  plans: Plan[];
}) {
  const t = useT();
  const navigation = useNavigation();
  const { form, onSubmit, errorFor } = useValidatedForm(schema, { defaultValues, serverErrors: errors });
  const labels = {
    title: t("workshops.field.title"),
    startDate: t("workshops.field.startDate"),
    endDate: t("workshops.field.endDate"),
    place: t("workshops.field.place"),
    organisers: t("workshops.field.organisers"),
    participantIds: t("workshops.field.participants"),
    planId: t("workshops.field.plan"),
    notes: t("workshops.field.notes"),
  };
  const participantsError = errorFor("participantIds");
  const saving = navigation.state === "submitting";

  // The inputs also get their default values as HTML, so the form is refilled without JavaScript.
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      {/* A new key after a conflict: the form takes the newer workshop's timestamp. */}
      <Form method="post" noValidate onSubmit={onSubmit} className="form" key={defaultValues.updatedAt}>
        {defaultValues.updatedAt ? <input type="hidden" name="updatedAt" value={defaultValues.updatedAt} /> : null}
        <Field name="title" label={labels.title} error={errorFor("title")} required>
          {(control) => <input type="text" {...control} {...form.register("title")} defaultValue={defaultValues.title} />}
        </Field>
        <Field name="startDate" label={labels.startDate} help={t("workshops.field.dateHelp")} error={errorFor("startDate")} required>
          {(control) => <input type="date" {...control} {...form.register("startDate")} defaultValue={defaultValues.startDate} />}
        </Field>
        <Field name="endDate" label={labels.endDate} help={t("workshops.field.endDateHelp")} error={errorFor("endDate")} required>
          {(control) => <input type="date" {...control} {...form.register("endDate")} defaultValue={defaultValues.endDate} />}
        </Field>
        <Field name="place" label={labels.place} help={t("workshops.field.placeHelp")} error={errorFor("place")} required>
          {(control) => <input type="text" {...control} {...form.register("place")} defaultValue={defaultValues.place} />}
        </Field>
        <Field
          name="organisers"
          label={labels.organisers}
          help={t("workshops.field.organisersHelp")}
          error={errorFor("organisers")}
          required
        >
          {(control) => <input type="text" {...control} {...form.register("organisers")} defaultValue={defaultValues.organisers} />}
        </Field>
        <fieldset
          className="field choice-fieldset"
          id="field-participantIds"
          aria-describedby={participantsError ? "field-participantIds-error" : undefined}
        >
          <legend>{labels.participantIds}</legend>
          <span className="help">{t("workshops.field.participantsHelp")}</span>
          <div className="choice-columns">
            {organisations.map((organisation) => (
              <label key={organisation.id} className="checkbox">
                <input
                  type="checkbox"
                  value={organisation.id}
                  {...form.register("participantIds")}
                  defaultChecked={defaultValues.participantIds.includes(organisation.id)}
                />
                <span>
                  <strong>{organisation.acronym}</strong> <span className="muted">{organisation.name}</span>
                </span>
              </label>
            ))}
          </div>
          {participantsError ? (
            <p className="field-error" id="field-participantIds-error">
              {translateMessage(t, participantsError)}
            </p>
          ) : null}
        </fieldset>
        <Field name="planId" label={labels.planId} help={t("workshops.field.planHelp")} error={errorFor("planId")}>
          {(control) => (
            <select {...control} {...form.register("planId")} defaultValue={defaultValues.planId}>
              <option value="">{t("workshops.field.noPlan")}</option>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title} ({t(`workshops.planStatus.${plan.status}`)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="notes" label={labels.notes} help={t("workshops.field.notesHelp")} error={errorFor("notes")}>
          {(control) => <textarea rows={8} {...control} {...form.register("notes")} defaultValue={defaultValues.notes} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("form.saving") : submitLabel}
          </button>
          <Link to={cancelTo}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
