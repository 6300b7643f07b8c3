import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PlanForm } from "~/components/plan-form";
import { getPlan, planPeriod, requireDraftPlan, updatePlan } from "~/modules/plans/plans.server";
import { PlanEditSchema } from "~/modules/plans/schema";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");
  return { plan: { id: plan.id, title: plan.title, description: plan.description ?? "", version: plan.version, ...planPeriod(plan) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");
  const parsed = parseForm(PlanEditSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  return handleDomainErrors(
    async () => {
      await updatePlan(user.id, plan.id, parsed.data);
      return redirect(`/plans/${plan.id}?notice=saved`);
    },
    // After a conflict the form carries the latest version: the editor has been told,
    // so saving again is a deliberate overwrite.
    async (error) => {
      const latest = error.reason === "stale" ? await getPlan(plan.id) : null;
      return { values: latest ? { ...parsed.values, version: String(latest.version) } : parsed.values };
    },
  );
}

function text(value: string | string[] | undefined, fallback: string) {
  return typeof value === "string" ? value : fallback;
}

export default function EditPlanRoute() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const values = actionData?.values ?? {};
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>← {t("plans.back")}</Link>
      </p>
      <h1>{t("plans.edit")}</h1>
      <PlanForm
        schema={PlanEditSchema}
        errors={actionData?.errors}
        submitLabel={t("plans.save")}
        defaultValues={{
          title: text(values.title, plan.title),
          description: text(values.description, plan.description),
          startDate: text(values.startDate, plan.startDate),
          endDate: text(values.endDate, plan.endDate),
          // The version the editor started from, even after a refused save.
          version: text(values.version, String(plan.version)),
        }}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
