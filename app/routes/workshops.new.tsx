import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { listValue, textValue, WorkshopSchema } from "~/modules/workshops/schema";
import { createWorkshop, listWorkshopChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { translateMessage, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Nouvel atelier – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  return listWorkshopChoices();
}

function typed(values: FormValues) {
  const text = (name: string) => textValue(values, name);
  return {
    title: text("title"),
    startDate: text("startDate"),
    endDate: text("endDate"),
    place: text("place"),
    organisers: text("organisers"),
    planId: text("planId"),
    notes: text("notes"),
    participantIds: listValue(values, "participantIds"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const parsed = parseForm(WorkshopSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createWorkshop(user.id, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/workshops/${result.id}?notice=created`);
}

export default function NewWorkshopRoute() {
  const { organisations, plans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  // Also rendered as the inputs' default values, so the form is refilled without JavaScript.
  const defaults = actionData?.values ?? typed({});
  const { form, onSubmit, errorFor } = useValidatedForm(WorkshopSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
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

  return (
    <>
      <p>
        <Link to="/workshops">← {t("workshops.back")}</Link>
      </p>
      <h1>{t("workshops.new")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <Field name="title" label={labels.title} error={errorFor("title")} required>
          {(control) => <input type="text" {...control} {...form.register("title")} defaultValue={defaults.title} />}
        </Field>
        <Field name="startDate" label={labels.startDate} help={t("workshops.field.dateHelp")} error={errorFor("startDate")} required>
          {(control) => <input type="date" {...control} {...form.register("startDate")} defaultValue={defaults.startDate} />}
        </Field>
        <Field name="endDate" label={labels.endDate} help={t("workshops.field.endDateHelp")} error={errorFor("endDate")} required>
          {(control) => <input type="date" {...control} {...form.register("endDate")} defaultValue={defaults.endDate} />}
        </Field>
        <Field name="place" label={labels.place} help={t("workshops.field.placeHelp")} error={errorFor("place")} required>
          {(control) => <input type="text" {...control} {...form.register("place")} defaultValue={defaults.place} />}
        </Field>
        <Field
          name="organisers"
          label={labels.organisers}
          help={t("workshops.field.organisersHelp")}
          error={errorFor("organisers")}
          required
        >
          {(control) => <input type="text" {...control} {...form.register("organisers")} defaultValue={defaults.organisers} />}
        </Field>
        <fieldset
          className="field"
          id="field-participantIds"
          style={{ border: 0, padding: 0, margin: "0 0 1rem" }}
          aria-describedby={participantsError ? "field-participantIds-error" : undefined}>
          <legend>{labels.participantIds}</legend>
          <span className="help">{t("workshops.field.participantsHelp")}</span>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(17rem, 1fr))", gap: "0.2rem 1rem" }}>
            {organisations.map((organisation) => (
              <label key={organisation.id} className="checkbox" style={{ fontWeight: 400, alignItems: "flex-start" }}>
                <input
                  type="checkbox"
                  value={organisation.id}
                  {...form.register("participantIds")}
                  defaultChecked={defaults.participantIds.includes(organisation.id)}
                  style={{ marginTop: "0.3rem", width: "1.1rem", height: "1.1rem", flex: "none" }}
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
            <select {...control} {...form.register("planId")} defaultValue={defaults.planId}>
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
          {(control) => <textarea rows={5} {...control} {...form.register("notes")} defaultValue={defaults.notes} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("workshops.create")}
          </button>
          <Link to="/workshops">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
