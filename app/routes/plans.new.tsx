import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PlanForm } from "~/components/plan-form";
import { createPlan } from "~/modules/plans/plans.server";
import { PlanSchema } from "~/modules/plans/schema";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const parsed = parseForm(PlanSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const plan = await createPlan(user.id, parsed.data);
  throw redirect(`/plans/${plan.id}?notice=created`);
}

function text(value: string | string[] | undefined) {
  return typeof value === "string" ? value : "";
}

export default function NewPlanRoute() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>{t("plans.new")}</h1>
      <PlanForm
        schema={PlanSchema}
        errors={actionData?.errors}
        submitLabel={t("plans.create")}
        defaultValues={{
          title: text(values.title),
          description: text(values.description),
          startDate: text(values.startDate),
          endDate: text(values.endDate),
        }}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
