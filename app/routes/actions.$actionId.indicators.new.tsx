// A new indicator for an action of a draft plan.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { ErrorPage, PLAN_NOT_DRAFT } from "~/components/error-page";
import { getActionSummary } from "~/modules/actions/actions.server";
import { rethrowPlanNotDraft } from "~/modules/actions/draft.server";
import { emptyIndicatorFormValues, indicatorFormValues } from "~/modules/indicators/form-values";
import { createIndicator, unknownGlobalIndicators } from "~/modules/indicators/indicators.server";
import { listGlobalIndicators } from "~/modules/indicators/monitoring.server";
import { IndicatorSchema } from "~/modules/indicators/schema";
import { requireDraftPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import actionsStyles from "~/styles/actions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction = () => [{ title: "Nouvel indicateur – Pacte" }];

async function editableAction(actionId: string) {
  const summary = await getActionSummary(actionId);
  if (!summary) notFound();
  await requireDraftPlan(summary.planId);
  return summary;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const summary = await editableAction(params.actionId ?? "");
  return {
    action: { id: summary.id, code: summary.code, title: summary.title },
    defaults: emptyIndicatorFormValues(),
    globalIndicators: await listGlobalIndicators(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const summary = await editableAction(params.actionId ?? "");
  const parsed = parseForm(IndicatorSchema, await request.formData());
  const values = indicatorFormValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  if ((await unknownGlobalIndicators(parsed.data.globalIndicators)).length) {
    return data({ errors: { globalIndicators: "validation.unknownGlobalIndicator" }, values }, { status: 400 });
  }
  const created = await createIndicator(user.id, summary.id, parsed.data).catch(rethrowPlanNotDraft);
  if (!created) notFound();
  throw redirect(`/actions/${summary.id}?notice=indicatorCreated`);
}

export default function NewIndicatorRoute() {
  const { action, defaults, globalIndicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<NewIndicatorAction>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/actions/${action.id}`}>{t("indicators.back", { code: action.code })}</Link>
      </p>
      <h1>{t("indicators.newTitle", { code: action.code })}</h1>
      <p className="muted">{action.title}</p>
      <IndicatorForm
        defaults={actionData?.values ?? defaults}
        errors={actionData?.errors}
        submitLabel={t("indicators.create")}
        cancelTo={`/actions/${action.id}`}
        globalIndicators={globalIndicators}
      />
    </>
  );
}

// The page's data is called `action` too: name the route action's type before it is shadowed.
type NewIndicatorAction = typeof action;

export function ErrorBoundary() {
  return <ErrorPage conflict={PLAN_NOT_DRAFT} />;
}
