// Editing an action of a draft plan; a stale form gets a 409 that says what changed meanwhile.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionForm } from "~/components/action-form";
import { ErrorPage, PLAN_NOT_DRAFT } from "~/components/error-page";
import { getActionChoices, getActionFormValues, getActionSummary, updateAction } from "~/modules/actions/actions.server";
import { rethrowPlanNotDraft } from "~/modules/actions/draft.server";
import { actionFormValues } from "~/modules/actions/form-values";
import { actionEditSchema } from "~/modules/actions/schema";
import { planPeriod, requireDraftPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import actionsStyles from "~/styles/actions.css";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Modifier ${loaderData.code} – Pacte` : "Modifier l'action – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const stored = await getActionFormValues(params.actionId ?? "");
  if (!stored) notFound();
  const plan = await requireDraftPlan(stored.planId);
  const choices = await getActionChoices({ includeOrganisationIds: stored.organisationIds, includeAxisIds: stored.axisIds });
  return {
    id: params.actionId ?? "",
    code: stored.values.code,
    version: stored.version,
    values: stored.values,
    plan: { id: plan.id, title: plan.title },
    period: planPeriod(plan),
    choices,
  };
}

// After a conflict the page must load the newer version, or the next save would conflict too.
export const shouldRevalidate = revalidateAfterConflict;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const actionId = params.actionId ?? "";
  const summary = await getActionSummary(actionId);
  if (!summary) notFound();
  const plan = await requireDraftPlan(summary.planId);
  const parsed = parseForm(actionEditSchema(planPeriod(plan)), await request.formData());
  const values = actionFormValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values, changed: null }, { status: 400 });
  const result = await updateAction(user.id, actionId, parsed.data).catch(rethrowPlanNotDraft);
  if (result.ok) throw redirect(`/actions/${actionId}?notice=saved`);
  if (result.reason === "notFound") notFound();
  if (result.reason === "conflict") {
    return data({ errors: { form: "conflict.stale" }, values, changed: result.changed }, { status: 409 });
  }
  return data({ errors: result.errors, values, changed: null }, { status: 400 });
}

export default function EditActionRoute() {
  const { id, code, version, values, plan, period, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/actions/${id}`}>{t("indicators.back", { code })}</Link>
      </p>
      <h1>{t("actions.editTitle", { code })}</h1>
      <p className="muted">{t("actions.plan", { title: plan.title })}</p>
      <ActionForm
        // A newer stored version (after a conflict) restarts the form, still from what was typed.
        key={version}
        choices={choices}
        period={period}
        defaults={actionData?.values ?? values}
        errors={actionData?.errors}
        conflict={actionData?.changed ?? undefined}
        version={version}
        submitLabel={t("actions.save")}
        cancelTo={`/actions/${id}`}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage conflict={PLAN_NOT_DRAFT} />;
}
