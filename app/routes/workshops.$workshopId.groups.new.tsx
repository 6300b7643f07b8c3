import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, useValidatedForm } from "~/components/form";
import { WorkingGroupFields, workingGroupLabels } from "~/components/working-group-fields";
import { listValue, textValue, WorkingGroupSchema } from "~/modules/workshops/schema";
import { createWorkingGroup, getWorkshopSummary, listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";

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
  const defaults = actionData?.values ?? typed({});
  const { form, onSubmit, errorFor } = useValidatedForm(WorkingGroupSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  const labels = workingGroupLabels(t);

  return (
    <>
      <p>
        <Link to={`/workshops/${workshop.id}`}>← {workshop.title}</Link>
      </p>
      <h1>{t("workshops.groups.new")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <WorkingGroupFields register={form.register} errorFor={errorFor} labels={labels} defaults={defaults} objectives={objectives} />
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
