import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { listValue, textValue, WorkingGroupSchema } from "~/modules/workshops/schema";
import { createWorkingGroup, getWorkshopSummary, listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { translateMessage, useLang, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Nouveau groupe de travail – Pacte" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const [workshop, objectives] = await Promise.all([getWorkshopSummary(params.workshopId ?? ""), listObjectiveChoices()]);
  if (!workshop) notFound();
  return { workshop, objectives };
}

function typed(values: FormValues) {
  return {
    name: textValue(values, "name"),
    moderator: textValue(values, "moderator"),
    objectiveNumbers: listValue(values, "objectiveNumbers"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const parsed = parseForm(WorkingGroupSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createWorkingGroup(user.id, workshopId, parsed.data);
  if (!result.ok) notFound();
  throw redirect(`/workshops/${workshopId}/groups/${result.id}?notice=groupCreated`);
}

export default function NewWorkingGroupRoute() {
  const { workshop, objectives } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const defaults = actionData?.values ?? typed({});
  const { form, onSubmit, errorFor } = useValidatedForm(WorkingGroupSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  const labels = {
    name: t("workshops.groups.name"),
    moderator: t("workshops.groups.moderator"),
    objectiveNumbers: t("workshops.groups.objectives"),
  };
  const objectivesError = errorFor("objectiveNumbers");

  return (
    <>
      <p>
        <Link to={`/workshops/${workshop.id}`}>← {workshop.title}</Link>
      </p>
      <h1>{t("workshops.groups.new")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <Field name="name" label={labels.name} help={t("workshops.groups.nameHelp")} error={errorFor("name")} required>
          {(control) => <input type="text" {...control} {...form.register("name")} defaultValue={defaults.name} />}
        </Field>
        <Field name="moderator" label={labels.moderator} help={t("workshops.groups.moderatorHelp")} error={errorFor("moderator")}>
          {(control) => <input type="text" {...control} {...form.register("moderator")} defaultValue={defaults.moderator} />}
        </Field>
        <fieldset
          className="field choice-fieldset"
          id="field-objectiveNumbers"
          aria-describedby={objectivesError ? "field-objectiveNumbers-error" : undefined}
        >
          <legend>
            {labels.objectiveNumbers} <span className="required">({t("form.required")})</span>
          </legend>
          <span className="help">{t("workshops.groups.objectivesHelp")}</span>
          {objectives.map((objective) => (
            <label key={objective.number} className="checkbox">
              <input
                type="checkbox"
                value={String(objective.number)}
                {...form.register("objectiveNumbers")}
                defaultChecked={defaults.objectiveNumbers.includes(String(objective.number))}
              />
              <span>
                <span className="objective-number">{objective.number}.</span> {lang === "en" ? objective.titleEn : objective.titleFr}
              </span>
            </label>
          ))}
          {objectivesError ? (
            <p className="field-error" id="field-objectiveNumbers-error">
              {translateMessage(t, objectivesError)}
            </p>
          ) : null}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("workshops.groups.create")}
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
