// A new action in a draft plan. `?objective=21` chooses the objective (and so the suggested code).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionForm } from "~/components/action-form";
import { ErrorPage, PLAN_NOT_DRAFT } from "~/components/error-page";
import { createAction, getActionChoices, suggestActionCodes } from "~/modules/actions/actions.server";
import { rethrowPlanNotDraft } from "~/modules/actions/draft.server";
import { actionFormValues, emptyActionFormValues } from "~/modules/actions/form-values";
import { actionSchema } from "~/modules/actions/schema";
import { planPeriod, requireDraftPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { useT } from "~/utils/i18n";
import actionsStyles from "~/styles/actions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction = () => [{ title: "Nouvelle action – Pacte" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");
  const [choices, codeSuggestions] = await Promise.all([getActionChoices(), suggestActionCodes(plan.id)]);
  const objective = Number(new URL(request.url).searchParams.get("objective"));
  const chosen = Number.isInteger(objective) && codeSuggestions[objective] ? objective : null;
  return {
    plan: { id: plan.id, title: plan.title },
    period: planPeriod(plan),
    choices,
    codeSuggestions,
    defaults: emptyActionFormValues(chosen ? { mainObjectiveNumber: String(chosen), code: codeSuggestions[chosen] ?? "" } : {}),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");
  const parsed = parseForm(actionSchema(planPeriod(plan)), await request.formData());
  const values = actionFormValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createAction(user.id, plan.id, parsed.data).catch(rethrowPlanNotDraft);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/actions/${result.id}?notice=created`);
}

export default function NewActionRoute() {
  const { plan, period, choices, codeSuggestions, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}/actions`}>{t("actions.back")}</Link>
      </p>
      <h1>{t("actions.newTitle")}</h1>
      <p className="muted">{t("actions.plan", { title: plan.title })}</p>
      <ActionForm
        choices={choices}
        period={period}
        defaults={actionData?.values ?? defaults}
        errors={actionData?.errors}
        codeSuggestions={codeSuggestions}
        submitLabel={t("actions.create")}
        cancelTo={`/plans/${plan.id}/actions`}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage conflict={PLAN_NOT_DRAFT} />;
}
