import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { listValue, textValue, WorkshopEditSchema } from "~/modules/workshops/schema";
import { getWorkshopForEdit, listWorkshopChoices, updateWorkshop } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { translateMessage, useT } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Modifier l'atelier ${loaderData.workshop.title} – Pacte` : "Atelier – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const workshop = await getWorkshopForEdit(params.workshopId ?? "");
  if (!workshop) notFound();
  return { workshop, ...(await listWorkshopChoices(workshop.participantIds)) };
}

// Single fetch skips reloading after a 4xx action; after a conflict the form needs the newer timestamp.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const parsed = parseForm(WorkshopEditSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updateWorkshop(user.id, workshopId, parsed.data);
  if (result.ok) throw redirect(`/workshops/${workshopId}?notice=saved`);
  if (result.reason === "notFound") notFound();
  if (result.reason === "conflict") return data({ errors: { form: "conflict.stale" }, values }, { status: 409 });
  return data({ errors: result.errors, values }, { status: 400 });
}

export default function EditWorkshopRoute() {
  const { workshop, organisations, plans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  // What the editor typed wins over the stored workshop, even after a conflict.
  const defaults = actionData?.values ?? workshop;
  const { form, onSubmit, errorFor } = useValidatedForm(WorkshopEditSchema, {
    defaultValues: { ...defaults, updatedAt: workshop.updatedAt },
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
        <Link to={`/workshops/${workshop.id}`}>← {workshop.title}</Link>
      </p>
      <h1>{t("workshops.edit")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      {/* A new key after a conflict: the form takes the newer workshop's timestamp. */}
      <Form method="post" noValidate onSubmit={onSubmit} className="form" key={workshop.updatedAt}>
        <input type="hidden" {...form.register("updatedAt")} defaultValue={workshop.updatedAt} />
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
          aria-describedby={participantsError ? "field-participantIds-error" : undefined}
        >
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
          {(control) => <textarea rows={8} {...control} {...form.register("notes")} defaultValue={defaults.notes} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("workshops.save")}
          </button>
          <Link to={`/workshops/${workshop.id}`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
